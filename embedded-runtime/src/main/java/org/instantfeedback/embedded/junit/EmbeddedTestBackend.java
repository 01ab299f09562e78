package org.instantfeedback.embedded.junit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.instantfeedback.embedded.BackgroundStart;
import org.instantfeedback.embedded.CloseableKafkaAndRegistry;
import org.instantfeedback.embedded.EmbeddedKafkaAndRegistry;
import org.instantfeedback.embedded.EmbeddedKafkaBroker;
import org.instantfeedback.embedded.EmbeddedSchemaRegistry;

/**
 * A KRaft broker in the test JVM per test class, and one Apicurio Registry child JVM for the whole
 * run. The registry starts in the background as soon as the backend exists, while the first
 * broker starts.
 */
final class EmbeddedTestBackend implements TestBackend {

    private final CompletableFuture<EmbeddedSchemaRegistry> registry;

    private EmbeddedTestBackend(CompletableFuture<EmbeddedSchemaRegistry> registry) {
        this.registry = registry;
    }

    static EmbeddedTestBackend start() {
        return new EmbeddedTestBackend(BackgroundStart.of("embedded-schema-registry-start", EmbeddedSchemaRegistry::start));
    }

    @Override
    public String description() {
        return "embedded KRaft broker per test class, shared Apicurio Registry in a child JVM";
    }

    @Override
    public CloseableKafkaAndRegistry startForTestClass() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        try {
            return EmbeddedKafkaAndRegistry.sharingRegistry(broker, registry.join().url());
        } catch (CompletionException e) {
            broker.close();
            throw BackgroundStart.unwrap(e);
        }
    }

    @Override
    public void close() {
        // Closes the registry now if it runs, or as soon as a start still under way completes.
        registry.thenAccept(EmbeddedSchemaRegistry::close);
    }
}
