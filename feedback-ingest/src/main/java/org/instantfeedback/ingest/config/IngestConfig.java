package org.instantfeedback.ingest.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.ConfigException;
import org.instantfeedback.config.ClientSettings;
import org.instantfeedback.config.ConfigVariable;
import org.instantfeedback.ingest.feedback.FeedbackValidator;
import org.instantfeedback.ingest.feedback.SubjectAllowlist;
import org.instantfeedback.ingest.http.TrustedProxies;
import org.instantfeedback.ingest.sms.InvalidSmsRulesException;
import org.instantfeedback.ingest.sms.SmsRules;
import org.instantfeedback.ingest.sms.SmsRulesFile;
import org.instantfeedback.registry.SchemaRegistrySettings;

/**
 * Everything feedback-ingest reads from its environment, checked once at start-up so a bad value
 * stops the service with a message naming the variable (or, for the SMS rules file, the line)
 * instead of failing on the first request. Blank values count as unset.
 *
 * @param httpPort          port of the HTTP API; 0 lets the OS choose one
 * @param publishTimeout    longest a request waits for Kafka to acknowledge its event
 * @param retryAfterSeconds what 503 answers tell clients in {@code Retry-After}
 * @param maxBodyBytes      largest request body accepted
 * @param kafka             Kafka client properties from every {@code KAFKA_*} variable
 * @param schemaRegistry    serde properties from every {@code SCHEMA_REGISTRY_*} variable
 * @param localMode         development mode: a fixed pseudonym secret may stand in for a real one
 * @param pseudonymSecret   key of the senders' HMAC-SHA256 pseudonyms
 * @param publicBaseUrl     the service's URL as the outside world calls it, for Twilio signatures
 * @param twilioAuthToken   Twilio auth token; without it the Twilio endpoint is disabled
 * @param twilioReply       the SMS reply to passengers; empty for none
 * @param smsApiKeys        API keys of SMS gateways
 * @param smsHmacSecret     key of SMS gateways' body signatures
 * @param kioskApiKeys      API keys of kiosks; without any the batch endpoint is disabled
 * @param smsRules          how SMS are understood (subjects, ratings)
 * @param subjectAllowlist  subjects feedback may be about ({@link SubjectAllowlist#ANY}: every valid one)
 * @param rateLimits        per-client and per-sender request limits
 * @param trustedProxies    proxies whose {@code X-Forwarded-For} is believed
 * @param dedupHorizon      how long this instance remembers stored event ids
 * @param dedupMaxEntries   most event ids remembered
 * @param maxBatchItems     most items in one kiosk batch
 * @param maxBatchBodyBytes largest kiosk batch body
 */
public record IngestConfig(
        int httpPort,
        Duration publishTimeout,
        int retryAfterSeconds,
        int maxBodyBytes,
        Map<String, Object> kafka,
        Map<String, Object> schemaRegistry,
        boolean localMode,
        Secret pseudonymSecret,
        Optional<URI> publicBaseUrl,
        Optional<Secret> twilioAuthToken,
        String twilioReply,
        List<Secret> smsApiKeys,
        Optional<Secret> smsHmacSecret,
        List<Secret> kioskApiKeys,
        SmsRules smsRules,
        SubjectAllowlist subjectAllowlist,
        RateLimitSettings rateLimits,
        TrustedProxies trustedProxies,
        Duration dedupHorizon,
        int dedupMaxEntries,
        int maxBatchItems,
        int maxBatchBodyBytes) {

    public static final String HTTP_PORT = "INGEST_HTTP_PORT";
    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String SCHEMA_REGISTRY_URL = "SCHEMA_REGISTRY_URL";
    public static final String PUBLISH_TIMEOUT_MS = "INGEST_PUBLISH_TIMEOUT_MS";
    public static final String RETRY_AFTER_SECONDS = "INGEST_RETRY_AFTER_SECONDS";
    public static final String MAX_BODY_BYTES = "INGEST_MAX_BODY_BYTES";
    public static final String KAFKA_ACKS = "KAFKA_ACKS";
    public static final String KAFKA_ENABLE_IDEMPOTENCE = "KAFKA_ENABLE_IDEMPOTENCE";
    public static final String LOCAL_MODE = "INGEST_LOCAL_MODE";
    public static final String PSEUDONYM_SECRET = "INGEST_PSEUDONYM_SECRET";
    public static final String PUBLIC_BASE_URL = "INGEST_PUBLIC_BASE_URL";
    public static final String TWILIO_AUTH_TOKEN = "INGEST_TWILIO_AUTH_TOKEN";
    public static final String TWILIO_REPLY = "INGEST_TWILIO_REPLY";
    public static final String SMS_API_KEYS = "INGEST_SMS_API_KEYS";
    public static final String SMS_HMAC_SECRET = "INGEST_SMS_HMAC_SECRET";
    public static final String KIOSK_API_KEYS = "INGEST_KIOSK_API_KEYS";
    public static final String SMS_RULES_FILE = "INGEST_SMS_RULES_FILE";
    public static final String SUBJECT_ALLOWLIST = "INGEST_SUBJECT_ALLOWLIST";
    public static final String RATE_LIMIT_ENABLED = "INGEST_RATE_LIMIT_ENABLED";
    public static final String RATE_LIMIT_CLIENT_PER_MINUTE = "INGEST_RATE_LIMIT_CLIENT_PER_MINUTE";
    public static final String RATE_LIMIT_CLIENT_BURST = "INGEST_RATE_LIMIT_CLIENT_BURST";
    public static final String RATE_LIMIT_SENDER_PER_MINUTE = "INGEST_RATE_LIMIT_SENDER_PER_MINUTE";
    public static final String RATE_LIMIT_SENDER_BURST = "INGEST_RATE_LIMIT_SENDER_BURST";
    public static final String RATE_LIMIT_MAX_TRACKED = "INGEST_RATE_LIMIT_MAX_TRACKED";
    public static final String TRUSTED_PROXIES = "INGEST_TRUSTED_PROXIES";
    public static final String DEDUP_HORIZON_SECONDS = "INGEST_DEDUP_HORIZON_SECONDS";
    public static final String DEDUP_MAX_ENTRIES = "INGEST_DEDUP_MAX_ENTRIES";
    public static final String BATCH_MAX_ITEMS = "INGEST_BATCH_MAX_ITEMS";
    public static final String BATCH_MAX_BODY_BYTES = "INGEST_BATCH_MAX_BODY_BYTES";

    /** Shortest pseudonym secret accepted: the key length of HMAC-SHA256's output. */
    public static final int PSEUDONYM_SECRET_MIN_LENGTH = 32;
    static final String DEFAULT_TWILIO_REPLY = "Thank you for your feedback!";
    /** Says "no reply" in {@value #TWILIO_REPLY}, since blank values count as unset. */
    static final String NO_REPLY = "none";
    /**
     * The pseudonym secret of local mode. Public (it is in the source), so pseudonyms made with it
     * protect nobody: local mode must never see real phone numbers.
     */
    static final String LOCAL_MODE_PSEUDONYM_SECRET = "local-mode-only:not-secret:instant-feedback-pseudonyms";

    public static final List<ConfigVariable> VARIABLES = List.of(
            new ConfigVariable(HTTP_PORT, "8080", "Port of the HTTP API (0 lets the OS choose)."),
            new ConfigVariable(KAFKA_BOOTSTRAP_SERVERS, "localhost:9092",
                    "Kafka brokers to connect to. Every other KAFKA_* variable is passed to the Kafka clients"
                            + " as a property (KAFKA_SASL_JAAS_CONFIG -> sasl.jaas.config)."),
            new ConfigVariable(SCHEMA_REGISTRY_URL, "http://localhost:8081",
                    "Confluent-compatible schema registry (comma-separated URLs). Every other SCHEMA_REGISTRY_*"
                            + " variable is passed to the Avro serde (SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO ->"
                            + " schema.registry.basic.auth.user.info)."),
            new ConfigVariable(PUBLISH_TIMEOUT_MS, "5000",
                    "Longest a request waits for Kafka to acknowledge its event before answering 503 (100-600000)."),
            new ConfigVariable(RETRY_AFTER_SECONDS, "5",
                    "Seconds sent in the Retry-After header of 503 answers (1-3600)."),
            new ConfigVariable(MAX_BODY_BYTES, "16384",
                    "Largest request body accepted, in bytes; larger bodies get 413 (1024-1048576)."),
            new ConfigVariable(KAFKA_ACKS, "all",
                    "Only 'all' (or -1) is accepted: feedback is acknowledged only once all in-sync replicas have it."),
            new ConfigVariable(KAFKA_ENABLE_IDEMPOTENCE, "true",
                    "Only 'true' is accepted: retries must not duplicate feedback."),
            new ConfigVariable(PSEUDONYM_SECRET, null,
                    "Key (at least " + PSEUDONYM_SECRET_MIN_LENGTH + " characters) of the HMAC-SHA256 pseudonyms"
                            + " that replace senders' phone numbers. Required unless " + LOCAL_MODE + "=true."
                            + " Changing it changes every sender's pseudonym."),
            new ConfigVariable(LOCAL_MODE, "false",
                    "true for development only: without " + PSEUDONYM_SECRET + ", use a fixed, public"
                            + " pseudonym key (logged as a warning). Never with real phone numbers."),
            new ConfigVariable(PUBLIC_BASE_URL, "",
                    "The service's public base URL (https://feedback.example.com, with a path prefix if any),"
                            + " used to check Twilio signatures behind a proxy or load balancer. Unset: the URL"
                            + " of the request as received."),
            new ConfigVariable(TWILIO_AUTH_TOKEN, "",
                    "Auth token of the Twilio account; enables POST /v1/sms/twilio (unset: 404"
                            + " channel-not-configured)."),
            new ConfigVariable(TWILIO_REPLY, DEFAULT_TWILIO_REPLY,
                    "SMS reply sent to passengers through TwiML; '" + NO_REPLY + "' sends no reply."),
            new ConfigVariable(SMS_API_KEYS, "",
                    "Comma-separated API keys for POST /v1/sms (header X-Api-Key, Bearer token or Basic"
                            + " password)."),
            new ConfigVariable(SMS_HMAC_SECRET, "",
                    "Key of HMAC-SHA256 body signatures for POST /v1/sms (header X-Signature: sha256=<hex>)."
                            + " Without it and without " + SMS_API_KEYS + " the endpoint is disabled."),
            new ConfigVariable(KIOSK_API_KEYS, "",
                    "Comma-separated API keys for POST /v1/feedback/batch (unset: endpoint disabled)."),
            new ConfigVariable(SMS_RULES_FILE, "",
                    "SMS rules file (subject patterns, aliases, inbound numbers, allow-list, survey scale)."
                            + " Unset: the built-in rules (route/bus/line/#NN/XNN patterns)."),
            new ConfigVariable(SUBJECT_ALLOWLIST, "",
                    "Comma-separated subjects feedback may be about; a trailing * matches a prefix (route-*)."
                            + " Unset (and no allow lines in the rules file): every valid subject."),
            new ConfigVariable(RATE_LIMIT_ENABLED, "true", "false turns every rate limit off."),
            new ConfigVariable(RATE_LIMIT_CLIENT_PER_MINUTE, "60",
                    "Requests per minute one client address may make, after its burst (1-1000000)."),
            new ConfigVariable(RATE_LIMIT_CLIENT_BURST, "30",
                    "Requests one client address may make at once (1-1000000)."),
            new ConfigVariable(RATE_LIMIT_SENDER_PER_MINUTE, "2",
                    "SMS per minute one sender may send, after their burst (1-1000000)."),
            new ConfigVariable(RATE_LIMIT_SENDER_BURST, "5", "SMS one sender may send at once (1-1000000)."),
            new ConfigVariable(RATE_LIMIT_MAX_TRACKED, "100000",
                    "Most client addresses and senders tracked per limit; idle ones are forgotten first"
                            + " (1000-10000000)."),
            new ConfigVariable(TRUSTED_PROXIES, "",
                    "Comma-separated addresses or networks (10.0.0.0/8) of proxies whose X-Forwarded-For"
                            + " is believed for per-client limits. Unset: the peer address is the client."),
            new ConfigVariable(DEDUP_HORIZON_SECONDS, "600",
                    "How long this instance remembers stored event ids, answering retries without storing"
                            + " again (1-86400)."),
            new ConfigVariable(DEDUP_MAX_ENTRIES, "100000", "Most event ids remembered (1000-10000000)."),
            new ConfigVariable(BATCH_MAX_ITEMS, "500", "Most items in one kiosk batch (1-10000)."),
            new ConfigVariable(BATCH_MAX_BODY_BYTES, "262144",
                    "Largest kiosk batch body, in bytes; larger ones get 413 (1024-16777216)."));

    static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://localhost:8081";

    public IngestConfig {
        Objects.requireNonNull(publishTimeout, "publishTimeout");
        Objects.requireNonNull(pseudonymSecret, "pseudonymSecret");
        kafka = Map.copyOf(kafka);
        schemaRegistry = Map.copyOf(schemaRegistry);
        smsApiKeys = List.copyOf(smsApiKeys);
        kioskApiKeys = List.copyOf(kioskApiKeys);
    }

    /** Reads and checks the configuration; throws {@link IllegalArgumentException} naming the bad variable. */
    public static IngestConfig from(Map<String, String> env) {
        Map<String, String> given = withoutBlanks(env);
        requireOneOf(given, KAFKA_ACKS, List.of("all", "-1"));
        requireOneOf(given, KAFKA_ENABLE_IDEMPOTENCE, List.of("true"));
        boolean localMode = bool(given, LOCAL_MODE, false);
        SmsRules smsRules = smsRules(given);
        return new IngestConfig(
                integer(given, HTTP_PORT, 8080, 0, 65_535),
                Duration.ofMillis(integer(given, PUBLISH_TIMEOUT_MS, 5_000, 100, 600_000)),
                integer(given, RETRY_AFTER_SECONDS, 5, 1, 3_600),
                integer(given, MAX_BODY_BYTES, 16_384, 1_024, 1_048_576),
                kafkaSettings(given),
                schemaRegistrySettings(given),
                localMode,
                pseudonymSecret(given, localMode),
                publicBaseUrl(given),
                Optional.ofNullable(given.get(TWILIO_AUTH_TOKEN)).map(Secret::of),
                twilioReply(given),
                secrets(given, SMS_API_KEYS),
                Optional.ofNullable(given.get(SMS_HMAC_SECRET)).map(Secret::of),
                secrets(given, KIOSK_API_KEYS),
                smsRules,
                subjectAllowlist(given, smsRules),
                new RateLimitSettings(
                        bool(given, RATE_LIMIT_ENABLED, true),
                        integer(given, RATE_LIMIT_CLIENT_PER_MINUTE, 60, 1, 1_000_000),
                        integer(given, RATE_LIMIT_CLIENT_BURST, 30, 1, 1_000_000),
                        integer(given, RATE_LIMIT_SENDER_PER_MINUTE, 2, 1, 1_000_000),
                        integer(given, RATE_LIMIT_SENDER_BURST, 5, 1, 1_000_000),
                        integer(given, RATE_LIMIT_MAX_TRACKED, 100_000, 1_000, 10_000_000)),
                trustedProxies(given),
                Duration.ofSeconds(integer(given, DEDUP_HORIZON_SECONDS, 600, 1, 86_400)),
                integer(given, DEDUP_MAX_ENTRIES, 100_000, 1_000, 10_000_000),
                integer(given, BATCH_MAX_ITEMS, 500, 1, 10_000),
                integer(given, BATCH_MAX_BODY_BYTES, 262_144, 1_024, 16_777_216));
    }

    /** Whether the pseudonym key is the public one of local mode. */
    public boolean usesLocalModePseudonymSecret() {
        return pseudonymSecret.equals(Secret.of(LOCAL_MODE_PSEUDONYM_SECRET));
    }

    public String bootstrapServers() {
        return String.valueOf(kafka.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
    }

    public String schemaRegistryUrl() {
        return String.valueOf(schemaRegistry.get(SchemaRegistrySettings.URL));
    }

    private static Map<String, Object> kafkaSettings(Map<String, String> env) {
        Map<String, Object> settings = ClientSettings.kafka(env);
        settings.putIfAbsent(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, DEFAULT_BOOTSTRAP_SERVERS);
        return settings;
    }

    private static Map<String, Object> schemaRegistrySettings(Map<String, String> env) {
        Map<String, Object> settings = ClientSettings.schemaRegistry(env);
        settings.putIfAbsent(SchemaRegistrySettings.URL, DEFAULT_SCHEMA_REGISTRY_URL);
        try {
            SchemaRegistrySettings.from(settings);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("invalid schema registry settings (" + SCHEMA_REGISTRY_URL
                    + " and the other SCHEMA_REGISTRY_* variables): " + e.getMessage(), e);
        }
        return settings;
    }

    private static Map<String, String> withoutBlanks(Map<String, String> env) {
        Map<String, String> given = new HashMap<>();
        env.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                given.put(name, value.trim());
            }
        });
        return given;
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        Optional<String> raw = Optional.ofNullable(env.get(name));
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below together with the range, which is what the operator needs to know
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max
                + ", but is '" + raw.get() + "'");
    }

    private static void requireOneOf(Map<String, String> env, String name, List<String> allowed) {
        String value = env.get(name);
        if (value != null && !allowed.contains(value.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(name + " must be " + String.join(" or ", allowed)
                    + ", but is '" + value + "': feedback-ingest answers 2xx only for feedback Kafka has stored"
                    + " without duplicates");
        }
    }

    private static Secret pseudonymSecret(Map<String, String> env, boolean localMode) {
        String secret = env.get(PSEUDONYM_SECRET);
        if (secret == null) {
            if (localMode) {
                return Secret.of(LOCAL_MODE_PSEUDONYM_SECRET);
            }
            throw new IllegalArgumentException(PSEUDONYM_SECRET + " is required: it keys the pseudonyms that"
                    + " replace senders' phone numbers (at least " + PSEUDONYM_SECRET_MIN_LENGTH + " characters,"
                    + " e.g. from 'openssl rand -base64 48'); only " + LOCAL_MODE + "=true runs without one");
        }
        if (secret.length() < PSEUDONYM_SECRET_MIN_LENGTH) {
            throw new IllegalArgumentException(PSEUDONYM_SECRET + " must be at least " + PSEUDONYM_SECRET_MIN_LENGTH
                    + " characters long, but has " + secret.length());
        }
        return Secret.of(secret);
    }

    private static Optional<URI> publicBaseUrl(Map<String, String> env) {
        String raw = env.get(PUBLIC_BASE_URL);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(raw);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException(PUBLIC_BASE_URL + " must be an http(s) URL without query, like"
                + " https://feedback.example.com, but is '" + raw + "'");
    }

    private static String twilioReply(Map<String, String> env) {
        String reply = env.getOrDefault(TWILIO_REPLY, DEFAULT_TWILIO_REPLY);
        if (reply.equalsIgnoreCase(NO_REPLY)) {
            return "";
        }
        if (reply.length() > 1_600) {
            throw new IllegalArgumentException(TWILIO_REPLY + " must be at most 1600 characters (one SMS"
                    + " reply), but has " + reply.length());
        }
        return reply;
    }

    private static List<Secret> secrets(Map<String, String> env, String name) {
        return commaSeparated(env, name).stream().map(Secret::of).toList();
    }

    private static List<String> commaSeparated(Map<String, String> env, String name) {
        String raw = env.get(name);
        if (raw == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String part : raw.split(",")) {
            if (!part.isBlank()) {
                values.add(part.strip());
            }
        }
        return values;
    }

    private static SmsRules smsRules(Map<String, String> env) {
        String file = env.get(SMS_RULES_FILE);
        if (file == null) {
            return SmsRules.builtIn();
        }
        try {
            return SmsRulesFile.load(Path.of(file));
        } catch (InvalidSmsRulesException e) {
            throw new IllegalArgumentException(SMS_RULES_FILE + ": " + e.getMessage(), e);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(SMS_RULES_FILE + " is not a file path: '" + file + "'", e);
        }
    }

    private static SubjectAllowlist subjectAllowlist(Map<String, String> env, SmsRules rules) {
        List<String> entries = new ArrayList<>(commaSeparated(env, SUBJECT_ALLOWLIST));
        FeedbackValidator subjects = new FeedbackValidator();
        for (String entry : entries) {
            String subject = entry.endsWith("*") ? entry.substring(0, entry.length() - 1) : entry;
            if (!subject.isEmpty() && subjects.acceptedSubject(subject).isEmpty()) {
                throw new IllegalArgumentException(SUBJECT_ALLOWLIST + " lists '" + entry + "', which is not a"
                        + " valid subject (letters, digits, spaces and - _ . : #, at most "
                        + FeedbackValidator.SUBJECT_MAX_LENGTH + ")");
            }
        }
        entries.addAll(rules.allowed());
        return SubjectAllowlist.of(entries).plus(rules.namedSubjects());
    }

    private static TrustedProxies trustedProxies(Map<String, String> env) {
        try {
            return TrustedProxies.parse(commaSeparated(env, TRUSTED_PROXIES));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(TRUSTED_PROXIES + ": " + e.getMessage(), e);
        }
    }

    private static boolean bool(Map<String, String> env, String name, boolean fallback) {
        String raw = env.get(name);
        if (raw == null) {
            return fallback;
        }
        switch (raw.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new IllegalArgumentException(name + " must be true or false, but is '" + raw + "'");
        }
    }

    /**
     * The record's text with the Kafka and schema-registry settings that can hold credentials
     * ({@code sasl.jaas.config}, {@code ssl.key.password}, {@code basic.auth.user.info}, ...) hidden:
     * those pass through from the environment as plain strings, not as {@link Secret}s.
     */
    @Override
    public String toString() {
        return "IngestConfig[httpPort=" + httpPort + ", publishTimeout=" + publishTimeout + ", retryAfterSeconds="
                + retryAfterSeconds + ", maxBodyBytes=" + maxBodyBytes + ", kafka=" + withoutCredentials(kafka)
                + ", schemaRegistry=" + withoutCredentials(schemaRegistry) + ", localMode=" + localMode
                + ", pseudonymSecret=" + pseudonymSecret + ", publicBaseUrl=" + publicBaseUrl + ", twilioAuthToken="
                + twilioAuthToken + ", twilioReply=" + twilioReply + ", smsApiKeys=" + smsApiKeys + ", smsHmacSecret="
                + smsHmacSecret + ", kioskApiKeys=" + kioskApiKeys + ", smsRules=" + smsRules + ", subjectAllowlist="
                + subjectAllowlist + ", rateLimits=" + rateLimits + ", trustedProxies=" + trustedProxies
                + ", dedupHorizon=" + dedupHorizon + ", dedupMaxEntries=" + dedupMaxEntries + ", maxBatchItems="
                + maxBatchItems + ", maxBatchBodyBytes=" + maxBatchBodyBytes + "]";
    }

    private static Map<String, Object> withoutCredentials(Map<String, Object> settings) {
        Map<String, Object> shown = new java.util.TreeMap<>();
        settings.forEach((name, value) -> {
            String key = name.toLowerCase(Locale.ROOT);
            boolean credential = key.contains("password") || key.contains("jaas") || key.contains("secret")
                    || key.contains("user.info") || key.contains("token") || key.endsWith(".key");
            shown.put(name, credential ? "[hidden]" : value);
        });
        return shown;
    }
}
