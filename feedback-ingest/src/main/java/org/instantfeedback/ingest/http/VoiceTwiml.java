package org.instantfeedback.ingest.http;

import org.instantfeedback.ingest.config.VoiceSettings;

/**
 * The TwiML of a rating call: ask for one key, ask once more after a key that is no rating, and
 * what to say before hanging up. Every text is escaped, the action URLs too, since an operator's
 * text or a public base URL may hold {@code &} or quotes.
 *
 * <p>The action URL is absolute and public ({@link PublicUrls}): Twilio signs the URL it calls, and
 * a relative one would lose the path prefix of a public base URL. The second question's action
 * carries {@code ?attempt=2}, which bounds the questions to two; Twilio's signature covers the
 * query, so a caller cannot reset it. When the caller presses no key before the timeout, Twilio
 * does not call the action but goes on with the verb after the {@code <Gather>}: the no-answer
 * text, after which the call ends.
 */
final class VoiceTwiml {
    static final String ATTEMPT = "attempt";
    private static final String LAST_ATTEMPT = "2";

    private final VoiceSettings settings;
    private final PublicUrls urls;
    private final String ratingPath;
    private final String sayOpening;

    /** The TwiML for ratings posted to {@code ratingPath} on this service. */
    VoiceTwiml(VoiceSettings settings, PublicUrls urls, String ratingPath) {
        this.settings = settings;
        this.urls = urls;
        this.ratingPath = ratingPath;
        this.sayOpening = "<Say voice=\"" + MarkupEscaping.escaped(settings.voice()) + "\" language=\""
                + MarkupEscaping.escaped(settings.language()) + "\">";
    }

    /** The question, for a call whose webhook was received at {@code receivedUrl}. */
    String question(String receivedUrl) {
        return Twiml.document(gather(urls.of(receivedUrl, ratingPath), say(settings.question()))
                + say(settings.noAnswer()));
    }

    /** Whether the key came in answer to the second question ({@code attempt}: the query parameter, or null). */
    static boolean lastAttempt(String attempt) {
        return LAST_ATTEMPT.equals(attempt);
    }

    /** After a key that is no rating: the question once more, or, after the second question, goodbye. */
    String afterKeyThatIsNoRating(String attempt, String receivedUrl) {
        if (lastAttempt(attempt)) {
            return goodbye(settings.noAnswer());
        }
        String action = urls.of(receivedUrl, ratingPath + "?" + ATTEMPT + "=" + LAST_ATTEMPT);
        return Twiml.document(gather(action, say(settings.retry()) + say(settings.question()))
                + say(settings.noAnswer()));
    }

    String thanksAndGoodbye() {
        return goodbye(settings.thanks());
    }

    String notStoredAndGoodbye() {
        return goodbye(settings.notStored());
    }

    private String gather(String action, String prompt) {
        return "<Gather input=\"dtmf\" numDigits=\"1\" timeout=\"" + settings.timeoutSeconds() + "\" action=\""
                + MarkupEscaping.escaped(action) + "\" method=\"POST\">" + prompt + "</Gather>";
    }

    private String goodbye(String text) {
        return Twiml.document(say(text) + "<Hangup/>");
    }

    private String say(String text) {
        return sayOpening + MarkupEscaping.escaped(text) + "</Say>";
    }
}
