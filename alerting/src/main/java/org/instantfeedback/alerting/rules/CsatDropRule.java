package org.instantfeedback.alerting.rules;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.instantfeedback.alerting.AlertKind;

/**
 * When CSAT deserves an alert, judged on a window with at least {@code minRatings} 5-point ratings
 * and {@code minSenders} distinct unhappy people: below {@code floorPercent} (critical below
 * {@code criticalFloorPercent}), or {@code dropPoints} or more below the subject's own usual CSAT
 * once that baseline is warm (critical from {@code criticalDropPoints}). Healthy again only at
 * {@code clearFloorPercent} or more and less than {@code clearDropPoints} below the usual CSAT.
 */
public record CsatDropRule(boolean enabled, Duration window, double floorPercent, double criticalFloorPercent,
                           double clearFloorPercent, double dropPoints, double criticalDropPoints,
                           double clearDropPoints, int minRatings, int minSenders, Duration holdDown)
        implements KindRule {
    private static final RuleField FLOOR = new RuleField("floorPercent", RuleFieldType.PERCENT,
            "CSAT below which the alert opens as a warning");
    private static final RuleField CRITICAL_FLOOR = new RuleField("criticalFloorPercent", RuleFieldType.PERCENT,
            "CSAT below which it is critical");
    private static final RuleField CLEAR_FLOOR = new RuleField("clearFloorPercent", RuleFieldType.PERCENT,
            "CSAT from which the figures count as healthy again");
    private static final RuleField DROP = new RuleField("dropPoints", RuleFieldType.POINTS,
            "points below the usual CSAT at which the alert opens as a warning");
    private static final RuleField CRITICAL_DROP = new RuleField("criticalDropPoints", RuleFieldType.POINTS,
            "points below the usual CSAT at which it is critical");
    private static final RuleField CLEAR_DROP = new RuleField("clearDropPoints", RuleFieldType.POINTS,
            "points below the usual CSAT under which the figures count as healthy again");
    private static final RuleField MIN_RATINGS = new RuleField("minRatings", RuleFieldType.COUNT,
            "5-point ratings the window needs before its CSAT means anything");
    private static final RuleField MIN_SENDERS = new RuleField("minSenders", RuleFieldType.SENDERS,
            "distinct unhappy people the window needs");
    public static final List<RuleField> FIELDS = List.of(RuleField.ENABLED, RuleField.WINDOW, FLOOR, CRITICAL_FLOOR,
            CLEAR_FLOOR, DROP, CRITICAL_DROP, CLEAR_DROP, MIN_RATINGS, MIN_SENDERS, RuleField.HOLD_DOWN);

    public static final CsatDropRule DEFAULT = new CsatDropRule(true, Duration.ofHours(1), 60, 40, 70, 20, 35, 10,
            10, 5, Duration.ofMinutes(10));

    public CsatDropRule {
        RuleCheck check = new RuleCheck(AlertKind.CSAT_DROP)
                .field(RuleField.WINDOW, window).field(FLOOR, floorPercent).field(CRITICAL_FLOOR, criticalFloorPercent)
                .field(CLEAR_FLOOR, clearFloorPercent).field(DROP, dropPoints).field(CRITICAL_DROP, criticalDropPoints)
                .field(CLEAR_DROP, clearDropPoints).field(MIN_RATINGS, minRatings).field(MIN_SENDERS, minSenders)
                .field(RuleField.HOLD_DOWN, holdDown);
        if (check.fieldsValid()) {
            check.require(clearFloorPercent > floorPercent, "clearFloorPercent (%s) must be above floorPercent (%s),"
                            + " or the alert would flap around one threshold", clearFloorPercent, floorPercent)
                    .require(criticalFloorPercent <= floorPercent,
                            "criticalFloorPercent (%s) must be at most floorPercent (%s)",
                            criticalFloorPercent, floorPercent)
                    .require(clearDropPoints < dropPoints, "clearDropPoints (%s) must be below dropPoints (%s),"
                            + " or the alert would flap around one threshold", clearDropPoints, dropPoints)
                    .require(criticalDropPoints >= dropPoints,
                            "criticalDropPoints (%s) must be at least dropPoints (%s)", criticalDropPoints, dropPoints);
        }
        check.orThrow();
    }

    static CsatDropRule fromSettings(RuleSettings s) {
        return new CsatDropRule(s.toggle(RuleField.ENABLED), s.duration(RuleField.WINDOW), s.number(FLOOR),
                s.number(CRITICAL_FLOOR), s.number(CLEAR_FLOOR), s.number(DROP), s.number(CRITICAL_DROP),
                s.number(CLEAR_DROP), s.count(MIN_RATINGS), s.count(MIN_SENDERS), s.duration(RuleField.HOLD_DOWN));
    }

    @Override
    public AlertKind kind() {
        return AlertKind.CSAT_DROP;
    }

    @Override
    public Map<String, Object> settings() {
        return RuleSettings.of(FIELDS, enabled, window, floorPercent, criticalFloorPercent, clearFloorPercent,
                dropPoints, criticalDropPoints, clearDropPoints, minRatings, minSenders, holdDown).values();
    }
}
