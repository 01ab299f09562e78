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
import org.instantfeedback.ingest.contacts.PassengerContacts;
import org.instantfeedback.ingest.config.PseudonymSettings;
import org.instantfeedback.ingest.feedback.FeedbackValidator;
import org.instantfeedback.ingest.health.KafkaCheck;
import org.instantfeedback.ingest.health.SchemaRegistryCheck;
import org.instantfeedback.ingest.http.BatchResults;
import org.instantfeedback.ingest.http.ClientAddresses;
import org.instantfeedback.ingest.http.FeedbackController;
import org.instantfeedback.ingest.http.FeedbackPageController;
import org.instantfeedback.ingest.http.FeedbackPages;
import org.instantfeedback.ingest.http.IngestHttpApi;
import org.instantfeedback.ingest.http.IngestProblems;
import org.instantfeedback.ingest.http.JsonRequestBody;
import org.instantfeedback.ingest.http.JsonResponses;
import org.instantfeedback.ingest.http.KioskBatchController;
import org.instantfeedback.ingest.http.SmsGatewayController;
import org.instantfeedback.ingest.http.TwilioSmsController;
import org.instantfeedback.ingest.http.TwilioStatusController;
import org.instantfeedback.ingest.http.TwilioVoiceController;
import org.instantfeedback.ingest.intake.FeedbackIntake;
import org.instantfeedback.ingest.kafka.DeduplicatingPublisher;
import org.instantfeedback.ingest.kafka.ConversationActionPublisher;
import org.instantfeedback.ingest.kafka.FeedbackPublisher;
import org.instantfeedback.ingest.kafka.ReplyStatusPublisher;
import org.instantfeedback.ingest.privacy.SenderPseudonyms;
import org.instantfeedback.ingest.ratelimit.RateLimiter;
import org.instantfeedback.ingest.sms.ContactRequests;
import org.instantfeedback.ingest.sms.SmsInterpreter;
import org.instantfeedback.ingest.voice.CallInterpreter;
import org.instantfeedback.service.health.Readiness;
import org.instantfeedback.service.telemetry.ServiceTelemetry;
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
    private static final String APPLICATION = "feedback-ingest";
    /** How much longer than a publish may take a request in flight is given to finish on close. */
    private static final Duration GRACE_AFTER_PUBLISH_TIMEOUT = Duration.ofSeconds(1);

    private final IngestConfig config;
    private final ServiceTelemetry telemetry;
    /** The producers, closed after HTTP has stopped so that what they hold is still sent. */
    private final List<AutoCloseable> producers;
    private final Readiness readiness;
    private final Javalin http;
    private final PassengerContacts contacts;
    private boolean started;
    private boolean closed;

    private IngestApp(IngestConfig config, ServiceTelemetry telemetry, List<AutoCloseable> producers,
            Readiness readiness, Javalin http, PassengerContacts contacts) {
        this.config = config;
        this.telemetry = telemetry;
        this.producers = List.copyOf(producers);
        this.readiness = readiness;
        this.http = http;
        this.contacts = contacts;
    }

    /** Builds the service; connects to nothing yet and binds no port. */
    public static IngestApp create(IngestConfig config) {
        warnAboutLocalMode(config);
        List<AutoCloseable> created = new ArrayList<>();
        try {
            ServiceTelemetry telemetry = remember(created, ServiceTelemetry.create(APPLICATION));
            Publishers publishers = new Publishers(
                    remember(created, FeedbackPublisher.create(config.publishing(), telemetry.registry())),
                    remember(created, ConversationActionPublisher.create(config.publishing(), telemetry.registry())),
                    remember(created, ReplyStatusPublisher.create(config.publishing(), telemetry.registry())));
            KafkaCheck kafka = remember(created, KafkaCheck.create(config.publishing().kafka()));
            SchemaRegistryCheck registry = remember(created,
                    SchemaRegistryCheck.create(config.publishing().schemaRegistry(), Readiness.PROBE_TIMEOUT));
            Readiness readiness = new Readiness(List.of(kafka, registry));
            ObjectMapper json = objectMapper();
            JsonResponses responses = new JsonResponses(json);
            FeedbackPages pages = FeedbackPages.load();
            PassengerContacts contacts = remember(created, PassengerContacts.create(config.contacts(),
                    config.contactRequests().followUpAnswerWithin(), Clock.systemUTC()));
            Javalin http = IngestHttpApi.create(controllers(config, telemetry, publishers, json, responses, pages,
                            contacts),
                    IngestProblems.mapper(json, config.publishing().retryAfterSeconds(), pages), readiness, telemetry,
                    config.publishing().publishTimeout().plus(GRACE_AFTER_PUBLISH_TIMEOUT));
            return new IngestApp(config, telemetry, List.of(publishers.feedback(), publishers.actions(),
                    publishers.statuses()), readiness, http, contacts);
        } catch (RuntimeException e) {
            closeAll(created);
            throw e;
        }
    }

    /** Every producer of the service: feedback, passengers' requests, and the provider's delivery reports. */
    private record Publishers(FeedbackPublisher feedback, ConversationActionPublisher actions,
            ReplyStatusPublisher statuses) {
    }

    private static IngestHttpApi.Controllers controllers(IngestConfig config, ServiceTelemetry telemetry,
            Publishers publishers, ObjectMapper json, JsonResponses responses, FeedbackPages pages,
            PassengerContacts contacts) {
        RateLimiter limits = RateLimiter.create(config.rateLimits(), telemetry.registry());
        ClientAddresses clients = new ClientAddresses(config.http().trustedProxies());
        FeedbackIntake intake = new FeedbackIntake(FeedbackValidator.withAllowlist(config.subjects().allowlist()),
                DeduplicatingPublisher.create(publishers.feedback(), config.dedup().horizon(),
                        config.dedup().maxEntries()), limits, Clock.systemUTC(), telemetry.registry());
        SenderPseudonyms pseudonyms = new SenderPseudonyms(config.pseudonyms().secret());
        SmsInterpreter sms = new SmsInterpreter(config.subjects().smsRules(), config.subjects().allowlist(),
                pseudonyms, contacts.replyAddresses(), contacts.followUps());
        ContactRequests requests = new ContactRequests(config.contactRequests(), pseudonyms,
                publishers.actions()::publish, contacts::forget,
                Clock.systemUTC());
        CallInterpreter calls = new CallInterpreter(config.subjects().smsRules(), config.subjects().allowlist(),
                pseudonyms);
        int maxBodyBytes = config.http().maxBodyBytes();
        JsonRequestBody body = new JsonRequestBody(json, maxBodyBytes);
        BatchResults batchResults = new BatchResults(responses, config.publishing().retryAfterSeconds());
        return new IngestHttpApi.Controllers(
                new FeedbackController(body, intake, limits, clients, responses),
                new KioskBatchController(config.kiosks(), new JsonRequestBody(json, config.kiosks().maxBodyBytes()),
                        intake, limits, clients, batchResults),
                new TwilioSmsController(config.twilio(), maxBodyBytes, sms, intake, requests),
                new TwilioStatusController(config.twilio(), maxBodyBytes, publishers.statuses(), Clock.systemUTC()),
                new TwilioVoiceController(config.twilio(), config.voice(), maxBodyBytes, calls, intake),
                new SmsGatewayController(config.smsGateways(), maxBodyBytes, body, sms, intake, responses,
                        batchResults, requests),
                new FeedbackPageController(pages, intake, limits, clients, maxBodyBytes));
    }

    private static void warnAboutLocalMode(IngestConfig config) {
        if (config.pseudonyms().usesLocalModeSecret()) {
            LOG.warn("**********************************************************************************");
            LOG.warn("LOCAL MODE: senders are pseudonymised with a PUBLIC development key ({} is unset).",
                    PseudonymSettings.PSEUDONYM_SECRET);
            LOG.warn("Anyone can reverse these pseudonyms. Never feed real phone numbers to this instance.");
            LOG.warn("**********************************************************************************");
        }
        LOG.info("SMS rules: {}; subjects: {}", config.subjects().smsRules(), config.subjects().allowlist());
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
        contacts.start();
        http.start(config.http().port());
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
        List<AutoCloseable> resources = new ArrayList<>(producers);
        resources.addAll(List.of(readiness, telemetry, contacts));
        closeAll(resources);
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
