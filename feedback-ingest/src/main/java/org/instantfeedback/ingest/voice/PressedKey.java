package org.instantfeedback.ingest.voice;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * What a caller keyed in when asked for a rating, as Twilio's {@code <Gather>} posts it.
 *
 * @param callSid Twilio's id of the call ({@code CA...}), or null
 * @param from    the caller's number, as sent; it goes no further than the pseudonym
 * @param to      the number called, which may name the subject, or null
 * @param digits  the keys pressed, empty when none
 */
public record PressedKey(String callSid, String from, String to, String digits) {
    private static final Pattern CALL_SID = Pattern.compile("[A-Za-z0-9]{2,64}");

    /** The rating on the 5-star scale: the key, when it is one key from 1 to 5. */
    public OptionalInt stars() {
        if (digits == null || digits.length() != 1 || digits.charAt(0) < '1' || digits.charAt(0) > '5') {
            return OptionalInt.empty();
        }
        return OptionalInt.of(digits.charAt(0) - '0');
    }

    /** Whether the call id is one Twilio could have sent, and so fit for an event id and a log line. */
    public boolean hasValidCallSid() {
        return callSid != null && CALL_SID.matcher(callSid).matches();
    }

    @Override
    public String toString() {
        // The caller's number stays out of logs and exception messages; an odd call id, too.
        return "PressedKey[" + (hasValidCallSid() ? callSid : "no valid CallSid") + "]";
    }
}
