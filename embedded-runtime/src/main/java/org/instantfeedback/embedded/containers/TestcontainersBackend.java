package org.instantfeedback.embedded.containers;

import java.time.Duration;
import org.instantfeedback.embedded.CloseableKafkaAndRegistry;
import org.instantfeedback.embedded.junit.TestBackend;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka and the Confluent schema registry in Docker containers: one Kafka container per test class,
 * and one schema registry for the whole run, which keeps its schemas in a Kafka container of its
 * own on a private network. Loaded by reflection only when Testcontainers is on the class path
 * (see {@link org.instantfeedback.embedded.junit.TestBackends}).
 *
 * <p>The images are the official ones the compose file runs, unless {@value #KAFKA_IMAGE_VARIABLE}
 * and {@value #SCHEMA_REGISTRY_IMAGE_VARIABLE} (system property first, then environment variable)
 * name others that behave the same: CI, which cannot pull images, names the stand-ins that
 * {@code deploy/stand-ins/build-images} makes.
 */
public final class TestcontainersBackend implements TestBackend {

    public static final String KAFKA_IMAGE_VARIABLE = "INSTANT_FEEDBACK_KAFKA_IMAGE";
    public static final String SCHEMA_REGISTRY_IMAGE_VARIABLE = "INSTANT_FEEDBACK_SCHEMA_REGISTRY_IMAGE";

    private static final String OFFICIAL_KAFKA_IMAGE = "apache/kafka:4.3.1";
    private static final String OFFICIAL_SCHEMA_REGISTRY_IMAGE = "confluentinc/cp-schema-registry:8.0.0";
    private static final DockerImageName KAFKA_IMAGE = image(KAFKA_IMAGE_VARIABLE, OFFICIAL_KAFKA_IMAGE);
    private static final DockerImageName SCHEMA_REGISTRY_IMAGE =
            image(SCHEMA_REGISTRY_IMAGE_VARIABLE, OFFICIAL_SCHEMA_REGISTRY_IMAGE);

    private static final String REGISTRY_STORE_LISTENER = "registry-kafka:19092";
    private static final int SCHEMA_REGISTRY_PORT = 8081;
    private static final Duration SCHEMA_REGISTRY_STARTUP = Duration.ofMinutes(2);

    private final Network network;
    private final KafkaContainer registryStore;
    private final GenericContainer<?> schemaRegistry;

    private TestcontainersBackend(Network network, KafkaContainer registryStore, GenericContainer<?> schemaRegistry) {
        this.network = network;
        this.registryStore = registryStore;
        this.schemaRegistry = schemaRegistry;
    }

    /** Whether a Docker engine answers. */
    public static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    /** Starts the shared schema registry (and the Kafka container it stores schemas in). */
    public static TestcontainersBackend start() {
        Network network = Network.newNetwork();
        KafkaContainer registryStore = new KafkaContainer(KAFKA_IMAGE)
                .withNetwork(network)
                .withListener(REGISTRY_STORE_LISTENER);
        GenericContainer<?> schemaRegistry = new GenericContainer<>(SCHEMA_REGISTRY_IMAGE)
                .withNetwork(network)
                .withExposedPorts(SCHEMA_REGISTRY_PORT)
                .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:" + SCHEMA_REGISTRY_PORT)
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://" + REGISTRY_STORE_LISTENER)
                .dependsOn(registryStore)
                .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(SCHEMA_REGISTRY_STARTUP));
        try {
            schemaRegistry.start();
        } catch (RuntimeException e) {
            schemaRegistry.stop();
            registryStore.stop();
            network.close();
            throw e;
        }
        return new TestcontainersBackend(network, registryStore, schemaRegistry);
    }

    @Override
    public String description() {
        return "Testcontainers: " + KAFKA_IMAGE + " per test class, shared " + SCHEMA_REGISTRY_IMAGE;
    }

    @Override
    public CloseableKafkaAndRegistry startForTestClass() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        kafka.start();
        return new ContainerKafka(kafka, schemaRegistryUrl());
    }

    @Override
    public void close() {
        schemaRegistry.stop();
        registryStore.stop();
        network.close();
    }

    /** The configured image, standing in for the official one (Testcontainers checks Kafka's). */
    private static DockerImageName image(String variable, String official) {
        String configured = System.getProperty(variable, System.getenv(variable));
        if (configured == null || configured.isBlank()) {
            return DockerImageName.parse(official);
        }
        String repository = official.substring(0, official.lastIndexOf(':'));
        return DockerImageName.parse(configured.strip()).asCompatibleSubstituteFor(repository);
    }

    private String schemaRegistryUrl() {
        return "http://" + schemaRegistry.getHost() + ":" + schemaRegistry.getMappedPort(SCHEMA_REGISTRY_PORT);
    }
}
