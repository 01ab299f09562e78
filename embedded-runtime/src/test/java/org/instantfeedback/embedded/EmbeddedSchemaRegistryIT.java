package org.instantfeedback.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedSchemaRegistryIT {

    private static final String RATING_SCHEMA =
            "{\"type\":\"record\",\"name\":\"Rating\",\"namespace\":\"org.example\","
                    + "\"fields\":[{\"name\":\"stars\",\"type\":\"int\"}]}";

    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void startRegistry() {
        registry = EmbeddedSchemaRegistry.start();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void registers_a_schema_through_the_confluent_api_and_serves_it_back_by_id() throws Exception {
        String subject = "ratings-" + UUID.randomUUID() + "-value";

        long id = TestClients.registerAvroSchema(registry.url(), subject, RATING_SCHEMA);

        HttpResponse<String> served = TestClients.get(registry.url() + "/schemas/ids/" + id);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).contains("Rating").contains("stars");
        assertThat(TestClients.get(registry.url() + "/subjects").body()).contains(subject);
    }

    @Test
    void serves_the_confluent_api_on_the_loopback_address_and_logs_to_a_file() throws Exception {
        assertThat(registry.url()).isEqualTo("http://127.0.0.1:" + registry.port() + "/apis/ccompat/v7");
        assertThat(registry.isRunning()).isTrue();
        assertThat(Files.readString(registry.logFile())).contains("Listening on: http://127.0.0.1:" + registry.port());
    }

    @Test
    void listens_on_a_fixed_port_and_stops_its_process_on_close() throws Exception {
        int port = FreePort.find();
        EmbeddedSchemaRegistry second = EmbeddedSchemaRegistry.start(port);
        assertThat(second.url()).isEqualTo("http://127.0.0.1:" + port + "/apis/ccompat/v7");
        assertThat(TestClients.get(second.url() + "/subjects").body()).isEqualTo("[]");

        second.close();

        assertThat(second.isRunning()).isFalse();
        assertThat(TestClients.acceptsConnections("127.0.0.1:" + port)).isFalse();
        assertThat(Files.exists(second.logFile())).isFalse();
    }

    @Test
    void reports_the_end_of_its_log_when_the_registry_process_dies(@TempDir Path home) throws Exception {
        ApicurioDistribution broken = FakeDistribution.running(ExitsAtOnce.class, home);

        assertThatThrownBy(() -> EmbeddedSchemaRegistry.start(broken, 0, Duration.ofSeconds(60)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with status " + ExitsAtOnce.STATUS)
                .hasMessageContaining(ExitsAtOnce.COMPLAINT);
    }

    @Test
    void gives_up_and_stops_the_process_when_the_registry_does_not_answer_in_time(@TempDir Path home)
            throws Exception {
        ApicurioDistribution silent = FakeDistribution.running(BlocksForever.class, home);
        long before = ProcessHandle.current().children().count();

        assertThatThrownBy(() -> EmbeddedSchemaRegistry.start(silent, 0, Duration.ofSeconds(3)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not answer in time")
                .hasMessageContaining(BlocksForever.ANNOUNCEMENT);
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).count()).isLessThanOrEqualTo(before);
    }
}
