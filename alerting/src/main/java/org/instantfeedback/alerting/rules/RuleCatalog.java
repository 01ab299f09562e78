package org.instantfeedback.alerting.rules;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.instantfeedback.alerting.AlertKind;

/** Which settings each alert kind has, and how a rule is built from them. */
public final class RuleCatalog {
    private RuleCatalog() {
    }

    public static List<RuleField> fields(AlertKind kind) {
        return switch (kind) {
            case NEGATIVE_SURGE -> NegativeSurgeRule.FIELDS;
            case CSAT_DROP -> CsatDropRule.FIELDS;
            case VOLUME_SPIKE -> VolumeSpikeRule.FIELDS;
            case URGENT_REPORT -> UrgentReportRule.FIELDS;
            case UNANSWERED -> UnansweredRule.FIELDS;
        };
    }

    public static Optional<RuleField> field(AlertKind kind, String name) {
        return fields(kind).stream().filter(field -> field.name().equals(name)).findFirst();
    }

    /** The window a kind's rule judges; empty for kinds judged per message. */
    public static Optional<Duration> window(KindRule rule) {
        Object window = rule.settings().get(RuleField.WINDOW.name());
        return Optional.ofNullable((Duration) window);
    }

    static KindRule create(AlertKind kind, RuleSettings settings) {
        return switch (kind) {
            case NEGATIVE_SURGE -> NegativeSurgeRule.fromSettings(settings);
            case CSAT_DROP -> CsatDropRule.fromSettings(settings);
            case VOLUME_SPIKE -> VolumeSpikeRule.fromSettings(settings);
            case URGENT_REPORT -> UrgentReportRule.fromSettings(settings);
            case UNANSWERED -> UnansweredRule.fromSettings(settings);
        };
    }
}
