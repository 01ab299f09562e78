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
 *
 * Or a broker next to a registry someone else owns ({@link #sharingRegistry}), as each test
 * class gets one next to the registry of the whole test run.
 */
public final class EmbeddedKafkaAndRegistry implements CloseableKafkaAndRegistry {

    private final EmbeddedKafkaBroker broker;
    private final String registryUrl;
    private final Runnable closeRegistry;

    private EmbeddedKafkaAndRegistry(EmbeddedKafkaBroker broker, String registryUrl, Runnable closeRegistry) {
        this.broker = broker;
        this.registryUrl = registryUrl;
        this.closeRegistry = closeRegistry;
    }

    /** {@code broker} next to the registry at {@code registryUrl}; closing closes the broker only. */
    public static EmbeddedKafkaAndRegistry sharingRegistry(EmbeddedKafkaBroker broker, String registryUrl) {
        return new EmbeddedKafkaAndRegistry(broker, registryUrl, () -> { });
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
            EmbeddedSchemaRegistry started = registry.join();
            return new EmbeddedKafkaAndRegistry(broker, started.url(), started::close);
        } catch (CompletionException e) {
            broker.close();
            throw BackgroundStart.unwrap(e);
        }
    }

    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public String schemaRegistryUrl() {
        return registryUrl;
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
            closeRegistry.run();
        }
    }
}
