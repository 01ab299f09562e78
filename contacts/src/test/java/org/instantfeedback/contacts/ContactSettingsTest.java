package org.instantfeedback.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactSettingsTest {

    @Test
    void without_a_kek_replies_are_off_and_the_rest_has_its_defaults() {
        ContactSettings settings = ContactSettings.from(Map.of());

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.previousKeks()).isEmpty();
        assertThat(settings.retention()).isEqualTo(Duration.ofDays(400));
        assertThat(settings.writeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.kafka()).containsEntry("bootstrap.servers", "localhost:9092");
        assertThat(settings.schemaRegistry()).containsEntry("schema.registry.url", "http://localhost:8081");
    }

    @Test
    void a_kek_turns_replies_on_under_the_default_id() {
        ContactSettings settings = ContactSettings.from(Map.of("CONTACT_KEK", ContactCipherTest.randomBase64Key()));

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.kek()).hasValueSatisfying(kek -> assertThat(kek.id()).isEqualTo("kek-1"));
    }

    @Test
    void reads_the_kek_id_the_previous_keks_the_retention_and_the_kafka_settings() {
        ContactSettings settings = ContactSettings.from(Map.of(
                "CONTACT_KEK", ContactCipherTest.randomBase64Key(),
                "CONTACT_KEK_ID", "kek-3",
                "CONTACT_KEK_PREVIOUS", "kek-1:" + ContactCipherTest.randomBase64Key() + ", kek-2:"
                        + ContactCipherTest.randomBase64Key(),
                "CONTACT_RETENTION", "P30D",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"));

        assertThat(settings.kek()).hasValueSatisfying(kek -> assertThat(kek.id()).isEqualTo("kek-3"));
        assertThat(settings.previousKeks()).extracting(KeyEncryptionKey::id).containsExactly("kek-1", "kek-2");
        assertThat(settings.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.kafka()).containsEntry("bootstrap.servers", "kafka:9092");
    }

    @Test
    void a_kek_that_is_not_base64_fails_naming_the_variable_but_not_the_text() {
        String notBase64 = "this is not base64 at all!";

        assertThatThrownBy(() -> ContactSettings.from(Map.of("CONTACT_KEK", notBase64)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("CONTACT_KEK must be base64 of exactly 32 bytes")
                .hasMessageEndingWith("was not base64")
                .hasMessageNotContaining(notBase64);
    }

    @Test
    void a_kek_of_the_wrong_length_fails_naming_the_variable_and_the_length() {
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> ContactSettings.from(Map.of("CONTACT_KEK", sixteenBytes)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("CONTACT_KEK must be base64 of exactly 32 bytes")
                .hasMessageEndingWith("was 16 bytes")
                .hasMessageNotContaining(sixteenBytes);
    }

    @Test
    void a_previous_kek_without_an_id_fails_naming_the_entry() {
        Map<String, String> env = Map.of("CONTACT_KEK", ContactCipherTest.randomBase64Key(),
                "CONTACT_KEK_PREVIOUS", "kek-0:" + ContactCipherTest.randomBase64Key() + ","
                        + ContactCipherTest.randomBase64Key());

        assertThatThrownBy(() -> ContactSettings.from(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("CONTACT_KEK_PREVIOUS entry 2 must be id:base64");
    }

    @Test
    void a_previous_kek_of_the_wrong_length_fails_naming_the_entry() {
        Map<String, String> env = Map.of("CONTACT_KEK_PREVIOUS",
                "kek-0:" + Base64.getEncoder().encodeToString(new byte[31]));

        assertThatThrownBy(() -> ContactSettings.from(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CONTACT_KEK_PREVIOUS entry 1 must be base64 of exactly 32 bytes (e.g. from"
                        + " 'openssl rand -base64 32'), was 31 bytes");
    }

    @Test
    void a_previous_kek_under_the_current_id_is_refused() {
        Map<String, String> env = Map.of("CONTACT_KEK", ContactCipherTest.randomBase64Key(),
                "CONTACT_KEK_PREVIOUS", "kek-1:" + ContactCipherTest.randomBase64Key());

        assertThatThrownBy(() -> ContactSettings.from(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CONTACT_KEK_PREVIOUS must not repeat the id of CONTACT_KEK_ID, was 'kek-1'");
    }

    @Test
    void a_kek_id_with_a_separator_fails_with_the_usual_message() {
        assertThatThrownBy(() -> ContactSettings.from(Map.of("CONTACT_KEK_ID", "kek:1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CONTACT_KEK_ID must be 1 to 64 letters, digits, '.', '_' or '-', was 'kek:1'");
    }

    @Test
    void a_retention_that_is_not_a_duration_fails_with_the_usual_message() {
        assertThatThrownBy(() -> ContactSettings.from(Map.of("CONTACT_RETENTION", "400 days")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CONTACT_RETENTION must be a positive ISO-8601 duration such as PT30S, was '400 days'");
    }
}
