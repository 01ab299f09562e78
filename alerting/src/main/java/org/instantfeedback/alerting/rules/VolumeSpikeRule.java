package org.instantfeedback.alerting.rules;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.instantfeedback.alerting.AlertKind;

/**
 * When the number of complaints deserves an alert: {@code spikeFactor} times the subject's usual
 * number in a window of the same length or more (critical from {@code criticalFactor}), with at
 * least {@code minComplaints} complaints from {@code minSenders} distinct people, and only once
 * the usual rate has been learnt (warm-up). Healthy again below {@code clearFactor} times the usual
 * number, or once the window holds too few complaints to judge.
 */
public record VolumeSpikeRule(boolean enabled, Duration window, double spikeFactor, double criticalFactor,
                              double clearFactor, int minComplaints, int minSenders, Duration holdDown)
        implements KindRule {
    private static final RuleField SPIKE = new RuleField("spikeFactor", RuleFieldType.FACTOR,
            "multiple of the usual complaints at which the alert opens as a warning");
    private static final RuleField CRITICAL = new RuleField("criticalFactor", RuleFieldType.FACTOR,
            "multiple of the usual complaints at which it is critical");
    private static final RuleField CLEAR = new RuleField("clearFactor", RuleFieldType.FACTOR,
            "multiple of the usual complaints below which the figures count as healthy again");
    private static final RuleField MIN_COMPLAINTS = new RuleField("minComplaints", RuleFieldType.COUNT,
            "complaints the window needs, however quiet the subject usually is");
    private static final RuleField MIN_SENDERS = new RuleField("minSenders", RuleFieldType.SENDERS,
            "distinct people complaining the window needs");
    public static final List<RuleField> FIELDS = List.of(RuleField.ENABLED, RuleField.WINDOW, SPIKE, CRITICAL, CLEAR,
            MIN_COMPLAINTS, MIN_SENDERS, RuleField.HOLD_DOWN);

    public static final VolumeSpikeRule DEFAULT = new VolumeSpikeRule(true, Duration.ofMinutes(15), 3, 5, 1.5, 10, 5,
            Duration.ofMinutes(10));

    public VolumeSpikeRule {
        RuleCheck check = new RuleCheck(AlertKind.VOLUME_SPIKE)
                .field(RuleField.WINDOW, window).field(SPIKE, spikeFactor).field(CRITICAL, criticalFactor)
                .field(CLEAR, clearFactor).field(MIN_COMPLAINTS, minComplaints).field(MIN_SENDERS, minSenders)
                .field(RuleField.HOLD_DOWN, holdDown);
        if (check.fieldsValid()) {
            check.require(clearFactor < spikeFactor, "clearFactor (%s) must be below spikeFactor (%s), or the alert"
                            + " would flap around one threshold", clearFactor, spikeFactor)
                    .require(criticalFactor >= spikeFactor, "criticalFactor (%s) must be at least spikeFactor (%s)",
                            criticalFactor, spikeFactor);
        }
        check.orThrow();
    }

    static VolumeSpikeRule fromSettings(RuleSettings s) {
        return new VolumeSpikeRule(s.toggle(RuleField.ENABLED), s.duration(RuleField.WINDOW), s.number(SPIKE),
                s.number(CRITICAL), s.number(CLEAR), s.count(MIN_COMPLAINTS), s.count(MIN_SENDERS),
                s.duration(RuleField.HOLD_DOWN));
    }

    @Override
    public AlertKind kind() {
        return AlertKind.VOLUME_SPIKE;
    }

    @Override
    public Map<String, Object> settings() {
        return RuleSettings.of(FIELDS, enabled, window, spikeFactor, criticalFactor, clearFactor, minComplaints,
                minSenders, holdDown).values();
    }
}
