package org.instantfeedback.alerting.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.instantfeedback.alerting.AlertKind;

/** The rules in force for one subject or group: one per alert kind. */
public record AlertRules(NegativeSurgeRule negativeSurge, CsatDropRule csatDrop, VolumeSpikeRule volumeSpike,
                         UrgentReportRule urgentReport, UnansweredRule unanswered) {
    /** The documented defaults; deployments start from these, and overrides change them at run time. */
    public static final AlertRules DEFAULT = new AlertRules(NegativeSurgeRule.DEFAULT, CsatDropRule.DEFAULT,
            VolumeSpikeRule.DEFAULT, UrgentReportRule.DEFAULT, UnansweredRule.DEFAULT);

    public AlertRules {
        Objects.requireNonNull(negativeSurge, "negativeSurge");
        Objects.requireNonNull(csatDrop, "csatDrop");
        Objects.requireNonNull(volumeSpike, "volumeSpike");
        Objects.requireNonNull(urgentReport, "urgentReport");
        Objects.requireNonNull(unanswered, "unanswered");
    }

    public KindRule forKind(AlertKind kind) {
        return switch (kind) {
            case NEGATIVE_SURGE -> negativeSurge;
            case CSAT_DROP -> csatDrop;
            case VOLUME_SPIKE -> volumeSpike;
            case URGENT_REPORT -> urgentReport;
            case UNANSWERED -> unanswered;
        };
    }

    /** These rules with {@code rule} in place of the one of its kind. */
    public AlertRules with(KindRule rule) {
        return new AlertRules(
                rule instanceof NegativeSurgeRule r ? r : negativeSurge,
                rule instanceof CsatDropRule r ? r : csatDrop,
                rule instanceof VolumeSpikeRule r ? r : volumeSpike,
                rule instanceof UrgentReportRule r ? r : urgentReport,
                rule instanceof UnansweredRule r ? r : unanswered);
    }

    /**
     * These rules with an override applied; settings the override leaves out keep their values here.
     *
     * @throws InvalidRuleException with every kind's problems when the result is inconsistent
     */
    public AlertRules with(RuleOverride override) {
        AlertRules result = this;
        List<String> problems = new ArrayList<>();
        for (AlertKind kind : AlertKind.values()) {
            try {
                result = result.with(forKind(kind).withSettings(override.changesFor(kind)));
            } catch (InvalidRuleException e) {
                problems.addAll(e.reasons());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
        return result;
    }

    /** The windows these rules judge, so the pipeline can check it computes them. */
    public Set<Duration> windows() {
        return Set.copyOf(List.of(negativeSurge.window(), csatDrop.window(), volumeSpike.window()));
    }
}
