package org.instantfeedback.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.instantfeedback.config.Topics;
import org.instantfeedback.contacts.ContactSettings;
import org.instantfeedback.embedded.EmbeddedKafkaAndRegistry;
import org.instantfeedback.embedded.twilio.TwilioApiStandIn;
import org.instantfeedback.ingest.IngestApp;
import org.instantfeedback.ingest.config.HttpSettings;
import org.instantfeedback.ingest.config.IngestConfig;
import org.instantfeedback.ingest.config.PseudonymSettings;
import org.instantfeedback.ingest.config.RateLimitSettings;
import org.instantfeedback.ingest.config.SmsGatewaySettings;
import org.instantfeedback.local.simulator.OpsDecisions;
import org.instantfeedback.local.simulator.PassengerReplies;
import org.instantfeedback.local.simulator.PassengerTraffic;
import org.instantfeedback.local.simulator.PassengerTrafficSimulator;
import org.instantfeedback.local.simulator.PassengersWritingBack;
import org.instantfeedback.local.simulator.RouteProfile;
import org.instantfeedback.local.simulator.SimulatedOps;
import org.instantfeedback.local.simulator.TwilioInboundSms;
import org.instantfeedback.notifier.NotifierApp;
import org.instantfeedback.notifier.config.NotifierConfig;
import org.instantfeedback.replies.ReplySenderApp;
import org.instantfeedback.replies.config.ReplySenderConfig;
import org.instantfeedback.streams.StreamsApp;
import org.instantfeedback.streams.alerting.AlertingOptions;
import org.instantfeedback.streams.alerting.BaselineVariables;
import org.instantfeedback.streams.config.StreamsAppConfig;
import org.instantfeedback.streams.conversations.ConversationSettings;
import org.instantfeedback.streams.http.ApiSettings;
import org.instantfeedback.streams.textmodel.TextModelSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole pipeline on this machine: a real KRaft broker and a real schema registry (no
 * Docker), the topics, a stand-in of Twilio's API ({@link LocalTwilio}), feedback-ingest,
 * feedback-streams and the reply sender, and optionally a passenger-traffic simulator with simulated
 * ops answering the passengers. Runs until Ctrl-C, then shuts everything down in reverse order.
 *
 * <p>Run it with {@code ./run-local --simulate} from the repository root.
 */
public final class LocalRun implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalRun.class);
    static final Map<String, Integer> TOPICS = Map.ofEntries(
            Map.entry(Topics.FEEDBACK_RECEIVED, 3),
            // Keyed like feedback.received.v1, with as many partitions.
            Map.entry(Topics.FEEDBACK_SCORED, 3),
            Map.entry(Topics.CSAT, 3),
            Map.entry(Topics.CSAT_V2, 3),
            Map.entry(Topics.METRICS, 3),
            Map.entry(Topics.METRICS_LATEST, 3),
            Map.entry(Topics.ALERTS, 3),
            Map.entry(Topics.ALERT_ACTIONS, 3),
            Map.entry(Topics.ALERT_HANDLING, 3),
            // Rules are checked against each other in order, so they live on one partition.
            Map.entry(Topics.ALERT_RULES, 1),
            Map.entry(Topics.ALERT_RULES_ACCEPTED, 1),
            // Compacted (Topics.COMPACTED); every process reads all of it, whatever the partitions.
            Map.entry(Topics.CONTACT_KEYS, 3),
            // Conversations are repartitioned by contact inside feedback-streams, handling figures by
            // scope: these topics may have any number of partitions.
            Map.entry(Topics.CONVERSATIONS, 3),
            Map.entry(Topics.CONVERSATION_ACTIONS, 3),
            Map.entry(Topics.REPLIES, 3),
            Map.entry(Topics.REPLY_STATUS, 3),
            Map.entry(Topics.HANDLING, 3),
            Map.entry(Topics.DEAD_LETTER, 1));

    /**
     * Alerting compressed for a demo that lasts minutes, not days. Baselines learn from 15-second
     * (complaints) and one-minute (CSAT) periods and are warm after five minutes; the simulator
     * first replays {@link PassengerTrafficSimulator#HISTORY} of an ordinary day, so they know what
     * is usual when the bad days begin. With an hour's memory (240 and 60 periods) a few minutes of
     * bad day barely move them. Production keeps the documented defaults; each setting here applies
     * only when the operator did not set it.
     */
    public static final Map<String, String> DEMO_BASELINES = Map.of(
            BaselineVariables.ALERT_BASELINE_COMPLAINT_PERIOD, "PT15S",
            BaselineVariables.ALERT_BASELINE_COMPLAINT_SPAN, "240",
            BaselineVariables.ALERT_BASELINE_COMPLAINT_WARM_UP, "20",
            BaselineVariables.ALERT_BASELINE_CSAT_PERIOD, "PT1M",
            BaselineVariables.ALERT_BASELINE_CSAT_SPAN, "60",
            BaselineVariables.ALERT_BASELINE_CSAT_WARM_UP, "5");
    /**
     * Shorter windows, so a bad day shows within minutes: negative surge and CSAT drop on five
     * minutes (shorter ones make ordinary routes' figures noisy enough to alert; for the same reason
     * a CSAT drop needs 30 ratings rather than 10), complaint spikes on two (against the usual
     * complaints of two minutes). Set together, since the rules name windows that must be
     * computed, and only when the operator set neither.
     */
    public static final Map<String, String> DEMO_WINDOWS = Map.of(
            AlertingOptions.ALERT_WINDOWS, "PT2M,PT5M,PT15M,PT1H,PT24H",
            AlertingOptions.ALERT_DEFAULT_RULES_JSON, "{\"negative-surge\": {\"window\": \"PT5M\"},"
                    + " \"csat-drop\": {\"window\": \"PT5M\", \"minRatings\": 30},"
                    + " \"volume-spike\": {\"window\": \"PT2M\"}}");

    /**
     * The text model learns within minutes instead of hours: a round once 100 rated texts are in
     * (about a minute of the simulator at its default rate), then at most one a minute.
     */
    private static final Map<String, String> DEMO_TEXT_MODEL = Map.of(
            TextModelSettings.TEXT_MODEL_MIN_EXAMPLES, "100",
            TextModelSettings.TEXT_MODEL_RETRAIN_AFTER, "100",
            TextModelSettings.TEXT_MODEL_RETRAIN_GAP, "PT1M",
            TextModelSettings.TEXT_MODEL_RETRAIN_EVERY, "PT5M");

    /**
     * A passenger waiting two minutes for an answer is overdue, not fifteen: the demo shows overdue
     * conversations (and the unanswered alert) within minutes. Only when the operator did not set it.
     */
    static final Map<String, String> DEMO_CONVERSATIONS = Map.of(ConversationSettings.ANSWER_WITHIN.name(), "PT2M");

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    /** The key the simulator's SMS gateway uses, unless the operator configured keys of their own. */
    private static final String LOCAL_SMS_API_KEY = "local-simulator-key";

    private final LocalRunOptions options;
    private EmbeddedKafkaAndRegistry kafka;
    private LocalTwilio twilio;
    private String smsApiKey;
    private String followUpQuestion;
    private boolean contactKekMadeUp;
    private IngestApp ingest;
    private final List<StreamsApp> streams = new ArrayList<>();
    private ReplySenderApp replySender;
    private NotifierApp notifier;

    private LocalRun(LocalRunOptions options) {
        this.options = options;
    }

    /**
     * Starts every part. The services read the same variables as in production ({@code env}), with
     * the broker and registry addresses pointed at the embedded ones.
     */
    public static LocalRun start(LocalRunOptions options, Map<String, String> env) {
        LocalRun run = new LocalRun(options);
        try {
            run.startAll(options, env);
            return run;
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
    }

    private void startAll(LocalRunOptions options, Map<String, String> env) {
        LOG.info("starting the Kafka broker on port {} and the schema registry on port {}",
                options.kafkaPort(), options.registryPort());
        kafka = remember(EmbeddedKafkaAndRegistry.start(options.kafkaPort(), options.registryPort()));
        kafka.createTopics(TOPICS, Topics.COMPACTED, Topics.ERASABLE.stream()
                .collect(Collectors.toMap(topic -> topic, topic -> Topics.ERASURE_BOUND)));

        Map<String, String> services = new HashMap<>(env);
        services.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        services.put("SCHEMA_REGISTRY_URL", kafka.schemaRegistryUrl());
        services.put(HttpSettings.HTTP_PORT.name(), Integer.toString(options.ingestPort()));
        // No real phone numbers pass through a local run: a fixed development pseudonym key will do,
        // and the simulator sends from one address far faster than a passenger would.
        services.putIfAbsent(PseudonymSettings.LOCAL_MODE.name(), "true");
        services.putIfAbsent(RateLimitSettings.RATE_LIMIT_ENABLED.name(), "false");
        if (!SmsGatewaySettings.SMS_API_KEYS.isSetIn(services)) {
            services.put(SmsGatewaySettings.SMS_API_KEYS.name(), LOCAL_SMS_API_KEY);
        }
        smsApiKey = SmsGatewaySettings.SMS_API_KEYS.from(services).get(0);
        // Passengers' numbers are sealed so that ops can answer them. A key made for this run does:
        // the embedded broker, with every sealed number, is gone when the run ends.
        if (!ContactSettings.CONTACT_KEK.isSetIn(services)) {
            services.put(ContactSettings.CONTACT_KEK.name(), randomKey());
            contactKekMadeUp = true;
        }
        twilio = remember(LocalTwilio.start(services));
        twilio.configureIngest(services);
        followUpQuestion = ConversationSettings.FOLLOW_UP.from(services);

        // The local run serves one person on their own machine: no credentials for the query API.
        services.putIfAbsent(ApiSettings.STREAMS_API_AUTH, "none");
        Path stateDir = freshStateDir(options.stateDir());
        DEMO_BASELINES.forEach(services::putIfAbsent);
        DEMO_TEXT_MODEL.forEach(services::putIfAbsent);
        DEMO_CONVERSATIONS.forEach(services::putIfAbsent);
        if (DEMO_WINDOWS.keySet().stream().noneMatch(services::containsKey)) {
            services.putAll(DEMO_WINDOWS);
        }

        LOG.info("starting feedback-ingest");
        ingest = remember(IngestApp.create(IngestConfig.from(services)).start());
        for (int instance = 1; instance <= options.streamsInstances(); instance++) {
            startStreams(services, options, stateDir, instance);
        }
        LOG.info("starting the reply sender");
        replySender = remember(ReplySenderApp.create(ReplySenderConfig.from(
                twilio.senderEnvironment(services, ingestUri(), options.replySenderPort()))));
        replySender.start();
        if (services.containsKey(NotifierConfig.NOTIFIER_ROUTES_FILE.name())) {
            startNotifier(services);
        }
    }

    /**
     * One instance of feedback-streams; several share the work (one application id) as in
     * production, each on its own port (the next after the previous one's) and state folder.
     */
    private void startStreams(Map<String, String> services, LocalRunOptions options, Path stateDir, int instance) {
        Map<String, String> env = new HashMap<>(services);
        int port = options.streamsPort() == 0 ? 0 : options.streamsPort() + instance - 1;
        env.put(StreamsAppConfig.STREAMS_HTTP_PORT, Integer.toString(port));
        boolean several = options.streamsInstances() > 1;
        env.put(StreamsAppConfig.KAFKA_STATE_DIR, (several ? stateDir.resolve("instance-" + instance) : stateDir)
                .toString());
        if (several) {
            // the instances forward queries to each other; the HTTP port is added to the URL
            env.putIfAbsent(ApiSettings.STREAMS_ADVERTISED_URL, "http://localhost");
        }
        LOG.info("starting feedback-streams{}", several ? " instance " + instance + " of "
                + options.streamsInstances() : "");
        StreamsApp app = remember(StreamsApp.create(StreamsAppConfig.from(env)));
        app.start();
        streams.add(app);
    }

    /**
     * The notifier runs only when told where alerts go. The embedded broker starts empty, so it
     * reads alerts from the beginning: none are old, and none raised while it joins are missed.
     */
    private void startNotifier(Map<String, String> services) {
        Map<String, String> notifierEnv = new HashMap<>(services);
        notifierEnv.putIfAbsent("KAFKA_AUTO_OFFSET_RESET", "earliest");
        LOG.info("starting alert-notifier with the routes in {}",
                services.get(NotifierConfig.NOTIFIER_ROUTES_FILE.name()));
        notifier = remember(NotifierApp.create(NotifierConfig.from(notifierEnv)));
        notifier.start();
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * The embedded broker starts empty every time, so state left by an earlier run describes topics
     * that no longer exist; Kafka Streams would have to detect that and throw it away. Start clean.
     */
    private static Path freshStateDir(Path stateDir) {
        Path dir = stateDir.toAbsolutePath();
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the state directory " + dir, e);
        }
    }

    private <T extends AutoCloseable> T remember(T part) {
        started.push(part);
        return part;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return kafka.schemaRegistryUrl();
    }

    /** The key ingest accepts on {@code POST /v1/sms}, for a simulator of one's own. */
    public String smsApiKey() {
        return smsApiKey;
    }

    public URI ingestUri() {
        return URI.create("http://localhost:" + ingest.port());
    }

    /** The first instance of feedback-streams; every instance answers for every subject. */
    public URI streamsUri() {
        return streamsUris().get(0);
    }

    public List<URI> streamsUris() {
        return streams.stream().map(app -> URI.create("http://localhost:" + app.port())).toList();
    }

    /** Health and metrics of the reply sender. */
    public URI replySenderUri() {
        return URI.create("http://localhost:" + replySender.port());
    }

    /** The stand-in of Twilio's API, unless the operator's own provider sends the answers. */
    public Optional<TwilioApiStandIn> twilioStandIn() {
        return twilio.standIn();
    }

    LocalTwilio twilio() {
        return twilio;
    }

    /** Whether {@code CONTACT_KEK} was made up for this run, rather than set by the operator. */
    boolean contactKekMadeUp() {
        return contactKekMadeUp;
    }

    /** Health and metrics of the alert notifier, when {@code NOTIFIER_ROUTES_FILE} started one. */
    public Optional<URI> notifierUri() {
        return Optional.ofNullable(notifier).map(app -> URI.create("http://localhost:" + app.port()));
    }

    /**
     * Starts the simulator, the CSAT and handling boards, and, with the stand-in, passengers writing
     * back and the simulated ops; all stop when the run closes. With the operator's own provider the
     * simulated ops stay quiet: the simulated passengers' numbers are made up, and answers to them
     * would go out through the operator's account.
     */
    PassengerTrafficSimulator simulate() {
        long seed = System.nanoTime();
        TwilioInboundSms texts = new TwilioInboundSms(ingestUri(), twilio.accountSid(), twilio.authToken());
        PassengerTrafficSimulator simulator = remember(new PassengerTrafficSimulator(ingestUri(), smsApiKey, texts,
                new PassengerTraffic(RouteProfile.demoRoutes(), seed), options.feedbackPerSecond()));
        simulator.start();
        twilio.standIn().ifPresent(standIn -> {
            remember(new PassengersWritingBack(standIn::messages, texts, new PassengerReplies(followUpQuestion, seed)))
                    .start();
            remember(new SimulatedOps(streamsUri(), new OpsDecisions(options.ops(), seed))).start();
        });
        QueryApiFigures queryApi = new QueryApiFigures(streamsUri());
        remember(new PrintedBoard("csat-board", new CsatBoard(queryApi,
                RouteProfile.demoRoutes().stream().map(RouteProfile::subject).toList()))).start(Duration.ofSeconds(15));
        remember(new PrintedBoard("handling-board", new HandlingBoard(queryApi))).start(Duration.ofSeconds(30));
        return simulator;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("could not stop {} cleanly: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.println(LocalRunOptions.USAGE);
            return;
        }
        LocalRunOptions options;
        try {
            options = LocalRunOptions.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("local-run: " + e.getMessage());
            System.err.println(LocalRunOptions.USAGE);
            System.exit(2);
            return;
        }
        LocalRun run = LocalRun.start(options, System.getenv());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping the local run ...");
            run.close();
            stopped.countDown();
        }, "local-run-shutdown"));
        System.out.println(Banner.of(run, options));
        if (options.simulate()) {
            run.simulate();
        }
        stopped.await();
    }
}
