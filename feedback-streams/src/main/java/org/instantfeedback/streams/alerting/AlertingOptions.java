package org.instantfeedback.streams.alerting;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.instantfeedback.alerting.Wording;
import org.instantfeedback.alerting.baseline.BaselineSettings;
import org.instantfeedback.alerting.hierarchy.SubjectHierarchy;
import org.instantfeedback.alerting.rules.AlertRules;
import org.instantfeedback.alerting.rules.RuleBook;

/**
 * How the alerting part of the topology runs: which trailing windows it computes, the subject
 * hierarchy, the zone of clock times in reasons, how often open alerts are looked at again without
 * new feedback, and the default rules (before run-time overrides from the rules topic).
 *
 * @param windows            the trailing windows computed for metrics and judged by rules, shortest first
 * @param hierarchy          the groups of each subject
 * @param zone               the zone clock times in reason sentences are written in
 * @param evaluationInterval how often (wall-clock) open alerts are re-evaluated with the current window
 * @param defaultRules       the rules before any override, already checked against {@code windows}
 * @param baselines          how usual CSAT and usual complaints are learnt
 */
public record AlertingOptions(List<Duration> windows, SubjectHierarchy hierarchy, ZoneId zone,
                              Duration evaluationInterval, AlertRules defaultRules, BaselineSettings baselines) {
    public static final List<Duration> DEFAULT_WINDOWS = List.of(Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(24));
    public static final Duration DEFAULT_EVALUATION_INTERVAL = Duration.ofSeconds(30);

    public AlertingOptions {
        windows = windows.stream().sorted().distinct().toList();
        if (windows.isEmpty() || windows.stream().anyMatch(w -> w.compareTo(AlertingTopology.BUCKET) < 0
                || w.toMillis() % AlertingTopology.BUCKET.toMillis() != 0)) {
            throw new IllegalArgumentException("alert windows must be whole minutes, at least one, was " + windows);
        }
        Objects.requireNonNull(hierarchy, "hierarchy");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(defaultRules, "defaultRules");
        Objects.requireNonNull(baselines, "baselines");
        if (evaluationInterval.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException("the evaluation interval must be positive, was " + evaluationInterval);
        }
        // fails with the rule and window named when a default rule judges a window not computed
        RuleBook.of(defaultRules, hierarchy, Set.copyOf(windows));
    }

    /** The documented defaults: 15 minutes, 1 hour and 24 hours, no groups, UTC, every 30 seconds. */
    public static AlertingOptions defaults() {
        return new AlertingOptions(DEFAULT_WINDOWS, SubjectHierarchy.EMPTY, ZoneId.of("UTC"),
                DEFAULT_EVALUATION_INTERVAL, AlertRules.DEFAULT, BaselineSettings.DEFAULT);
    }

    public AlertingOptions withHierarchy(SubjectHierarchy newHierarchy) {
        return new AlertingOptions(windows, newHierarchy, zone, evaluationInterval, defaultRules, baselines);
    }

    public AlertingOptions withDefaultRules(AlertRules rules) {
        return new AlertingOptions(windows, hierarchy, zone, evaluationInterval, rules, baselines);
    }

    public Wording wording() {
        return new Wording(zone);
    }

    /** A rule book with the defaults and no overrides yet. */
    public RuleBook ruleBook() {
        return RuleBook.of(defaultRules, hierarchy, Set.copyOf(windows));
    }

    /** The longest window: how far back the buckets must reach. */
    public Duration longestWindow() {
        return windows.get(windows.size() - 1);
    }
}
