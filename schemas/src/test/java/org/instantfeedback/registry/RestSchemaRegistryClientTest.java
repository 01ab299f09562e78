package org.instantfeedback.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.instantfeedback.events.Rating;
import org.junit.jupiter.api.Test;

/** Answers that a real registry gives only in deployments we cannot start here: auth, proxies, outages. */
class RestSchemaRegistryClientTest {

    @Test
    void says_it_is_unauthorised_in_the_registry_s_words() throws IOException {
        try (RegistryStandIn registry = new RegistryStandIn(401,
                "{\"error_code\":40101,\"message\":\"Unauthorized\"}")) {
            SchemaRegistryClient client = client(Map.of("schema.registry.url", registry.url()));

            assertThatThrownBy(client::subjects)
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.kind()).isEqualTo(SchemaRegistryException.Kind.UNAUTHORIZED);
                        assertThat(e.httpStatus()).isEqualTo(401);
                    })
                    .hasMessageContaining("answered 401")
                    .hasMessageContaining("Unauthorized");
        }
    }

    @Test
    void sends_basic_credentials_and_keeps_them_out_of_messages() throws IOException {
        try (RegistryStandIn registry = new RegistryStandIn(500, "<html>proxy error</html>")) {
            String url = registry.url().replace("http://", "http://key:s3cret@");
            SchemaRegistryClient client = client(Map.of("schema.registry.url", url));

            assertThatThrownBy(client::subjects)
                    .isInstanceOf(SchemaRegistryException.class)
                    .hasMessageContaining("proxy error")
                    .hasMessageNotContaining("s3cret");
            assertThat(registry.seen()).singleElement()
                    .extracting(RegistryStandIn.Seen::authorization)
                    .isEqualTo("Basic a2V5OnMzY3JldA==");
        }
    }

    @Test
    void reports_an_invalid_schema_with_the_registry_s_code() throws IOException {
        try (RegistryStandIn registry = new RegistryStandIn(422,
                "{\"error_code\":42201,\"message\":\"Invalid schema\"}")) {
            SchemaRegistryClient client = client(Map.of("schema.registry.url", registry.url()));

            assertThatThrownBy(() -> client.register("ratings-value", Rating.getClassSchema()))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.kind()).isEqualTo(SchemaRegistryException.Kind.INVALID_SCHEMA);
                        assertThat(e.errorCode()).isEqualTo(42201);
                    });
            assertThat(registry.seen()).singleElement()
                    .satisfies(seen -> assertThat(seen.path()).isEqualTo("/subjects/ratings-value/versions"));
        }
    }

    @Test
    void says_when_the_registry_cannot_be_reached() throws IOException {
        SchemaRegistryClient client = client(Map.of("schema.registry.url", "http://127.0.0.1:" + closedPort()));

        assertThatThrownBy(client::subjects)
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(SchemaRegistryException.Kind.UNREACHABLE))
                .hasMessageContaining("could not be reached");
    }

    @Test
    void fails_over_to_the_next_url() throws IOException {
        try (RegistryStandIn registry = new RegistryStandIn(200, "[\"a-value\"]")) {
            SchemaRegistryClient client = client(Map.of("schema.registry.url",
                    "http://127.0.0.1:" + closedPort() + "," + registry.url()));

            assertThat(client.subjects()).containsExactly("a-value");
        }
    }

    @Test
    void asks_the_registry_once_per_schema() throws IOException {
        try (RegistryStandIn registry = new RegistryStandIn(200, "{\"id\":7}")) {
            SchemaRegistryClient client = client(Map.of("schema.registry.url", registry.url()));

            assertThat(client.register("ratings-value", Rating.getClassSchema())).isEqualTo(7);
            assertThat(client.register("ratings-value", Rating.getClassSchema())).isEqualTo(7);
            // the id learnt on registration also answers lookups by id, without a request
            assertThat(client.schemaById(7)).isEqualTo(Rating.getClassSchema());
            assertThat(registry.seen()).hasSize(1);
        }
    }

    private static SchemaRegistryClient client(Map<String, String> configs) {
        return SchemaRegistryClient.connect(SchemaRegistrySettings.from(configs));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
