package org.instantfeedback.embedded.twilio;

/**
 * How many SMS segments a text takes, as Twilio reports in {@code num_segments}: 160 characters in one
 * GSM-7 segment (153 per segment once split), 70 in one UCS-2 segment (67 once split). Characters
 * outside ASCII count as UCS-2, a simplification of GSM-7's table that the stand-in can afford.
 */
final class SmsSegments {
    private SmsSegments() {
    }

    static int count(String text) {
        boolean gsm = text.chars().allMatch(character -> character < 0x80);
        int length = text.codePointCount(0, text.length());
        int single = gsm ? 160 : 70;
        int split = gsm ? 153 : 67;
        return length <= single ? 1 : (length + split - 1) / split;
    }
}
