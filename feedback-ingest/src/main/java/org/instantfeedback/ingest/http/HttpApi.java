package org.instantfeedback.ingest.http;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The route table of feedback-ingest and the HTTP behaviour shared by all routes. Builds the
 * server without starting it. A new channel adds its controller and a line here.
 */
public final class HttpApi {
    private HttpApi() {
    }

    /** Every controller the routes call. */
    public record Controllers(FeedbackController feedback, KioskBatchController kioskBatches,
            TwilioSmsController twilio, SmsGatewayController smsGateways, FeedbackPageController pages,
            HealthController health, MetricsController metrics) {
    }

    public static Javalin create(Controllers controllers, ProblemDetailsMapper problems,
            HttpRequestMetrics requestMetrics, Duration gracefulStop) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> finishRequestsInFlightOnStop(server, gracefulStop));
            config.requestLogger.http(requestMetrics);
            config.routes.before(requestMetrics::started);
            config.routes.post(FeedbackController.PATH, controllers.feedback()::submit);
            config.routes.post(KioskBatchController.PATH, controllers.kioskBatches()::submit);
            config.routes.post(TwilioSmsController.PATH, controllers.twilio()::receive);
            config.routes.post(SmsGatewayController.PATH, controllers.smsGateways()::receive);
            config.routes.get(FeedbackPageController.PATH, controllers.pages()::show);
            config.routes.post(FeedbackPageController.PATH, controllers.pages()::submit);
            config.routes.get(FeedbackPageController.STYLE_PATH, controllers.pages()::style);
            config.routes.get(FeedbackPageController.SCRIPT_PATH, controllers.pages()::script);
            config.routes.get(HealthController.LIVE_PATH, controllers.health()::live);
            config.routes.get(HealthController.READY_PATH, controllers.health()::ready);
            config.routes.get(MetricsController.PATH, controllers.metrics()::scrape);
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
        server.setErrorHandler(new ProtocolErrorProblems());
        server.setStopTimeout(gracefulStop.toMillis());
    }
}
