package org.instantfeedback.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.instantfeedback.registry.SchemaRegistrySettings;

/**
 * Turns environment variables into Kafka client and schema registry settings, the way the
 * Confluent and Apache Kafka images do: {@code KAFKA_SASL_JAAS_CONFIG} becomes
 * {@code sasl.jaas.config}, {@code SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO} becomes
 * {@code schema.registry.basic.auth.user.info}. Operators can so pass any client setting without
 * a release of ours.
 */
public final class ClientSettings {
    public static final String KAFKA_PREFIX = "KAFKA_";
    public static final String SCHEMA_REGISTRY_PREFIX = "SCHEMA_REGISTRY_";

    /** JVM options of the Kafka scripts, never client settings. */
    private static final Set<String> NOT_CLIENT_SETTINGS =
            Set.of("KAFKA_HEAP_OPTS", "KAFKA_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_LOG4J_OPTS",
                    "KAFKA_GC_LOG_OPTS", "KAFKA_JMX_OPTS", "KAFKA_DEBUG");

    private ClientSettings() {
    }

    /** Every {@code KAFKA_*} variable as a Kafka client property. */
    public static Map<String, Object> kafka(Map<String, String> env) {
        Map<String, Object> props = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(KAFKA_PREFIX) && !NOT_CLIENT_SETTINGS.contains(name)) {
                props.put(toProperty(name.substring(KAFKA_PREFIX.length())), value);
            }
        });
        return props;
    }

    /** Every {@code SCHEMA_REGISTRY_*} variable as a {@code schema.registry.*} serde property. */
    public static Map<String, Object> schemaRegistry(Map<String, String> env) {
        Map<String, Object> props = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(SCHEMA_REGISTRY_PREFIX)) {
                props.put(toProperty(name), value);
            }
        });
        return props;
    }

    /**
     * The schema registry settings a service's serdes use: every {@code SCHEMA_REGISTRY_*}
     * variable, with {@code http://localhost:8081} when no URL is given, checked at once so a
     * malformed one stops start-up instead of the first record.
     */
    public static Map<String, Object> schemaRegistryWithDefaults(Map<String, String> env) {
        Map<String, Object> settings = withoutBlanks(schemaRegistry(env));
        settings.putIfAbsent(SchemaRegistrySettings.URL, "http://localhost:8081");
        try {
            SchemaRegistrySettings.from(settings);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("SCHEMA_REGISTRY_URL or another SCHEMA_REGISTRY_* variable is malformed: "
                    + e.getMessage(), e);
        }
        return settings;
    }

    /** A variable set to nothing (as docker-compose does with {@code VAR=}) means "use the default". */
    public static Map<String, Object> withoutBlanks(Map<String, Object> settings) {
        Map<String, Object> copy = new HashMap<>(settings);
        copy.values().removeIf(value -> value.toString().isBlank());
        return copy;
    }

    static String toProperty(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
