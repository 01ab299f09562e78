package org.instantfeedback.embedded.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * The phone numbers and e-mail addresses the tests send (reserved fiction ranges), and the byte
 * sequences that would give any of them away if they reached Kafka.
 */
public final class PersonalData {
    /** UK numbers reserved for drama (Ofcom), a Twilio test number, a Swedish mobile. */
    public static final String PASSENGER = "+447700900123";
    public static final String PASSENGER_FORMATTED = "+44 7700 900123";
    public static final String OTHER_PASSENGER = "+15005550006";
    public static final String SWEDISH_PASSENGER = "+46701740605";
    public static final String GERMAN_PASSENGER = "+4915112345678";
    /** Numbers passengers write in their messages. */
    public static final String NUMBER_IN_TEXT = "0176 2345 6789";
    public static final String INTERNATIONAL_NUMBER_IN_TEXT = "+44 (0)20 7946 0958";
    public static final String EMAIL_IN_TEXT = "jane.doe@example.org";
    public static final String OTHER_EMAIL_IN_TEXT = "max.mustermann+bus@mail.example.de";

    public static final List<String> NUMBERS = List.of(PASSENGER, PASSENGER_FORMATTED, OTHER_PASSENGER,
            SWEDISH_PASSENGER, GERMAN_PASSENGER, NUMBER_IN_TEXT, INTERNATIONAL_NUMBER_IN_TEXT);
    public static final List<String> EMAILS = List.of(EMAIL_IN_TEXT, OTHER_EMAIL_IN_TEXT);

    private PersonalData() {
    }

    /**
     * What must not appear anywhere in Kafka: every number as written, its digits with and without
     * the country code's +, its last seven digits (the subscriber part, which a half-masked number
     * would still show), and every e-mail address and its local part with the @.
     */
    public static List<String> tellTales() {
        List<String> tellTales = new ArrayList<>();
        for (String number : NUMBERS) {
            String digits = number.replaceAll("[^0-9]", "");
            tellTales.add(number);
            tellTales.add(digits);
            tellTales.add("+" + digits);
            tellTales.add(digits.substring(digits.length() - 7));
        }
        for (String email : EMAILS) {
            tellTales.add(email);
            tellTales.add(email.substring(0, email.indexOf('@') + 1));
        }
        return tellTales;
    }
}
