package org.instantfeedback.ingest;

import org.instantfeedback.ingest.config.IngestConfig;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs feedback-ingest with the configuration in the environment (see {@link IngestConfig#SETTINGS}):
 * {@code java -jar feedback-ingest-<version>-all.jar}. Stops cleanly on SIGTERM. Exits with status
 * 2 when the configuration is invalid, naming the variable.
 */
public final class IngestMain {
    private static final Logger LOG = LoggerFactory.getLogger(IngestMain.class);

    private IngestMain() {
    }

    public static void main(String[] args) {
        IngestConfig config;
        try {
            config = IngestConfig.from(System.getenv());
        } catch (IllegalArgumentException e) {
            LOG.error("invalid configuration: {}", e.getMessage());
            System.exit(2);
            return;
        }
        IngestApp app = IngestApp.create(config);
        try {
            app.start();
        } catch (RuntimeException e) {
            LOG.error("could not start feedback-ingest", e);
            app.close();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "feedback-ingest-shutdown"));
        LOG.info("feedback-ingest serving on http://0.0.0.0:{} (Kafka {}, schema registry {})", app.port(),
                config.publishing().bootstrapServers(),
                SchemaRegistrySettings.printable(config.publishing().schemaRegistryUrl()));
    }
}
