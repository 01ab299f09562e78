package org.instantfeedback.replies.provider;

import java.util.regex.Pattern;

/**
 * Hides phone numbers in text that came from a provider: Twilio's error messages quote the recipient
 * ("The 'To' number +4479... is not a valid phone number"), and those messages end up in logs and on
 * the status topic.
 */
final class PhoneNumberMask {
    /** Seven digits or more, optionally after a plus, with the separators people write numbers with. */
    private static final Pattern NUMBER = Pattern.compile("\\+?\\d[\\d \\-().]{5,}\\d");

    private PhoneNumberMask() {
    }

    static String hide(String text) {
        return text == null ? "" : NUMBER.matcher(text).replaceAll("<number>");
    }
}
