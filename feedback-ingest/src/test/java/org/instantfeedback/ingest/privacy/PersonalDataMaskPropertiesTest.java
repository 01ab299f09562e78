package org.instantfeedback.ingest.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.instantfeedback.ingest.RandomInputs;
import org.junit.jupiter.api.Test;

/**
 * Generated text through the masker: whatever it is given, no phone number survives, the output
 * is not much longer than the input, and masking twice changes nothing more.
 */
class PersonalDataMaskPropertiesTest {
    private static final long SEED = 0x5EED_0001L;

    @Test
    void leaves_no_phone_number_in_any_text() {
        RandomInputs random = inputs("leaves_no_phone_number_in_any_text");
        random.forAll(2000, () -> phoneLikeText(random), text -> {
            String masked = PersonalDataMask.mask(text);

            assertThat(PersonalDataMask.containsPhoneNumber(masked, PersonalDataMask.MIN_PHONE_DIGITS))
                    .as("masked %s to %s", text, masked).isFalse();
            // An e-mail address is at least 6 characters (a@b.cd) and becomes 7: the only way to grow.
            assertThat(masked.length()).isLessThanOrEqualTo(text.length() + text.length() / 6 + 1);
            assertThat(PersonalDataMask.mask(masked)).isEqualTo(masked);
        });
    }

    record PhoneInWords(String before, String phone, String after) {
    }

    @Test
    void masks_a_phone_number_wherever_it_stands_in_words() {
        RandomInputs random = inputs("masks_a_phone_number_wherever_it_stands_in_words");
        random.forAll(2000, () -> new PhoneInWords(words(random), phoneNumber(random), words(random)), input -> {
            String masked = PersonalDataMask.mask(input.before() + " " + input.phone() + " " + input.after());

            assertThat(masked).contains(PersonalDataMask.PHONE);
            assertThat(digitsOf(masked)).doesNotContain(digitsOf(input.phone()));
        });
    }

    @Test
    void takes_any_unicode_without_failing() {
        RandomInputs random = inputs("takes_any_unicode_without_failing");
        random.forAll(1000, () -> random.anyString(255), text -> {
            String masked = PersonalDataMask.mask(text);

            assertThat(masked == null ? 0 : masked.length()).isLessThanOrEqualTo(text.length() + text.length() / 6 + 1);
        });
    }

    private static RandomInputs inputs(String property) {
        return RandomInputs.seeded(PersonalDataMaskPropertiesTest.class, property, SEED);
    }

    private static String phoneLikeText(RandomInputs random) {
        return random.string("0123456789 +-.()@ab\u00A0\u0663", 80);
    }

    private static String words(RandomInputs random) {
        return random.string(RandomInputs.charRange('a', 'z') + " ,!", 30);
    }

    /** Seven to fifteen digits, optionally with a +, grouped by one separator. */
    private static String phoneNumber(RandomInputs random) {
        String plus = random.pick("", "+");
        String digits;
        do {
            digits = random.string(RandomInputs.charRange('0', '9'), 7, 15);
        } while (digits.chars().allMatch(c -> c == '0'));
        String separator = random.pick("", " ", "-", ".", "\u00A0");
        int groupSize = random.between(2, 5);
        StringBuilder number = new StringBuilder(plus);
        for (int i = 0; i < digits.length(); i += groupSize) {
            number.append(i == 0 ? "" : separator).append(digits, i, Math.min(digits.length(), i + groupSize));
        }
        return number.toString();
    }

    private static String digitsOf(String text) {
        return text.replaceAll("[^0-9]", "");
    }
}
