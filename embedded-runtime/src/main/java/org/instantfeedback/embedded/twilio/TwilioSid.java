package org.instantfeedback.embedded.twilio;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Identifiers shaped like Twilio's: a two-letter type prefix and 32 hex digits ({@code SM...}, {@code AC...}). */
public final class TwilioSid {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int HEX_BYTES = 16;

    private TwilioSid() {
    }

    /** A fresh SID of type {@code prefix}, such as {@code "AC"} for an account or {@code "SK"} for an API key. */
    public static String random(String prefix) {
        byte[] bytes = new byte[HEX_BYTES];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    /** Whether {@code text} is a SID of type {@code prefix}. */
    public static boolean isSid(String prefix, String text) {
        return text != null && text.matches(prefix + "[0-9a-fA-F]{32}");
    }
}
