package org.instantfeedback.benchmarks.pipeline;

import io.javalin.Javalin;
import java.util.UUID;

/**
 * The HTTP ceiling: the same server stack as feedback-ingest (Javalin on Jetty) on the same path,
 * reading the body and answering 202 with an id, and doing nothing else.
 */
final class BareHttpServer implements AutoCloseable {
    private final Javalin http;

    private BareHttpServer(Javalin http) {
        this.http = http;
    }

    static BareHttpServer start() {
        Javalin http = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.post("/v1/feedback", ctx -> {
                ctx.bodyAsBytes();
                ctx.status(202).contentType("application/json").result("{\"id\":\"" + UUID.randomUUID() + "\"}");
            });
        });
        http.start(0);
        return new BareHttpServer(http);
    }

    int port() {
        return http.port();
    }

    @Override
    public void close() {
        http.stop();
    }
}
