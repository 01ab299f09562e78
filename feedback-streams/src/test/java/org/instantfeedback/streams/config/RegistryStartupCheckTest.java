package org.instantfeedback.streams.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.junit.jupiter.api.Test;

class RegistryStartupCheckTest {
    @Test
    void a_registry_nobody_listens_for_stops_the_start_with_its_address_and_what_to_check() throws IOException {
        String url = "http://127.0.0.1:" + freePort();

        assertThatThrownBy(() -> RegistryStartupCheck.requireReachable(Map.of(SchemaRegistrySettings.URL, url)))
                .isInstanceOf(RegistryStartupCheck.RegistryUnavailableException.class)
                .hasMessageContaining(url)
                .hasMessageContaining("SCHEMA_REGISTRY_URL");
    }

    @Test
    void a_registry_that_lists_its_subjects_lets_the_app_start() {
        assertThatCode(() -> RegistryStartupCheck.requireReachable(
                Map.of(SchemaRegistrySettings.URL, "mock://registry-startup-check")))
                .doesNotThrowAnyException();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
