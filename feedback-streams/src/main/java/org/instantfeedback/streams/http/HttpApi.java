package org.instantfeedback.streams.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.instantfeedback.streams.query.AlertActions;
import org.instantfeedback.streams.query.QueryService;

/**
 * The HTTP API of feedback-streams, on its own port: the query API (subjects, their figures and
 * series, alerts and the ops actions, answered for the whole application from whichever instance
 * is asked), liveness and readiness probes, and Prometheus metrics. Everything but the probes and
 * metrics asks for the configured credentials ({@link ApiAccess}). Built here, started by the app.
 */
public final class HttpApi {
    public static final String CSAT_PATH = "/v1/subjects/{subject}/csat";
    public static final String SUBJECTS_PATH = QueryRoutes.SUBJECTS_PATH;
    public static final String ALERTS_PATH = QueryRoutes.ALERTS_PATH;
    public static final String LIVE_PATH = "/health/live";
    public static final String READY_PATH = "/health/ready";
    public static final String METRICS_PATH = "/metrics";
    static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<KafkaStreams.State> streamsState;
    private final PrometheusMeterRegistry metrics;

    private HttpApi(Supplier<KafkaStreams.State> streamsState, PrometheusMeterRegistry metrics) {
        this.streamsState = streamsState;
        this.metrics = metrics;
    }

    /**
     * The API as a Javalin server that is not started yet.
     *
     * @param windows    the windows figures are kept for, the first one the default
     * @param moreRoutes further routes (the dashboard), behind the same access rules
     * @throws IllegalArgumentException when the settings ask for credentials but name none
     */
    public static Javalin create(QueryService queries, AlertActions actions, ApiSettings settings,
                                 List<Duration> windows, Supplier<KafkaStreams.State> streamsState,
                                 PrometheusMeterRegistry metrics, Consumer<RoutesConfig> moreRoutes) {
        HttpApi api = new HttpApi(streamsState, metrics);
        ApiAccess access = new ApiAccess(settings);
        ObjectMapper json = objectMapper();
        QueryRoutes query = new QueryRoutes(queries, actions, windows, json);
        HttpRequestMetrics requestMetrics = new HttpRequestMetrics(metrics);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.requestLogger.http(requestMetrics::record);
            config.routes.before(access::check);
            query.register(config.routes);
            config.routes.get(LIVE_PATH, api::live);
            config.routes.get(READY_PATH, api::ready);
            config.routes.get(METRICS_PATH, api::metrics);
            moreRoutes.accept(config.routes);
            ProblemJson.register(config.routes);
        });
    }

    /** JSON as the API writes it: instants as ISO-8601 text. */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
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
