package org.instantfeedback.ingest.http;

import io.javalin.Javalin;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.instantfeedback.service.health.HealthEndpoints;
import org.instantfeedback.service.health.ReadinessProbe;
import org.instantfeedback.service.problem.ProblemMapper;
import org.instantfeedback.service.problem.ProtocolErrorProblems;
import org.instantfeedback.service.telemetry.HttpRequestTimer;
import org.instantfeedback.service.telemetry.PrometheusEndpoint;
import org.instantfeedback.service.telemetry.ServiceTelemetry;

/**
 * The route table of feedback-ingest and the HTTP behaviour shared by all routes. Builds the
 * server without starting it. A new channel adds its controller and a line here.
 */
public final class IngestHttpApi {
    private IngestHttpApi() {
    }

    /** Every controller the routes call. */
    public record Controllers(FeedbackController feedback, KioskBatchController kioskBatches,
            TwilioSmsController twilio, TwilioStatusController twilioStatus, TwilioVoiceController voice,
            SmsGatewayController smsGateways, FeedbackPageController pages) {
    }

    /** The server, not started; {@code readiness} answers {@code /health/ready}. */
    public static Javalin create(Controllers controllers, ProblemMapper problems, ReadinessProbe readiness,
            ServiceTelemetry telemetry, Duration gracefulStop) {
        HttpRequestTimer requestTimer = new HttpRequestTimer(telemetry.registry());
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> finishRequestsInFlightOnStop(server, gracefulStop));
            requestTimer.installOn(config);
            config.routes.post(FeedbackController.PATH, controllers.feedback()::submit);
            config.routes.post(KioskBatchController.PATH, controllers.kioskBatches()::submit);
            config.routes.post(TwilioSmsController.PATH, controllers.twilio()::receive);
            config.routes.post(TwilioStatusController.PATH, controllers.twilioStatus()::receive);
            config.routes.post(TwilioVoiceController.CALL_PATH, controllers.voice()::answer);
            config.routes.post(TwilioVoiceController.RATING_PATH, controllers.voice()::rate);
            config.routes.post(SmsGatewayController.PATH, controllers.smsGateways()::receive);
            config.routes.get(FeedbackPageController.PATH, controllers.pages()::show);
            config.routes.post(FeedbackPageController.PATH, controllers.pages()::submit);
            config.routes.get(FeedbackPageController.STYLE_PATH, controllers.pages()::style);
            config.routes.get(FeedbackPageController.SCRIPT_PATH, controllers.pages()::script);
            HealthEndpoints.serve(config.routes, readiness);
            PrometheusEndpoint.serve(config.routes, telemetry.registry());
            problems.registerOn(config.routes);
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
