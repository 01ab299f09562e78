package org.instantfeedback.notifier;

import org.instantfeedback.notifier.config.NotifierConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs alert-notifier: reads the environment, starts one delivery loop per target of the routes
 * file and the health and metrics API, and stops them on SIGTERM:
 * {@code NOTIFIER_ROUTES_FILE=routes.json KAFKA_BOOTSTRAP_SERVERS=... java -jar alert-notifier-<version>-all.jar};
 * the variables are listed in {@link NotifierConfig#SETTINGS}.
 */
public final class NotifierMain {
    private NotifierMain() {
    }

    public static void main(String[] args) {
        Logger log = LoggerFactory.getLogger(NotifierMain.class);
        NotifierApp app;
        try {
            app = NotifierApp.create(NotifierConfig.from(System.getenv()));
        } catch (IllegalArgumentException e) {
            log.error("alert-notifier cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "alert-notifier-shutdown"));
        app.start();
        log.info("alert-notifier is up: health and metrics on http://localhost:{}", app.port());
    }
}
