package org.instantfeedback.service.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingTest {

    private static final Setting<Integer> PORT = Setting.port("APP_HTTP_PORT", 8080, "Port of the API.");
    private static final Setting<Duration> WINDOW = Setting.duration("APP_WINDOW", "PT15M", "Window length.");

    @Test
    void takes_the_default_when_the_variable_is_unset_or_blank() {
        assertThat(PORT.from(Map.of())).isEqualTo(8080);
        assertThat(PORT.from(Map.of("APP_HTTP_PORT", "  "))).isEqualTo(8080);
        assertThat(WINDOW.from(Map.of())).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void reads_the_given_value_without_surrounding_spaces() {
        assertThat(PORT.from(Map.of("APP_HTTP_PORT", " 9000 "))).isEqualTo(9000);
        assertThat(WINDOW.from(Map.of("APP_WINDOW", "PT1H"))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void names_the_variable_the_rule_and_the_text_when_a_value_is_malformed() {
        assertThatThrownBy(() -> PORT.from(Map.of("APP_HTTP_PORT", "http")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("APP_HTTP_PORT must be a port number from 0 to 65535, was 'http'");
        assertThatThrownBy(() -> WINDOW.from(Map.of("APP_WINDOW", "-PT1M")))
                .hasMessage("APP_WINDOW must be a positive ISO-8601 duration such as PT30S, was '-PT1M'");
        assertThatThrownBy(() -> Setting.wholeNumber("APP_N", 5, 1, 10, "n").from(Map.of("APP_N", "11")))
                .hasMessage("APP_N must be a whole number from 1 to 10, was '11'");
        assertThatThrownBy(() -> Setting.flag("APP_ON", true, "on").from(Map.of("APP_ON", "maybe")))
                .hasMessage("APP_ON must be true or false, was 'maybe'");
    }

    @Test
    void a_required_setting_says_what_it_is_for_when_missing() {
        Setting<String> secret = Setting.required("APP_SECRET", ValueParsers.text(), "Key of the pseudonyms.");

        assertThat(secret.required()).isTrue();
        assertThat(secret.shownDefault()).isEmpty();
        assertThatThrownBy(() -> secret.from(Map.of()))
                .hasMessage("APP_SECRET is required: Key of the pseudonyms.");
        assertThat(secret.from(Map.of("APP_SECRET", "s3cret"))).isEqualTo("s3cret");
    }

    @Test
    void an_optional_setting_is_empty_until_given() {
        Setting<Optional<Integer>> limit = Setting.optional("APP_LIMIT", ValueParsers.wholeNumber(1, 9), "Limit.");

        assertThat(limit.from(Map.of())).isEmpty();
        assertThat(limit.from(Map.of("APP_LIMIT", "3"))).contains(3);
        assertThat(limit.shownDefault()).contains("");
    }

    @Test
    void a_list_leaves_out_blank_entries() {
        Setting<List<String>> keys = Setting.list("APP_KEYS", "Keys.");

        assertThat(keys.from(Map.of())).isEmpty();
        assertThat(keys.from(Map.of("APP_KEYS", " a, ,b ,"))).containsExactly("a", "b");
    }

    @Test
    void documents_a_machine_dependent_default_as_told_while_applying_the_real_one() {
        Setting<String> dir = Setting.text("APP_DIR", "/tmp/app", "State.").shownAs("${java.io.tmpdir}/app");

        assertThat(dir.shownDefault()).contains("${java.io.tmpdir}/app");
        assertThat(dir.from(Map.of())).isEqualTo("/tmp/app");
    }

    @Test
    void checks_a_declared_default_against_its_own_rule() {
        assertThatThrownBy(() -> Setting.wholeNumber("APP_N", 0, 1, 10, "n"))
                .hasMessage("APP_N must be a whole number from 1 to 10, was '0'");
    }

    @Test
    void accepts_one_of_the_allowed_words_in_any_case() {
        Setting<String> acks = Setting.of("APP_ACKS", "all", ValueParsers.oneOf("all", "-1"), "Acks.");

        assertThat(acks.from(Map.of("APP_ACKS", "ALL"))).isEqualTo("all");
        assertThatThrownBy(() -> acks.from(Map.of("APP_ACKS", "1"))).hasMessage("APP_ACKS must be all or -1, was '1'");
    }
}
