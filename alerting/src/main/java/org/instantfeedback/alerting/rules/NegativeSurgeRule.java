package org.instantfeedback.alerting.rules;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.instantfeedback.alerting.AlertKind;

/**
 * When the share of negative texts deserves an alert: at {@code openSharePercent} or more of the
 * scored texts in the window, with at least {@code minTexts} texts and {@code minSenders} distinct
 * people complaining; critical from {@code criticalSharePercent}. The alert counts as healthy only
 * below {@code clearSharePercent} (or once the window no longer holds enough texts or people to
 * judge): between clear and open it neither opens nor heals, which keeps it from flapping.
 */
public record NegativeSurgeRule(boolean enabled, Duration window, double openSharePercent,
                                double criticalSharePercent, double clearSharePercent, int minTexts, int minSenders,
                                Duration holdDown) implements KindRule {
    private static final RuleField OPEN = new RuleField("openSharePercent", RuleFieldType.PERCENT,
            "negative share (of scored texts) at which the alert opens as a warning");
    private static final RuleField CRITICAL = new RuleField("criticalSharePercent", RuleFieldType.PERCENT,
            "negative share at which it is critical");
    private static final RuleField CLEAR = new RuleField("clearSharePercent", RuleFieldType.PERCENT,
            "negative share below which the figures count as healthy again");
    private static final RuleField MIN_TEXTS = new RuleField("minTexts", RuleFieldType.COUNT,
            "scored texts the window needs before a share means anything");
    private static final RuleField MIN_SENDERS = new RuleField("minSenders", RuleFieldType.SENDERS,
            "distinct people complaining the window needs");
    public static final List<RuleField> FIELDS = List.of(RuleField.ENABLED, RuleField.WINDOW, OPEN, CRITICAL, CLEAR,
            MIN_TEXTS, MIN_SENDERS, RuleField.HOLD_DOWN);

    public static final NegativeSurgeRule DEFAULT = new NegativeSurgeRule(true, Duration.ofMinutes(15), 40, 60, 25,
            8, 5, Duration.ofMinutes(10));

    public NegativeSurgeRule {
        RuleCheck check = new RuleCheck(AlertKind.NEGATIVE_SURGE)
                .field(RuleField.WINDOW, window).field(OPEN, openSharePercent).field(CRITICAL, criticalSharePercent)
                .field(CLEAR, clearSharePercent).field(MIN_TEXTS, minTexts).field(MIN_SENDERS, minSenders)
                .field(RuleField.HOLD_DOWN, holdDown);
        if (check.fieldsValid()) {
            check.require(clearSharePercent < openSharePercent, "clearSharePercent (%s) must be below "
                            + "openSharePercent (%s), or the alert would flap around one threshold",
                            clearSharePercent, openSharePercent)
                    .require(criticalSharePercent >= openSharePercent,
                            "criticalSharePercent (%s) must be at least openSharePercent (%s)",
                            criticalSharePercent, openSharePercent);
        }
        check.orThrow();
    }

    static NegativeSurgeRule fromSettings(RuleSettings s) {
        return new NegativeSurgeRule(s.toggle(RuleField.ENABLED), s.duration(RuleField.WINDOW), s.number(OPEN),
                s.number(CRITICAL), s.number(CLEAR), s.count(MIN_TEXTS), s.count(MIN_SENDERS),
                s.duration(RuleField.HOLD_DOWN));
    }

    @Override
    public AlertKind kind() {
        return AlertKind.NEGATIVE_SURGE;
    }

    @Override
    public Map<String, Object> settings() {
        return RuleSettings.of(FIELDS, enabled, window, openSharePercent, criticalSharePercent, clearSharePercent,
                minTexts, minSenders, holdDown).values();
    }
}
