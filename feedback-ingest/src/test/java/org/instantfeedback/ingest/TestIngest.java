package org.instantfeedback.ingest;

import java.util.HashMap;
import java.util.Map;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.ingest.config.HttpSettings;
import org.instantfeedback.ingest.config.IngestConfig;
import org.instantfeedback.ingest.config.PseudonymSettings;
import org.instantfeedback.ingest.config.PublishSettings;
import org.instantfeedback.ingest.config.RateLimitSettings;
import org.instantfeedback.ingest.config.Secret;
import org.instantfeedback.ingest.privacy.SenderPseudonyms;

/** How the tests configure and start feedback-ingest against the test broker and registry. */
final class TestIngest {
    static final String PSEUDONYM_SECRET = "test-only-pseudonym-secret-0123456789abcdef";

    private TestIngest() {
    }

    /**
     * A production-like configuration (real pseudonym secret) on a random port, with rate limits off
     * unless a test turns them on; {@code overrides} are name, value pairs.
     */
    static Map<String, String> env(KafkaAndRegistry runtime, String... overrides) {
        Map<String, String> env = new HashMap<>();
        env.put(HttpSettings.HTTP_PORT.name(), "0");
        env.put(PublishSettings.KAFKA_BOOTSTRAP_SERVERS.name(), runtime.bootstrapServers());
        env.put(PublishSettings.SCHEMA_REGISTRY_URL.name(), runtime.schemaRegistryUrl());
        env.put(PseudonymSettings.PSEUDONYM_SECRET.name(), PSEUDONYM_SECRET);
        env.put(RateLimitSettings.RATE_LIMIT_ENABLED.name(), "false");
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            env.put(overrides[i], overrides[i + 1]);
        }
        return env;
    }

    static IngestApp start(Map<String, String> env) {
        return IngestApp.create(IngestConfig.from(env)).start();
    }

    /** The pseudonym the service gives this sender. */
    static String pseudonymOf(String sender) {
        return new SenderPseudonyms(Secret.of(PSEUDONYM_SECRET)).pseudonymOf(sender);
    }
}
