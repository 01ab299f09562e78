package org.instantfeedback.streams.conversations;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.instantfeedback.service.settings.Setting;
import org.instantfeedback.service.settings.ValueParsers;

/**
 * How conversations with passengers are kept.
 *
 * @param quietPeriod      a passenger writing again within it continues their conversation; later, a new one starts
 * @param answerWithin     a conversation waiting longer for an answer is overdue
 * @param followUpQuestion asked by SMS when a conversation closes; its 1-5 answer is the service CSAT; empty: not asked
 */
public record ConversationSettings(Duration quietPeriod, Duration answerWithin, Optional<String> followUpQuestion) {
    private static final String NO_QUESTION = "none";

    public static final Setting<Duration> QUIET_PERIOD = Setting.duration("CONVERSATION_QUIET_PERIOD", "PT24H",
            "A passenger who writes again within this time of the last message continues their conversation;"
                    + " after it, a new conversation starts.");
    public static final Setting<Duration> ANSWER_WITHIN = Setting.duration("CONVERSATION_ANSWER_WITHIN", "PT15M",
            "A conversation whose passenger has waited longer than this for an answer is overdue.");
    public static final Setting<String> FOLLOW_UP = Setting.of("CONVERSATION_FOLLOW_UP_QUESTION",
            "How did we do? Reply 1-5 (5 = very good).", ValueParsers.text(),
            "Sent by SMS when ops close a conversation; the passenger's 1-5 answer is the service CSAT of that"
                    + " handling. '" + NO_QUESTION + "' asks nothing.");

    public static final List<Setting<?>> SETTINGS = List.of(QUIET_PERIOD, ANSWER_WITHIN, FOLLOW_UP);

    public static ConversationSettings from(Map<String, String> env) {
        String question = FOLLOW_UP.from(env).strip();
        return new ConversationSettings(QUIET_PERIOD.from(env), ANSWER_WITHIN.from(env),
                question.equalsIgnoreCase(NO_QUESTION) ? Optional.empty() : Optional.of(question));
    }

    public static ConversationSettings defaults() {
        return from(Map.of());
    }
}
