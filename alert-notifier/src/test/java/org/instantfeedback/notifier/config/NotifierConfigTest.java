package org.instantfeedback.notifier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifierConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaults_read_committed_alerts_and_never_commit_automatically() throws IOException {
        NotifierConfig config = NotifierConfig.from(Map.of("NOTIFIER_ROUTES_FILE", routes("{\"targets\":[{\"name\":\"a\","
                + "\"type\":\"slack\",\"url\":\"https://x.example\"}]}")));

        assertThat(config.httpPort()).isEqualTo(8095);
        assertThat(config.groupIdPrefix()).isEqualTo("alert-notifier");
        assertThat(config.retry()).isEqualTo(new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5)));
        assertThat(config.kafkaSettings()).containsEntry("isolation.level", "read_committed")
                .containsEntry("enable.auto.commit", "false").containsEntry("auto.offset.reset", "latest");
        assertThat(config.targets()).hasSize(1);
    }

    @Test
    void start_up_fails_naming_the_variable_or_the_file_and_entry() throws IOException {
        assertThatThrownBy(() -> NotifierConfig.from(Map.of()))
                .hasMessageStartingWith("NOTIFIER_ROUTES_FILE must name the routes file");
        String file = routes("{\"targets\":[{\"name\":\"a\",\"type\":\"slack\",\"url\":\"nope\"}]}");
        assertThatThrownBy(() -> NotifierConfig.from(Map.of("NOTIFIER_ROUTES_FILE", file)))
                .hasMessage("NOTIFIER_ROUTES_FILE: " + file + ": target 1 (\"a\"): \"url\" must be an absolute http or https URL");
        String valid = routes("{\"targets\":[{\"name\":\"a\",\"type\":\"slack\",\"url\":\"https://x.example\"}]}");
        assertThatThrownBy(() -> NotifierConfig.from(Map.of("NOTIFIER_ROUTES_FILE", valid,
                "NOTIFIER_RETRY_MAX_BACKOFF", "5 minutes")))
                .hasMessageStartingWith("NOTIFIER_RETRY_MAX_BACKOFF must be a positive ISO-8601 duration");
        assertThatThrownBy(() -> NotifierConfig.from(Map.of("NOTIFIER_ROUTES_FILE", valid,
                "KAFKA_ENABLE_AUTO_COMMIT", "true")))
                .hasMessageStartingWith("KAFKA_ENABLE_AUTO_COMMIT must not be true");
    }

    private String routes(String json) throws IOException {
        Path file = dir.resolve("routes.json");
        Files.writeString(file, json);
        return file.toString();
    }
}
