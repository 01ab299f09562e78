package org.instantfeedback.ingest;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.instantfeedback.ingest.config.IngestConfig;
import org.instantfeedback.ingest.feedback.FeedbackValidator;
import org.instantfeedback.ingest.health.KafkaCheck;
import org.instantfeedback.ingest.health.Readiness;
import org.instantfeedback.ingest.health.SchemaRegistryCheck;
import org.instantfeedback.ingest.http.BatchResults;
import org.instantfeedback.ingest.http.ClientAddresses;
import org.instantfeedback.ingest.http.FeedbackController;
import org.instantfeedback.ingest.http.FeedbackPageController;
import org.instantfeedback.ingest.http.FeedbackPages;
import org.instantfeedback.ingest.http.HealthController;
import org.instantfeedback.ingest.http.HttpApi;
import org.instantfeedback.ingest.http.HttpRequestMetrics;
import org.instantfeedback.ingest.http.JsonRequestBody;
import org.instantfeedback.ingest.http.JsonResponses;
import org.instantfeedback.ingest.http.KioskBatchController;
import org.instantfeedback.ingest.http.MetricsController;
import org.instantfeedback.ingest.http.ProblemDetailsMapper;
import org.instantfeedback.ingest.http.SmsGatewayController;
import org.instantfeedback.ingest.http.TwilioSmsController;
import org.instantfeedback.ingest.intake.FeedbackIntake;
import org.instantfeedback.ingest.kafka.DeduplicatingPublisher;
import org.instantfeedback.ingest.kafka.FeedbackPublisher;
import org.instantfeedback.ingest.metrics.PrometheusMetrics;
import org.instantfeedback.ingest.privacy.SenderPseudonyms;
import org.instantfeedback.ingest.ratelimit.RateLimiter;
import org.instantfeedback.ingest.sms.SmsInterpreter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * feedback-ingest wired together: the Kafka producer, the readiness checks, the metrics and the
 * HTTP API. {@link #create} builds everything but binds no port, {@link #start} binds it, and
 * {@link #close} stops HTTP first, then flushes the producer, so no accepted feedback is lost.
 * Tests run it on port 0; {@link IngestMain} runs it in production.
 */
public final class IngestApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestApp.class);
    static final String APPLICATION = "feedback-ingest";
    /** How much longer than a publish may take a request in flight is given to finish on close. */
    private static final Duration GRACE_AFTER_PUBLISH_TIMEOUT = Duration.ofSeconds(1);

    private final IngestConfig config;
    private final PrometheusMetrics metrics;
    private final FeedbackPublisher publisher;
    private final Readiness readiness;
    private final Javalin http;
    private boolean started;
    private boolean closed;

    private IngestApp(IngestConfig config, PrometheusMetrics metrics, FeedbackPublisher publisher,
            Readiness readiness, Javalin http) {
        this.config = config;
        this.metrics = metrics;
        this.publisher = publisher;
        this.readiness = readiness;
        this.http = http;
    }

    /** Builds the service; connects to nothing yet and binds no port. */
    public static IngestApp create(IngestConfig config) {
        warnAboutLocalMode(config);
        List<AutoCloseable> created = new ArrayList<>();
        try {
            PrometheusMetrics metrics = remember(created, PrometheusMetrics.create(APPLICATION));
            FeedbackPublisher publisher = remember(created, FeedbackPublisher.create(config, metrics.registry()));
            KafkaCheck kafka = remember(created, KafkaCheck.create(config.kafka()));
            SchemaRegistryCheck registry = remember(created,
                    SchemaRegistryCheck.create(config.schemaRegistry(), Readiness.PROBE_TIMEOUT));
            Readiness readiness = new Readiness(List.of(kafka, registry));
            ObjectMapper json = objectMapper();
            JsonResponses responses = new JsonResponses(json);
            FeedbackPages pages = FeedbackPages.load();
            Javalin http = HttpApi.create(controllers(config, metrics, publisher, readiness, json, responses, pages),
                    new ProblemDetailsMapper(responses, config.retryAfterSeconds(), pages),
                    new HttpRequestMetrics(metrics.registry()),
                    config.publishTimeout().plus(GRACE_AFTER_PUBLISH_TIMEOUT));
            return new IngestApp(config, metrics, publisher, readiness, http);
        } catch (RuntimeException e) {
            closeAll(created);
            throw e;
        }
    }

    private static HttpApi.Controllers controllers(IngestConfig config, PrometheusMetrics metrics,
            FeedbackPublisher publisher, Readiness readiness, ObjectMapper json, JsonResponses responses,
            FeedbackPages pages) {
        RateLimiter limits = RateLimiter.create(config.rateLimits(), metrics.registry());
        ClientAddresses clients = new ClientAddresses(config.trustedProxies());
        FeedbackIntake intake = new FeedbackIntake(FeedbackValidator.withAllowlist(config.subjectAllowlist()),
                DeduplicatingPublisher.create(publisher, config.dedupHorizon(), config.dedupMaxEntries()), limits,
                Clock.systemUTC(), metrics.registry());
        SmsInterpreter sms = new SmsInterpreter(config.smsRules(), config.subjectAllowlist(),
                new SenderPseudonyms(config.pseudonymSecret()));
        JsonRequestBody body = new JsonRequestBody(json, config.maxBodyBytes());
        BatchResults batchResults = new BatchResults(responses, config.retryAfterSeconds());
        return new HttpApi.Controllers(
                new FeedbackController(body, intake, limits, clients, responses),
                new KioskBatchController(config, new JsonRequestBody(json, config.maxBatchBodyBytes()), intake,
                        limits, clients, batchResults),
                new TwilioSmsController(config, sms, intake),
                new SmsGatewayController(config, body, sms, intake, responses, batchResults),
                new FeedbackPageController(pages, intake, limits, clients, config.maxBodyBytes()),
                new HealthController(readiness, responses),
                new MetricsController(metrics));
    }

    private static void warnAboutLocalMode(IngestConfig config) {
        if (config.usesLocalModePseudonymSecret()) {
            LOG.warn("**********************************************************************************");
            LOG.warn("LOCAL MODE: senders are pseudonymised with a PUBLIC development key ({} is unset).",
                    IngestConfig.PSEUDONYM_SECRET);
            LOG.warn("Anyone can reverse these pseudonyms. Never feed real phone numbers to this instance.");
            LOG.warn("**********************************************************************************");
        }
        LOG.info("SMS rules: {}; subjects: {}", config.smsRules(), config.subjectAllowlist());
    }

    /** Strict on input: trailing content and duplicate keys make a body malformed rather than ambiguous. */
    static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** Binds the HTTP port (0: one the OS chooses) and serves. */
    public synchronized IngestApp start() {
        if (closed || started) {
            throw new IllegalStateException(closed ? "the app has been closed" : "the app is already started");
        }
        http.start(config.httpPort());
        started = true;
        return this;
    }

    /** The port HTTP is served on; known once started. */
    public synchronized int port() {
        if (!started) {
            throw new IllegalStateException("the app has not been started");
        }
        return http.port();
    }

    /** Stops taking requests, then sends what the producer still holds and releases everything. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            http.stop();
        } catch (RuntimeException e) {
            LOG.warn("could not stop the HTTP server cleanly", e);
        }
        closeAll(List.of(publisher, readiness, metrics));
        LOG.info("feedback-ingest stopped");
    }

    private static <T extends AutoCloseable> T remember(List<AutoCloseable> created, T resource) {
        created.add(resource);
        return resource;
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("could not close {}", resource.getClass().getSimpleName(), e);
            }
        }
    }
}
