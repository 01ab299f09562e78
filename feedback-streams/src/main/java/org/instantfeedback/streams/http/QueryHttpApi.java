package org.instantfeedback.streams.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.instantfeedback.service.health.HealthEndpoints;
import org.instantfeedback.service.health.ProbeAnswer;
import org.instantfeedback.service.telemetry.HttpRequestTimer;
import org.instantfeedback.service.telemetry.PrometheusEndpoint;
import org.instantfeedback.streams.query.AlertActions;
import org.instantfeedback.streams.query.QueryService;

/**
 * The HTTP API of feedback-streams, on its own port: the query API (subjects, their figures and
 * series, alerts and the ops actions, answered for the whole application from whichever instance
 * is asked), liveness and readiness probes, and Prometheus metrics. Everything but the probes and
 * metrics asks for the configured credentials ({@link ApiAccess}). Built here, started by the app.
 */
public final class QueryHttpApi {
    private QueryHttpApi() {
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
        ApiAccess access = new ApiAccess(settings);
        ObjectMapper json = objectMapper();
        QueryRoutes query = new QueryRoutes(queries, actions, windows, json);
        HttpRequestTimer requestTimer = new HttpRequestTimer(metrics);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            requestTimer.installOn(config);
            config.routes.before(access::check);
            query.register(config.routes);
            HealthEndpoints.serve(config.routes, () -> ready(streamsState.get()));
            PrometheusEndpoint.serve(config.routes, metrics);
            moreRoutes.accept(config.routes);
            QueryProblems.mapper(json).registerOn(config.routes);
        });
    }

    /** JSON as the API writes it: instants as ISO-8601 text. */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Ready once Kafka Streams runs; until then a problem that says what it is doing. */
    private static ProbeAnswer ready(KafkaStreams.State state) {
        if (state != KafkaStreams.State.RUNNING) {
            throw QueryProblems.unavailable("not-ready", "Not ready",
                    "Kafka Streams is " + state + ", not RUNNING.", QueryProblems.STORE_RETRY_AFTER_SECONDS);
        }
        return new ProbeAnswer(true, Map.of("streams", state.name()));
    }
}
