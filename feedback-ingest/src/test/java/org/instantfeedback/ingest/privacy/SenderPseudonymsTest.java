package org.instantfeedback.ingest.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.instantfeedback.ingest.config.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SenderPseudonymsTest {
    private final SenderPseudonyms pseudonyms = new SenderPseudonyms(Secret.of("a-test-secret-of-at-least-32-chars!"));

    @Test
    void gives_one_sender_one_pseudonym_however_the_number_is_written() {
        String pseudonym = pseudonyms.pseudonymOf("+447700900123");

        assertThat(pseudonyms.pseudonymOf("+44 7700 900123")).isEqualTo(pseudonym);
        assertThat(pseudonyms.pseudonymOf("0044-7700-900123")).isEqualTo(pseudonym);
        assertThat(pseudonyms.pseudonymOf("+44 (7700) 900.123")).isEqualTo(pseudonym);
        assertThat(pseudonyms.pseudonymOf("+447700900124")).isNotEqualTo(pseudonym);
    }

    @Test
    void is_a_keyed_hash_that_shows_nothing_of_the_number() {
        String pseudonym = pseudonyms.pseudonymOf("+447700900123");
        SenderPseudonyms otherKey = new SenderPseudonyms(Secret.of("another-secret-of-at-least-32-chars"));

        assertThat(pseudonym).hasSize(43).matches("[A-Za-z0-9_-]+").doesNotContain("900123");
        assertThat(otherKey.pseudonymOf("+447700900123")).isNotEqualTo(pseudonym);
    }

    @ParameterizedTest
    @CsvSource({"+44 7700 900123, +447700900123", "0044 7700 900123, +447700900123", "07700 900123, 07700900123",
        "VODAFONE, vodafone", "  +1 (415) 867-5310 , +14158675310", "12345, 12345"})
    void normalises_sender_addresses(String raw, String normalised) {
        assertThat(PhoneNumbers.normalise(raw)).isEqualTo(normalised);
    }
}
