package org.instantfeedback.streams;

import org.instantfeedback.streams.config.StreamsAppConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs feedback-streams: reads the environment, starts the CSAT topology and its HTTP API, and
 * stops both on SIGTERM. Run it with
 * {@code KAFKA_BOOTSTRAP_SERVERS=... SCHEMA_REGISTRY_URL=... java -jar feedback-streams-<version>-all.jar};
 * the variables are listed in {@link StreamsAppConfig#VARIABLES}.
 */
public final class StreamsMain {
    private static final Logger log = LoggerFactory.getLogger(StreamsMain.class);

    private StreamsMain() {
    }

    public static void main(String[] args) {
        StreamsAppConfig config;
        try {
            config = StreamsAppConfig.from(System.getenv());
        } catch (IllegalArgumentException e) {
            log.error("feedback-streams cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        StreamsApp app = StreamsApp.create(config);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "feedback-streams-shutdown"));
        app.start();
        log.info("feedback-streams is listening on http://localhost:{} (CSAT at /v1/subjects/<subject>/csat)",
                app.port());
    }
}
