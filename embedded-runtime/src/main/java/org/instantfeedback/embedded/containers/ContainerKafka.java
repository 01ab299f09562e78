package org.instantfeedback.embedded.containers;

import org.instantfeedback.embedded.CloseableKafkaAndRegistry;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One test class's Kafka container, next to the shared schema registry. Stopping the broker pauses
 * the container: its mapped port, and so the bootstrap address, survive, but clients see timeouts
 * rather than refused connections while it is paused.
 */
final class ContainerKafka implements CloseableKafkaAndRegistry {

    private final KafkaContainer kafka;
    private final String schemaRegistryUrl;
    private boolean paused;

    ContainerKafka(KafkaContainer kafka, String schemaRegistryUrl) {
        this.kafka = kafka;
        this.schemaRegistryUrl = schemaRegistryUrl;
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String schemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    @Override
    public synchronized void stopBroker() {
        if (!paused) {
            kafka.getDockerClient().pauseContainerCmd(kafka.getContainerId()).exec();
            paused = true;
        }
    }

    @Override
    public synchronized void startBroker() {
        if (paused) {
            kafka.getDockerClient().unpauseContainerCmd(kafka.getContainerId()).exec();
            paused = false;
        }
    }

    @Override
    public void close() {
        kafka.stop();
    }
}
