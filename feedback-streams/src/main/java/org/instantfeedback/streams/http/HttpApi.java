package org.instantfeedback.streams.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.instantfeedback.streams.csat.CsatFigures;
import org.instantfeedback.streams.csat.CsatQueries;

/**
 * The HTTP API of feedback-streams, on its own port: CSAT figures read from the local store,
 * liveness and readiness probes, and Prometheus metrics. Built here, started by the app.
 */
public final class HttpApi {
    public static final String CSAT_PATH = "/v1/subjects/{subject}/csat";
    public static final String LIVE_PATH = "/health/live";
    public static final String READY_PATH = "/health/ready";
    public static final String METRICS_PATH = "/metrics";
    static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final CsatQueries csat;
    private final Supplier<KafkaStreams.State> streamsState;
    private final PrometheusMeterRegistry metrics;
    private final Clock clock;

    private HttpApi(CsatQueries csat, Supplier<KafkaStreams.State> streamsState, PrometheusMeterRegistry metrics,
                    Clock clock) {
        this.csat = csat;
        this.streamsState = streamsState;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The API as a Javalin server that is not started yet. */
    public static Javalin create(CsatQueries csat, Supplier<KafkaStreams.State> streamsState,
                                 PrometheusMeterRegistry metrics, Clock clock) {
        HttpApi api = new HttpApi(csat, streamsState, metrics, clock);
        HttpRequestMetrics requestMetrics = new HttpRequestMetrics(metrics);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(objectMapper(), false));
            config.requestLogger.http(requestMetrics::record);
            config.routes.get(CSAT_PATH, api::currentCsat);
            config.routes.get(LIVE_PATH, api::live);
            config.routes.get(READY_PATH, api::ready);
            config.routes.get(METRICS_PATH, api::metrics);
            ProblemJson.register(config.routes);
        });
    }

    /** JSON as the API writes it: instants as ISO-8601 text. */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    private void currentCsat(Context ctx) {
        String subject = ctx.pathParam("subject");
        Instant at = atParameter(ctx);
        CsatFigures figures = csat.currentWindow(subject, at).orElseThrow(() -> ApiProblem.notFound(
                "no-csat-figures", "No CSAT figures",
                "Nothing was rated for subject '" + subject + "' in the window covering " + at + "."));
        ctx.json(figures);
    }

    private Instant atParameter(Context ctx) {
        String at = ctx.queryParam("at");
        if (at == null || at.isBlank()) {
            return clock.instant();
        }
        Instant instant;
        try {
            instant = Instant.parse(at.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidRequest("at", "must be an ISO-8601 instant such as 2024-05-01T12:00:00Z");
        }
        if (instant.isBefore(Instant.EPOCH)) {
            throw ApiProblem.invalidRequest("at", "must not be before 1970-01-01T00:00:00Z");
        }
        return instant;
    }

    private void live(Context ctx) {
        ctx.json(Map.of("status", "UP"));
    }

    private void ready(Context ctx) {
        KafkaStreams.State state = streamsState.get();
        if (state != KafkaStreams.State.RUNNING) {
            throw ApiProblem.unavailable("not-ready", "Not ready",
                    "Kafka Streams is " + state + ", not RUNNING.", ProblemJson.STORE_RETRY_AFTER_SECONDS);
        }
        ctx.json(Map.of("status", "UP", "streams", state.name()));
    }

    private void metrics(Context ctx) {
        ctx.contentType(PROMETHEUS_CONTENT_TYPE).result(metrics.scrape());
    }
}
