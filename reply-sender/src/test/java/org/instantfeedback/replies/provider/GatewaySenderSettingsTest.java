package org.instantfeedback.replies.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewaySenderSettingsTest {

    @Test
    void defaults_to_json_with_plain_field_names() {
        GatewaySenderSettings settings = GatewaySenderSettings.from(Map.of("REPLY_GATEWAY_URL", "https://sms.example.com/send"));

        assertThat(settings.format()).isEqualTo(GatewayFormat.JSON);
        assertThat(settings.authorization()).isEmpty();
        assertThat(settings.toField()).isEqualTo("to");
        assertThat(settings.fromField()).isEqualTo("from");
        assertThat(settings.textField()).isEqualTo("text");
        assertThat(settings.referenceField()).isEqualTo("reference");
        assertThat(settings.idField()).isEqualTo("id");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void requires_the_url_and_rejects_one_that_is_not_http() {
        assertThatThrownBy(() -> GatewaySenderSettings.from(Map.of())).hasMessageContaining("REPLY_GATEWAY_URL is required");
        assertThatThrownBy(() -> GatewaySenderSettings.from(Map.of("REPLY_GATEWAY_URL", "sms.example.com")))
                .hasMessageStartingWith("REPLY_GATEWAY_URL must be");
    }

    @Test
    void rejects_a_format_other_than_json_or_form() {
        assertThatThrownBy(() -> GatewaySenderSettings.from(Map.of("REPLY_GATEWAY_URL", "https://sms.example.com",
                "REPLY_GATEWAY_FORMAT", "xml"))).hasMessage("REPLY_GATEWAY_FORMAT must be json or form, was 'xml'");
    }

    @Test
    void rejects_two_values_under_one_field_name() {
        assertThatThrownBy(() -> GatewaySenderSettings.from(Map.of("REPLY_GATEWAY_URL", "https://sms.example.com",
                "REPLY_GATEWAY_REFERENCE_FIELD", "to"))).hasMessageContaining("REPLY_GATEWAY_REFERENCE_FIELD");
    }

    @Test
    void hides_a_key_in_the_url_query() {
        GatewaySenderSettings settings = GatewaySenderSettings.from(Map.of("REPLY_GATEWAY_URL",
                "https://sms.example.com/send?api_key=k-123"));

        assertThat(settings.toString()).doesNotContain("k-123").contains("sms.example.com");
    }
}
