package org.instantfeedback.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormParametersTest {

    @Test
    void decodes_names_and_values_keeping_order_and_repeats() {
        FormParameters form = parse("From=%2B447700900123&Body=Bus+42+%E2%98%85%E2%98%85&Media=a&Media=b&Empty=&Flag");

        assertThat(form.entries()).containsExactly(Map.entry("From", "+447700900123"), Map.entry("Body", "Bus 42 ★★"),
                Map.entry("Media", "a"), Map.entry("Media", "b"), Map.entry("Empty", ""), Map.entry("Flag", ""));
        assertThat(form.first("Media")).contains("a");
        assertThat(form.firstOf("Missing", "Body")).contains("Bus 42 ★★");
    }

    @Test
    void refuses_broken_percent_escapes_and_bytes_that_are_not_utf_8() {
        assertThatThrownBy(() -> parse("Body=100%")).isInstanceOf(RejectedRequestException.class)
                .extracting("slug").isEqualTo("malformed-form");
        assertThatThrownBy(() -> parse("Body=%zz")).isInstanceOf(RejectedRequestException.class)
                .extracting("slug").isEqualTo("malformed-form");
        assertThatThrownBy(() -> parse("Body=%C3%28")).isInstanceOf(RejectedRequestException.class)
                .extracting("slug").isEqualTo("invalid-encoding");
        assertThatThrownBy(() -> FormParameters.parse("Body=Gr\u00fc\u00dfe".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(RejectedRequestException.class).extracting("slug").isEqualTo("invalid-encoding");
    }

    private static FormParameters parse(String body) {
        return FormParameters.parse(body.getBytes(StandardCharsets.US_ASCII));
    }
}
