package org.instantfeedback.ingest.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated text through the masker: whatever it is given, no phone number survives, the output
 * is not much longer than the input, and masking twice changes nothing more.
 */
class PersonalDataMaskPropertiesTest {

    @Property(tries = 2000)
    void leaves_no_phone_number_in_any_text(@ForAll("phoneLikeText") String text) {
        String masked = PersonalDataMask.mask(text);

        assertThat(PersonalDataMask.containsPhoneNumber(masked, PersonalDataMask.MIN_PHONE_DIGITS))
                .as("masked %s to %s", text, masked).isFalse();
        // An e-mail address is at least 6 characters (a@b.cd) and becomes 7: the only way to grow.
        assertThat(masked.length()).isLessThanOrEqualTo(text.length() + text.length() / 6 + 1);
        assertThat(PersonalDataMask.mask(masked)).isEqualTo(masked);
    }

    @Property(tries = 2000)
    void masks_a_phone_number_wherever_it_stands_in_words(@ForAll("words") String before,
            @ForAll("phoneNumbers") String phone, @ForAll("words") String after) {
        String masked = PersonalDataMask.mask(before + " " + phone + " " + after);

        assertThat(masked).contains(PersonalDataMask.PHONE);
        assertThat(digitsOf(masked)).doesNotContain(digitsOf(phone));
    }

    @Property(tries = 1000)
    void takes_any_unicode_without_failing(@ForAll String text) {
        String masked = PersonalDataMask.mask(text);

        assertThat(masked == null ? 0 : masked.length()).isLessThanOrEqualTo(text.length() + text.length() / 6 + 1);
    }

    @Provide
    Arbitrary<String> phoneLikeText() {
        return Arbitraries.strings().withChars("0123456789 +-.()@ab\u00A0\u0663").ofMaxLength(80);
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars(' ', ',', '!').ofMaxLength(30);
    }

    /** Seven to fifteen digits, optionally with a +, grouped by one separator. */
    @Provide
    Arbitrary<String> phoneNumbers() {
        Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMinLength(7).ofMaxLength(15)
                .filter(d -> d.chars().anyMatch(c -> c != '0'));
        Arbitrary<String> separator = Arbitraries.of("", " ", "-", ".", "\u00A0");
        Arbitrary<Integer> groupSize = Arbitraries.integers().between(2, 5);
        return Combinators.combine(Arbitraries.of("", "+"), digits, separator, groupSize).as((plus, d, sep, size) -> {
            StringBuilder number = new StringBuilder(plus);
            for (int i = 0; i < d.length(); i += size) {
                number.append(i == 0 ? "" : sep).append(d, i, Math.min(d.length(), i + size));
            }
            return number.toString();
        });
    }

    private static String digitsOf(String text) {
        return text.replaceAll("[^0-9]", "");
    }
}
