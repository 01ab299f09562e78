package org.instantfeedback.embedded;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An {@link EmbeddedKafkaBroker} and an {@link EmbeddedSchemaRegistry} started together (in
 * parallel, as the registry takes longer) and closed together, e.g. for the local run:
 *
 * <pre>{@code
 * try (EmbeddedKafkaAndRegistry stack = EmbeddedKafkaAndRegistry.start(9092, 8081)) {
 *     ... stack.bootstrapServers(), stack.schemaRegistryUrl() ...
 * }
 * }</pre>
 */
public final class EmbeddedKafkaAndRegistry implements CloseableKafkaAndRegistry {

    private final EmbeddedKafkaBroker broker;
    private final EmbeddedSchemaRegistry registry;

    private EmbeddedKafkaAndRegistry(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry) {
        this.broker = broker;
        this.registry = registry;
    }

    /** Starts both on ports chosen by the operating system. */
    public static EmbeddedKafkaAndRegistry start() {
        return start(0, 0);
    }

    /** Starts the broker on {@code kafkaPort} and the registry on {@code registryPort} (0: any free port). */
    public static EmbeddedKafkaAndRegistry start(int kafkaPort, int registryPort) {
        CompletableFuture<EmbeddedSchemaRegistry> registry =
                BackgroundStart.of("embedded-schema-registry-start", () -> EmbeddedSchemaRegistry.start(registryPort));
        EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.start(kafkaPort);
        } catch (RuntimeException e) {
            registry.thenAccept(EmbeddedSchemaRegistry::close);
            throw e;
        }
        try {
            return new EmbeddedKafkaAndRegistry(broker, registry.join());
        } catch (CompletionException e) {
            broker.close();
            throw BackgroundStart.unwrap(e);
        }
    }

    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    public EmbeddedSchemaRegistry registry() {
        return registry;
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public String schemaRegistryUrl() {
        return registry.url();
    }

    @Override
    public void stopBroker() {
        broker.stop();
    }

    @Override
    public void startBroker() {
        if (!broker.isRunning()) {
            broker.restart();
        }
    }

    @Override
    public void close() {
        try {
            broker.close();
        } finally {
            registry.close();
        }
    }
}
