package org.instantfeedback.actions;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a passenger's answer to the follow-up question ("How did we do? Reply 1-5") reads: the bare
 * digit, with at most a full stop or an exclamation mark. The one definition the edge (which keeps
 * such an answer out of the journey's CSAT) and the conversations (which keep it as the service
 * rating) share.
 */
public final class FollowUpAnswer {
    private static final Pattern RATING = Pattern.compile("\\s*([1-5])\\s*[.!]?\\s*");

    private FollowUpAnswer() {
    }

    /** The 1-5 rating the text gives, or empty when it is anything else. */
    public static Optional<Integer> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = RATING.matcher(text);
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }
}
