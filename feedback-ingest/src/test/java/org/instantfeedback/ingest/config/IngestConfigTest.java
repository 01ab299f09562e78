package org.instantfeedback.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.instantfeedback.ingest.feedback.SubjectAllowlist;
import org.instantfeedback.service.settings.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IngestConfigTest {
    private static final String SECRET = "a-pseudonym-secret-of-forty-characters!!";

    /** {@code pairs} and a pseudonym secret, the one variable without a default. */
    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("INGEST_PSEUDONYM_SECRET", SECRET);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void uses_the_documented_defaults_when_nothing_but_the_secret_is_set() {
        IngestConfig config = IngestConfig.from(env());

        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.publishing().bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.publishing().schemaRegistryUrl()).isEqualTo("http://localhost:8081");
        assertThat(config.publishing().publishTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.publishing().retryAfterSeconds()).isEqualTo(5);
        assertThat(config.http().maxBodyBytes()).isEqualTo(16_384);
        assertThat(config.pseudonyms().localMode()).isFalse();
        assertThat(config.twilio().publicBaseUrl()).isEmpty();
        assertThat(config.twilio().authToken()).isEmpty();
        assertThat(config.twilio().reply()).isEqualTo("Thank you for your feedback!");
        assertThat(config.smsGateways().apiKeys()).isEmpty();
        assertThat(config.smsGateways().hmacSecret()).isEmpty();
        assertThat(config.kiosks().apiKeys()).isEmpty();
        assertThat(config.subjects().smsRules().source()).isEqualTo("built-in SMS rules");
        assertThat(config.subjects().allowlist().restricts()).isFalse();
        assertThat(config.rateLimits()).isEqualTo(new RateLimitSettings(true, 60, 30, 2, 5, 100_000));
        assertThat(config.http().trustedProxies().isEmpty()).isTrue();
        assertThat(config.dedup().horizon()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.dedup().maxEntries()).isEqualTo(100_000);
        assertThat(config.kiosks().maxItems()).isEqualTo(500);
        assertThat(config.kiosks().maxBodyBytes()).isEqualTo(262_144);
        assertThat(config.voice()).isEqualTo(new VoiceSettings(
                "How was your journey today? Press 1 for very poor up to 5 for excellent.",
                "Please press a key from 1 to 5.", "Thank you, your rating has been recorded. Goodbye.",
                "We did not get a rating. Goodbye.",
                "Sorry, we could not record your rating. Please try again later. Goodbye.", "alice", "en-GB", 8));
    }

    @Test
    void documents_every_default_it_applies() {
        Map<String, String> defaults = env();
        for (Setting<?> setting : IngestConfig.SETTINGS) {
            if (!setting.required()) {
                defaults.put(setting.name(), setting.shownDefault().orElseThrow());
            }
        }

        IngestConfig documented = IngestConfig.from(defaults);
        IngestConfig implicit = IngestConfig.from(env());

        assertThat(documented).usingRecursiveComparison().ignoringFields("publishing.kafka", "contacts.kafka")
                .isEqualTo(implicit);
        assertThat(documented.publishing().kafka()).containsAllEntriesOf(implicit.publishing().kafka());
        assertThat(documented.contacts().kafka()).containsAllEntriesOf(implicit.contacts().kafka());
        assertThat(IngestConfig.SETTINGS).extracting(Setting::name).contains(
                "INGEST_HTTP_PORT", "KAFKA_BOOTSTRAP_SERVERS", "SCHEMA_REGISTRY_URL", "INGEST_PUBLISH_TIMEOUT_MS",
                "INGEST_RETRY_AFTER_SECONDS", "INGEST_MAX_BODY_BYTES");
        assertThat(IngestConfig.SETTINGS).filteredOn(Setting::required).extracting(Setting::name)
                .containsExactly("INGEST_PSEUDONYM_SECRET");
        assertThat(IngestConfig.SETTINGS).extracting(Setting::name).doesNotHaveDuplicates()
                .allMatch(name -> name.startsWith("INGEST_") || name.startsWith("KAFKA_")
                        || name.startsWith("SCHEMA_REGISTRY_")
                        // shared with the reply sender, which opens what the edge seals with the same key
                        || name.startsWith("CONTACT_"));
    }

    @Test
    void reads_what_the_operator_sets() {
        IngestConfig config = IngestConfig.from(env(
                "INGEST_HTTP_PORT", "0",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
                "SCHEMA_REGISTRY_URL", "https://registry.example:8081",
                "INGEST_PUBLISH_TIMEOUT_MS", "1500",
                "INGEST_RETRY_AFTER_SECONDS", "30",
                "INGEST_MAX_BODY_BYTES", "4096"));

        assertThat(config.http().port()).isZero();
        assertThat(config.publishing().bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(config.publishing().schemaRegistryUrl()).isEqualTo("https://registry.example:8081");
        assertThat(config.publishing().publishTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.publishing().retryAfterSeconds()).isEqualTo(30);
        assertThat(config.http().maxBodyBytes()).isEqualTo(4096);
    }

    @Test
    void passes_every_kafka_and_registry_variable_through_as_client_settings() {
        IngestConfig config = IngestConfig.from(env(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_JAAS_CONFIG", "secret",
                "KAFKA_HEAP_OPTS", "-Xmx1g",
                "SCHEMA_REGISTRY_BASIC_AUTH_CREDENTIALS_SOURCE", "USER_INFO",
                "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "user:password",
                "PATH", "/usr/bin"));

        assertThat(config.publishing().kafka()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.jaas.config", "secret")
                .containsEntry("bootstrap.servers", "localhost:9092")
                .doesNotContainKey("heap.opts");
        assertThat(config.publishing().schemaRegistry()).containsEntry("schema.registry.basic.auth.user.info", "user:password")
                .containsEntry("schema.registry.url", "http://localhost:8081")
                .hasSize(3);
    }

    @Test
    void treats_blank_values_as_unset() {
        IngestConfig config = IngestConfig.from(env("INGEST_HTTP_PORT", " ", "KAFKA_BOOTSTRAP_SERVERS", ""));

        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.publishing().bootstrapServers()).isEqualTo("localhost:9092");
    }

    @ParameterizedTest
    @CsvSource({
        "INGEST_HTTP_PORT, eighty",
        "INGEST_HTTP_PORT, 70000",
        "INGEST_HTTP_PORT, -1",
        "INGEST_PUBLISH_TIMEOUT_MS, 0",
        "INGEST_PUBLISH_TIMEOUT_MS, 5s",
        "INGEST_RETRY_AFTER_SECONDS, 0",
        "INGEST_MAX_BODY_BYTES, 10",
        "INGEST_MAX_BODY_BYTES, 16KiB",
        "KAFKA_ACKS, 1",
        "KAFKA_ENABLE_IDEMPOTENCE, false",
        "SCHEMA_REGISTRY_URL, localhost:8081",
        "INGEST_LOCAL_MODE, yes",
        "INGEST_PSEUDONYM_SECRET, too-short",
        "INGEST_PUBLIC_BASE_URL, feedback.example.com",
        "INGEST_PUBLIC_BASE_URL, https://feedback.example.com/?x=1",
        "INGEST_RATE_LIMIT_ENABLED, 1",
        "INGEST_RATE_LIMIT_CLIENT_PER_MINUTE, 0",
        "INGEST_RATE_LIMIT_SENDER_BURST, many",
        "INGEST_RATE_LIMIT_MAX_TRACKED, 10",
        "INGEST_TRUSTED_PROXIES, proxy.internal",
        "INGEST_TRUSTED_PROXIES, 10.0.0.0/40",
        "INGEST_DEDUP_HORIZON_SECONDS, 0",
        "INGEST_DEDUP_MAX_ENTRIES, 5",
        "INGEST_BATCH_MAX_ITEMS, 0",
        "INGEST_BATCH_MAX_BODY_BYTES, 100",
        "INGEST_SUBJECT_ALLOWLIST, route-1 <b>",
        "INGEST_SMS_RULES_FILE, /nonexistent/sms-rules.txt",
        "INGEST_VOICE_TIMEOUT, 0",
        "INGEST_VOICE_TIMEOUT, 31",
        "INGEST_VOICE_VOICE, Polly Amy",
        "INGEST_VOICE_VOICE, \"alice\"",
        "INGEST_VOICE_LANGUAGE, english",
        "INGEST_VOICE_LANGUAGE, en_GB"
    })
    void refuses_a_malformed_value_naming_the_variable(String variable, String value) {
        assertThatThrownBy(() -> IngestConfig.from(env(variable, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(variable);
    }

    @Test
    void reads_what_a_caller_hears_in_another_voice_and_language() {
        IngestConfig config = IngestConfig.from(env(
                "INGEST_VOICE_QUESTION", "Wie war Ihre Fahrt? Drücken Sie 1 bis 5.",
                "INGEST_VOICE_VOICE", "Polly.Vicki-Neural",
                "INGEST_VOICE_LANGUAGE", "de-DE",
                "INGEST_VOICE_TIMEOUT", "30"));

        assertThat(config.voice().question()).isEqualTo("Wie war Ihre Fahrt? Drücken Sie 1 bis 5.");
        assertThat(config.voice().voice()).isEqualTo("Polly.Vicki-Neural");
        assertThat(config.voice().language()).isEqualTo("de-DE");
        assertThat(config.voice().timeoutSeconds()).isEqualTo(30);
    }

    @Test
    void accepts_the_only_safe_producer_guarantees_when_given_explicitly() {
        IngestConfig config = IngestConfig.from(env("KAFKA_ACKS", "all", "KAFKA_ENABLE_IDEMPOTENCE", "TRUE"));

        assertThat(config.publishing().kafka()).containsEntry("acks", "all");
    }

    @Test
    void refuses_to_start_without_a_pseudonym_secret_except_in_local_mode() {
        IngestConfig local = IngestConfig.from(Map.of("INGEST_LOCAL_MODE", "true"));

        assertThatThrownBy(() -> IngestConfig.from(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("INGEST_PSEUDONYM_SECRET is required")
                .hasMessageContaining("INGEST_LOCAL_MODE=true");
        assertThat(local.pseudonyms().localMode()).isTrue();
        assertThat(local.pseudonyms().usesLocalModeSecret()).isTrue();
        assertThat(IngestConfig.from(env("INGEST_LOCAL_MODE", "true")).pseudonyms().usesLocalModeSecret()).isFalse();
    }

    @Test
    void reads_channel_credentials_and_never_shows_them() {
        IngestConfig config = IngestConfig.from(env(
                "INGEST_TWILIO_AUTH_TOKEN", "twilio-token-value",
                "INGEST_SMS_API_KEYS", " gateway-key-1 ,gateway-key-2,, ",
                "INGEST_SMS_HMAC_SECRET", "gateway-hmac-value",
                "INGEST_KIOSK_API_KEYS", "kiosk-key-value",
                "INGEST_PUBLIC_BASE_URL", "https://feedback.example.com/ingest"));

        assertThat(config.twilio().authToken()).contains(Secret.of("twilio-token-value"));
        assertThat(config.smsGateways().apiKeys()).containsExactly(Secret.of("gateway-key-1"), Secret.of("gateway-key-2"));
        assertThat(config.smsGateways().hmacSecret()).contains(Secret.of("gateway-hmac-value"));
        assertThat(config.kiosks().apiKeys()).containsExactly(Secret.of("kiosk-key-value"));
        assertThat(config.twilio().publicBaseUrl()).hasValueSatisfying(
                url -> assertThat(url).hasToString("https://feedback.example.com/ingest"));
        assertThat(config.toString()).doesNotContain("twilio-token-value", "gateway-key-1", "gateway-hmac-value",
                "kiosk-key-value", SECRET);
    }

    @Test
    void sends_no_twilio_reply_when_told_none() {
        assertThat(IngestConfig.from(env("INGEST_TWILIO_REPLY", "NONE")).twilio().reply()).isEmpty();
        assertThat(IngestConfig.from(env("INGEST_TWILIO_REPLY", "Danke!")).twilio().reply()).isEqualTo("Danke!");
    }

    @Test
    void stops_at_a_bad_rules_file_naming_the_variable_the_file_and_the_line(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("sms-rules.txt");
        Files.writeString(rules, "pattern route {n} -> route-{n}\npatern bus {n} -> route-{n}\n");

        assertThatThrownBy(() -> IngestConfig.from(env("INGEST_SMS_RULES_FILE", rules.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("INGEST_SMS_RULES_FILE: " + rules + ", line 2: unknown directive 'patern'");
    }

    @Test
    void allows_the_subjects_of_the_variable_and_the_rules_file_and_those_the_rules_name(@TempDir Path dir)
            throws Exception {
        Path rules = dir.resolve("sms-rules.txt");
        Files.writeString(rules, "alias Central Station -> branch-central\nallow night-*\n");

        SubjectAllowlist allowlist = IngestConfig.from(env("INGEST_SMS_RULES_FILE", rules.toString(),
                "INGEST_SUBJECT_ALLOWLIST", "route-*, branch-airport")).subjects().allowlist();

        assertThat(allowlist.restricts()).isTrue();
        assertThat(List.of("route-9", "night-3", "branch-airport", "branch-central", "unassigned"))
                .allMatch(allowlist::allows);
        assertThat(allowlist.allows("branch-london")).isFalse();
    }

    @Test
    void reads_rate_limits_and_trusted_proxies() {
        IngestConfig config = IngestConfig.from(env(
                "INGEST_RATE_LIMIT_ENABLED", "FALSE",
                "INGEST_RATE_LIMIT_CLIENT_PER_MINUTE", "600",
                "INGEST_RATE_LIMIT_CLIENT_BURST", "100",
                "INGEST_RATE_LIMIT_SENDER_PER_MINUTE", "1",
                "INGEST_RATE_LIMIT_SENDER_BURST", "3",
                "INGEST_RATE_LIMIT_MAX_TRACKED", "5000",
                "INGEST_TRUSTED_PROXIES", "10.0.0.0/8, ::1"));

        assertThat(config.rateLimits()).isEqualTo(new RateLimitSettings(false, 600, 100, 1, 3, 5_000));
        assertThat(config.http().trustedProxies().entries()).containsExactly("10.0.0.0/8", "::1");
    }
}
