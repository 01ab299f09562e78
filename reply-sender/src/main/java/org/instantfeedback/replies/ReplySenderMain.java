package org.instantfeedback.replies;

import org.instantfeedback.replies.config.ReplySenderConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the reply sender: reads the environment, starts the delivery loop and the health and metrics
 * API, and stops them on SIGTERM:
 * {@code REPLY_PROVIDER=twilio REPLY_TWILIO_ACCOUNT_SID=... CONTACT_KEK=... java -jar reply-sender-<version>-all.jar};
 * the variables are listed in {@link ReplySenderConfig#allSettings()}.
 */
public final class ReplySenderMain {
    private ReplySenderMain() {
    }

    public static void main(String[] args) {
        Logger log = LoggerFactory.getLogger(ReplySenderMain.class);
        ReplySenderApp app;
        try {
            app = ReplySenderApp.create(ReplySenderConfig.from(System.getenv()));
        } catch (IllegalArgumentException e) {
            log.error("reply-sender cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "reply-sender-shutdown"));
        app.start();
        log.info("reply-sender is up: health and metrics on http://localhost:{}", app.port());
    }
}
