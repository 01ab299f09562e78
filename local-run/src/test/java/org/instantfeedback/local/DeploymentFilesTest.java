package org.instantfeedback.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.instantfeedback.config.ClientSettings;
import org.instantfeedback.config.ConfigVariable;
import org.instantfeedback.config.Topics;
import org.instantfeedback.ingest.config.IngestConfig;
import org.instantfeedback.streams.config.StreamsAppConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Holds docker-compose.yml, the Dockerfiles and README.md against the configuration the services
 * really read, since no Docker engine here can prove the compose file by running it.
 */
class DeploymentFilesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static List<Arguments> services() {
        return List.of(
                Arguments.of("feedback-ingest", IngestConfig.VARIABLES, IngestConfig.HTTP_PORT),
                Arguments.of("feedback-streams", StreamsAppConfig.VARIABLES, StreamsAppConfig.STREAMS_HTTP_PORT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void compose_sets_only_variables_the_service_reads(String service, List<ConfigVariable> variables, String portVariable)
            throws IOException {
        Set<String> documented = names(variables);

        assertThat(environmentOf(service).keySet())
                .allSatisfy(name -> assertThat(documented.contains(name)
                        || name.startsWith(ClientSettings.KAFKA_PREFIX)
                        || name.startsWith(ClientSettings.SCHEMA_REGISTRY_PREFIX))
                        .as("%s sets %s, which the service neither documents nor passes to a client", service, name)
                        .isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void compose_gives_every_required_variable(String service, List<ConfigVariable> variables, String portVariable)
            throws IOException {
        Set<String> required = variables.stream().filter(ConfigVariable::required).map(ConfigVariable::name)
                .collect(Collectors.toSet());

        assertThat(environmentOf(service).keySet()).containsAll(required);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void compose_publishes_the_port_the_service_listens_on(String service, List<ConfigVariable> variables,
            String portVariable) throws IOException {
        String port = environmentOf(service).getOrDefault(portVariable, defaultOf(variables, portVariable));

        assertThat(serviceOf(service).get("ports")).asList().contains(port + ":" + port);
        assertThat(Files.readString(ROOT.resolve(service).resolve("Dockerfile"))).contains("EXPOSE " + port);
        assertThat(serviceOf(service).get("healthcheck").toString()).contains("localhost:" + port + "/health/ready");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void compose_points_the_service_at_the_broker_and_registry_of_the_stack(String service,
            List<ConfigVariable> variables, String portVariable) throws IOException {
        Map<String, String> environment = environmentOf(service);

        assertThat(environment).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:19092")
                .containsEntry("SCHEMA_REGISTRY_URL", "http://schema-registry:8081");
        Map<?, ?> dependsOn = (Map<?, ?>) serviceOf(service).get("depends_on");
        assertThat(dependsOn.keySet().stream().map(Object::toString)).contains("topics", "schema-registry");
    }

    @Test
    void compose_creates_every_topic_the_services_use() throws IOException {
        String command = serviceOf("topics").get("command").toString();

        assertThat(command).contains(LocalRun.TOPICS.keySet());
        assertThat(LocalRun.TOPICS).containsKeys(Topics.FEEDBACK_RECEIVED, Topics.FEEDBACK_SCORED, Topics.CSAT,
                Topics.METRICS, Topics.METRICS_LATEST, Topics.ALERTS, Topics.ALERT_ACTIONS, Topics.ALERT_RULES,
                Topics.ALERT_RULES_ACCEPTED, Topics.DEAD_LETTER);
        assertThat(command).contains("--config cleanup.policy=compact");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void readme_documents_every_variable(String service, List<ConfigVariable> variables, String portVariable)
            throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));

        assertThat(variables).allSatisfy(variable -> assertThat(readme)
                .as("README documents %s of %s", variable.name(), service)
                .contains("`" + variable.name() + "`"));
    }

    private static Set<String> names(List<ConfigVariable> variables) {
        return variables.stream().map(ConfigVariable::name).collect(Collectors.toSet());
    }

    private static String defaultOf(List<ConfigVariable> variables, String name) {
        return variables.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow().defaultValue();
    }

    private static Map<String, String> environmentOf(String service) throws IOException {
        Map<?, ?> environment = (Map<?, ?>) serviceOf(service).get("environment");
        return environment.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toString(), e -> String.valueOf(e.getValue())));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> serviceOf(String service) throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            Map<String, Object> services = (Map<String, Object>) compose.get("services");
            assertThat(services).as("services of docker-compose.yml").containsKey(service);
            return (Map<String, Object>) services.get(service);
        }
    }
}
