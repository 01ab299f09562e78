package org.instantfeedback.ingest.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.instantfeedback.service.settings.Setting;
import org.instantfeedback.service.settings.ValueParser;

/**
 * What a passenger who calls hears: the touch-tone rating over Twilio Voice. The channel is turned
 * on by the Twilio auth token ({@link TwilioSettings#TWILIO_AUTH_TOKEN}), like Twilio SMS; these
 * settings only shape the call. Every text is spoken in {@code voice} and {@code language}, so an
 * operator who changes the language translates all five.
 *
 * @param question       asked when the call is answered
 * @param retry          said before the question again when the key pressed is no rating
 * @param thanks         said once the rating is stored, before hanging up
 * @param noAnswer       said before hanging up when no rating came (no key, or a second wrong one)
 * @param notStored      said before hanging up when the rating could not be stored
 * @param voice          Twilio's name of the voice ({@code alice}, {@code Polly.Amy}, ...)
 * @param language       the language and locale the voice speaks ({@code en-GB})
 * @param timeoutSeconds how long to wait for a key after the question
 */
public record VoiceSettings(String question, String retry, String thanks, String noAnswer, String notStored,
        String voice, String language, int timeoutSeconds) {
    /** A caller does not listen to more; longer texts are a mistake in the configuration. */
    private static final int MOST_SPOKEN_CHARACTERS = 1_000;
    /** Twilio's voice names: man, woman, alice, Polly.Amy, Polly.Amy-Neural, Google.en-GB-Standard-A. */
    private static final Pattern VOICE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");
    /** A BCP-47 language tag as Twilio takes it: en-GB, de-DE, cmn-CN. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}");

    public static final Setting<String> VOICE_QUESTION = Setting.of("INGEST_VOICE_QUESTION",
            "How was your journey today? Press 1 for very poor up to 5 for excellent.", spokenText(),
            "Question a caller hears on POST /v1/voice/twilio; the caller answers with a key from 1 to 5.");
    public static final Setting<String> VOICE_RETRY = Setting.of("INGEST_VOICE_RETRY",
            "Please press a key from 1 to 5.", spokenText(),
            "Said before the question is asked once more, when the caller pressed a key that is no rating.");
    public static final Setting<String> VOICE_THANKS = Setting.of("INGEST_VOICE_THANKS",
            "Thank you, your rating has been recorded. Goodbye.", spokenText(),
            "Said once the caller's rating is stored, before hanging up.");
    public static final Setting<String> VOICE_NO_ANSWER = Setting.of("INGEST_VOICE_NO_ANSWER",
            "We did not get a rating. Goodbye.", spokenText(),
            "Said before hanging up when the caller pressed no key, or a wrong key twice.");
    public static final Setting<String> VOICE_NOT_STORED = Setting.of("INGEST_VOICE_NOT_STORED",
            "Sorry, we could not record your rating. Please try again later. Goodbye.", spokenText(),
            "Said before hanging up when the rating could not be stored (Kafka away, a rule broken).");
    public static final Setting<String> VOICE_VOICE = Setting.of("INGEST_VOICE_VOICE", "alice",
            matching(VOICE_NAME, "a Twilio voice name such as alice, Polly.Amy or Google.en-GB-Standard-A"),
            "Twilio voice that speaks every text (alice, man, woman, Polly.<Name>, Google.<name>).");
    public static final Setting<String> VOICE_LANGUAGE = Setting.of("INGEST_VOICE_LANGUAGE", "en-GB",
            matching(LANGUAGE_TAG, "a language tag such as en-GB or de-DE"),
            "Language and locale of the voice (en-GB, de-DE, ...); it must be one the voice speaks.");
    public static final Setting<Integer> VOICE_TIMEOUT = Setting.wholeNumber("INGEST_VOICE_TIMEOUT", 8, 1, 30,
            "Seconds to wait for a key after the question (1-30).");

    static final List<Setting<?>> SETTINGS = List.of(VOICE_QUESTION, VOICE_RETRY, VOICE_THANKS, VOICE_NO_ANSWER,
            VOICE_NOT_STORED, VOICE_VOICE, VOICE_LANGUAGE, VOICE_TIMEOUT);

    static VoiceSettings from(Map<String, String> env) {
        return new VoiceSettings(VOICE_QUESTION.from(env), VOICE_RETRY.from(env), VOICE_THANKS.from(env),
                VOICE_NO_ANSWER.from(env), VOICE_NOT_STORED.from(env), VOICE_VOICE.from(env),
                VOICE_LANGUAGE.from(env), VOICE_TIMEOUT.from(env));
    }

    private static ValueParser<String> spokenText() {
        return text -> {
            if (text.length() > MOST_SPOKEN_CHARACTERS) {
                throw new IllegalArgumentException("must be at most " + MOST_SPOKEN_CHARACTERS + " characters");
            }
            return text;
        };
    }

    private static ValueParser<String> matching(Pattern pattern, String what) {
        return text -> {
            if (!pattern.matcher(text).matches()) {
                throw new IllegalArgumentException("must be " + what);
            }
            return text;
        };
    }
}
