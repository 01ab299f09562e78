package org.instantfeedback.ingest.http;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The route table of feedback-ingest and the HTTP behaviour shared by all routes. Builds the
 * server without starting it. New channels (SMS webhooks, kiosk batches, QR pages) add their
 * controller and a line here.
 */
public final class HttpApi {
    private HttpApi() {
    }

    public static Javalin create(FeedbackController feedback, HealthController health, MetricsController metrics,
            ProblemDetailsMapper problems, HttpRequestMetrics requestMetrics, Duration gracefulStop) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> finishRequestsInFlightOnStop(server, gracefulStop));
            config.requestLogger.http(requestMetrics);
            config.routes.before(requestMetrics::started);
            config.routes.post(FeedbackController.PATH, feedback::submit);
            config.routes.get(HealthController.LIVE_PATH, health::live);
            config.routes.get(HealthController.READY_PATH, health::ready);
            config.routes.get(MetricsController.PATH, metrics::scrape);
            config.routes.exception(HttpResponseException.class, problems::handle);
            config.routes.exception(Exception.class, problems::handle);
        });
    }

    /**
     * On stop, Jetty stops accepting connections but lets requests in flight finish (up to
     * {@code gracefulStop}), so a client waiting for Kafka's acknowledgement still gets its answer.
     * Javalin mounts its handler inside the wrapper it finds.
     */
    private static void finishRequestsInFlightOnStop(Server server, Duration gracefulStop) {
        server.setHandler(new GracefulHandler());
        server.setStopTimeout(gracefulStop.toMillis());
    }
}
