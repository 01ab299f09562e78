package org.instantfeedback.ingest.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.instantfeedback.service.settings.Setting;
import org.instantfeedback.service.settings.ValueParser;
import org.instantfeedback.service.settings.ValueParsers;

/**
 * What passengers can ask for by SMS besides giving feedback: the phrases that erase them, and what
 * they are told. Twilio's standard opt-out and opt-in words are fixed, as Twilio and the carriers fix them.
 *
 * @param forgetPhrases the whole messages that erase the sender, upper case
 * @param forgetReply   the SMS that confirms an erasure (Twilio); empty for none
 * @param optInReply    the SMS that confirms an opt-in (Twilio); empty for none
 * @param followUpAnswerWithin how long after the follow-up question a bare 1-5 answers it
 */
public record ContactRequestSettings(List<String> forgetPhrases, String forgetReply, String optInReply,
                                     Duration followUpAnswerWithin) {
    public static final Setting<List<String>> FORGET_KEYWORDS = Setting.of("INGEST_FORGET_KEYWORDS",
            "FORGET ME,DELETE ME", phrases(), "Comma-separated phrases that, sent as the whole SMS (any case),"
                    + " erase the sender: their conversations and their number's key. Such an SMS is not stored"
                    + " as feedback.");
    public static final Setting<String> FORGET_REPLY = Setting.of("INGEST_FORGET_REPLY",
            "Your number and your messages have been deleted.", TwilioSettings.replyText(),
            "SMS reply (TwiML) to an erasure asked for by SMS; 'none' sends no reply.");
    public static final Setting<String> OPT_IN_REPLY = Setting.of("INGEST_OPT_IN_REPLY",
            "You will get our answers again. Reply STOP to stop them.", TwilioSettings.replyText(),
            "SMS reply (TwiML) to START or UNSTOP; 'none' where Twilio sends its own opt-in confirmation.");
    public static final Setting<Duration> FOLLOW_UP_ANSWER_WITHIN = Setting.duration("INGEST_FOLLOW_UP_ANSWER_WITHIN",
            "PT24H", "How long after ops closed a conversation and asked the follow-up question a bare 1-5 from the"
                    + " passenger is taken as the answer (the service CSAT, kept out of the journey's CSAT) rather than"
                    + " a journey rating; keep it equal to feedback-streams' CONVERSATION_QUIET_PERIOD.");

    static final List<Setting<?>> SETTINGS = List.of(FORGET_KEYWORDS, FORGET_REPLY, OPT_IN_REPLY,
            FOLLOW_UP_ANSWER_WITHIN);

    public ContactRequestSettings {
        forgetPhrases = List.copyOf(forgetPhrases);
    }

    static ContactRequestSettings from(Map<String, String> env) {
        return new ContactRequestSettings(FORGET_KEYWORDS.from(env), FORGET_REPLY.from(env), OPT_IN_REPLY.from(env),
                FOLLOW_UP_ANSWER_WITHIN.from(env));
    }

    /** Phrases as they are matched: upper case, runs of spaces as one; at least one. */
    private static ValueParser<List<String>> phrases() {
        ValueParser<List<String>> commaSeparated = ValueParsers.commaSeparated();
        return text -> {
            List<String> phrases = commaSeparated.parse(text).stream()
                    .map(phrase -> phrase.replaceAll("\\s+", " ").toUpperCase(Locale.ROOT)).toList();
            if (phrases.isEmpty()) {
                throw new IllegalArgumentException("must name at least one phrase, like FORGET ME");
            }
            return phrases;
        };
    }
}
