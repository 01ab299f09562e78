package org.instantfeedback.ingest.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PersonalDataMaskTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "call me on +44 7700 900123 please           | call me on [phone] please",
        "my number is 07700900123.                   | my number is [phone].",
        "ring 0176-2345-6789 or (030) 1234 5678      | ring [phone] or [phone]",
        "office +44 (0)20 7946 0958                  | office [phone]",
        "0049 151 1234 5678                          | [phone]",
        "+1.415.867.5310                             | [phone]",
        "write to jane.doe@example.org!              | write to [email]!",
        "max.mustermann+bus@mail.example.de, thanks  | [email], thanks",
        "ME@EXAMPLE.COM and +46701740605             | [email] and [phone]",
        "jane99912345@example.com                    | [email]",
        "route 42 was 10 minutes late                | route 42 was 10 minutes late",
        "4/5, bus 123, 8/10, at 12:15 on 01.05.2024  | 4/5, bus 123, 8/10, at 12:15 on 01.05.2024",
        "ticket cost 12.50 and 3 stops               | ticket cost 12.50 and 3 stops",
        "not an address: a@b, @home, x@y.z           | not an address: a@b, @home, x@y.z",
        "123456 is six digits                        | 123456 is six digits"})
    void masks_phone_numbers_and_email_addresses_and_nothing_else(String text, String masked) {
        assertThat(PersonalDataMask.mask(text)).isEqualTo(masked);
    }

    @Test
    void leaves_empty_and_missing_text_alone() {
        assertThat(PersonalDataMask.mask(null)).isNull();
        assertThat(PersonalDataMask.mask("")).isEmpty();
    }

    @Test
    void masks_hostile_text_in_linear_time() {
        List<String> hostile = List.of(
                "1 ".repeat(500_000),
                "a@".repeat(500_000),
                "a".repeat(500_000) + "@" + "b.".repeat(250_000),
                "(".repeat(1_000_000),
                "+1-".repeat(300_000),
                "x@x@x.".repeat(150_000));
        // The limit is the feature: on these runs of what almost matches, a pattern that backtracks
        // would not finish in time.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (String text : hostile) {
                PersonalDataMask.mask(text);
            }
        });
    }
}
