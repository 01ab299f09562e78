package org.instantfeedback.streams.alerting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.instantfeedback.alerting.Wording;
import org.instantfeedback.alerting.baseline.BaselineSettings;
import org.instantfeedback.alerting.hierarchy.HierarchyFileException;
import org.instantfeedback.alerting.hierarchy.SubjectHierarchy;
import org.instantfeedback.alerting.rules.AlertRules;
import org.instantfeedback.alerting.rules.InvalidRuleException;
import org.instantfeedback.alerting.rules.RuleBook;
import org.instantfeedback.alerting.rules.RuleOverrideParser;
import org.instantfeedback.service.settings.Setting;
import org.instantfeedback.service.settings.ValueParser;
import org.instantfeedback.service.settings.ValueParsers;

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
    public static final String ALERT_WINDOWS = "ALERT_WINDOWS";
    public static final String ALERT_DEFAULT_RULES_JSON = "ALERT_DEFAULT_RULES_JSON";

    private static final Setting<List<Duration>> WINDOWS = Setting.of(ALERT_WINDOWS, "PT15M,PT1H,PT24H",
            wholeMinutes(), "Trailing windows of the rolling metrics, and the windows alert rules may judge; ISO-8601,"
                    + " comma-separated, whole minutes.");
    private static final Setting<Optional<String>> HIERARCHY_FILE = Setting.optional("ALERT_HIERARCHY_FILE",
            ValueParsers.text(), "Optional file of subject = groups lines (most specific first) so metrics and alerts"
                    + " roll up to depots, regions and brands; a bad line stops start-up.");
    private static final Setting<ZoneId> ZONE = Setting.of("ALERT_TIME_ZONE", "UTC", timeZone(),
            "Zone of the clock times in alert reasons (Europe/Berlin, UTC).");
    private static final Setting<Duration> EVALUATION_INTERVAL = Setting.duration("ALERT_EVALUATION_INTERVAL", "PT30S",
            "How often (wall clock) open alerts are judged again without new feedback, so quiet subjects"
                    + " resolve; ISO-8601.");
    private static final Setting<Optional<String>> DEFAULT_RULES_JSON = Setting.optional(ALERT_DEFAULT_RULES_JSON,
            ValueParsers.text(), "Optional JSON changing the built-in alert rules (same form as a"
                    + " feedback.alert-rules.v1 value); overrides on the rules topic apply on top.");

    /** The variables alerting is read from, its baselines' included. */
    public static final List<Setting<?>> SETTINGS = Stream.concat(
            Stream.of(WINDOWS, HIERARCHY_FILE, ZONE, EVALUATION_INTERVAL, DEFAULT_RULES_JSON),
            BaselineVariables.SETTINGS.stream()).toList();

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

    /**
     * The options the environment asks for; fails naming the variable that is malformed, and the
     * rule when a default rule judges a window not computed.
     */
    public static AlertingOptions from(Map<String, String> env) {
        List<Duration> windows = WINDOWS.from(env);
        AlertRules rules = defaultRules(env, windows);
        try {
            return new AlertingOptions(windows, hierarchy(env), ZONE.from(env), EVALUATION_INTERVAL.from(env), rules,
                    BaselineVariables.from(env));
        } catch (InvalidRuleException e) {
            throw new IllegalArgumentException(WINDOWS + " must include every window the default rules judge: "
                    + e.reason(), e);
        }
    }

    public AlertingOptions withHierarchy(SubjectHierarchy newHierarchy) {
        return new AlertingOptions(windows, newHierarchy, zone, evaluationInterval, defaultRules, baselines);
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

    private static AlertRules defaultRules(Map<String, String> env, List<Duration> windows) {
        Optional<String> json = DEFAULT_RULES_JSON.from(env);
        if (json.isEmpty()) {
            return AlertRules.DEFAULT;
        }
        try {
            return AlertRules.DEFAULT.with(new RuleOverrideParser(Set.copyOf(windows)).parse(json.get()));
        } catch (InvalidRuleException e) {
            throw new IllegalArgumentException(DEFAULT_RULES_JSON + " is not a valid rule: " + e.reason(), e);
        }
    }

    private static SubjectHierarchy hierarchy(Map<String, String> env) {
        Optional<String> value = HIERARCHY_FILE.from(env);
        if (value.isEmpty()) {
            return SubjectHierarchy.EMPTY;
        }
        try {
            Path file = Path.of(value.get());
            return SubjectHierarchy.parse(file.getFileName().toString(), Files.readString(file));
        } catch (InvalidPathException | IOException e) {
            throw new IllegalArgumentException(HIERARCHY_FILE + " must name a readable file, was '" + value.get()
                    + "': " + e.getMessage(), e);
        } catch (HierarchyFileException e) {
            throw new IllegalArgumentException(HIERARCHY_FILE + ": " + e.getMessage(), e);
        }
    }

    private static ValueParser<List<Duration>> wholeMinutes() {
        return text -> {
            List<Duration> windows = new ArrayList<>();
            // Each part must be a duration: an empty one (PT15M,,PT1H) is a mistake, not a gap to skip.
            for (String part : text.split(",")) {
                try {
                    Duration window = Duration.parse(part.strip());
                    if (window.toMillis() >= 60_000 && window.toMillis() % 60_000 == 0) {
                        windows.add(window);
                        continue;
                    }
                } catch (DateTimeParseException e) {
                    // reported below, with the rule
                }
                throw new IllegalArgumentException("must list whole minutes as ISO-8601 durations separated by"
                        + " commas, such as PT15M,PT1H,PT24H");
            }
            return windows;
        };
    }

    private static ValueParser<ZoneId> timeZone() {
        return text -> {
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("must be a time zone such as UTC or Europe/Berlin", e);
            }
        };
    }
}
