package org.instantfeedback.contacts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.instantfeedback.config.ClientSettings;
import org.instantfeedback.service.settings.Setting;
import org.instantfeedback.service.settings.ValueParser;

/**
 * The contact keys: the operator's key-encryption key, the older ones still accepted, and how long
 * a silent contact is kept. Besides the {@link #SETTINGS}, every {@code KAFKA_*} variable becomes a
 * Kafka client property and every {@code SCHEMA_REGISTRY_*} one a serde property, as for the
 * service that embeds the keyring.
 *
 * <p>The keys are read by hand rather than by their {@link Setting}'s parser: a malformed key
 * fails with a message in the usual shape, naming the variable and the rule, but never repeats the
 * text, since a mistyped key is still mostly a key.
 *
 * @param kek            the key that wraps new data keys; empty: replies are off
 * @param previousKeks   older keys, still accepted for unwrapping while data keys are re-wrapped
 * @param retention      a contact silent for longer is erased
 * @param writeTimeout   longest a write to the contact keys topic may take
 * @param kafka          Kafka client properties, defaults included
 * @param schemaRegistry serde properties ({@code schema.registry.url}, ...), defaults included
 */
public record ContactSettings(
        Optional<KeyEncryptionKey> kek,
        List<KeyEncryptionKey> previousKeks,
        Duration retention,
        Duration writeTimeout,
        Map<String, Object> kafka,
        Map<String, Object> schemaRegistry) {

    public static final Setting<Optional<String>> CONTACT_KEK = Setting.optional("CONTACT_KEK", text -> text,
            "The operator's key-encryption key: base64 of exactly 32 random bytes ('openssl rand -base64 32')."
                    + " It wraps every contact's data key, which encrypts the contact's number. Unset: replies"
                    + " to passengers are off.");
    public static final Setting<String> CONTACT_KEK_ID = Setting.of("CONTACT_KEK_ID", "kek-1", keyId(),
            "Name of CONTACT_KEK, recorded on every key it wraps, so that it can be rotated: give the"
                    + " new key a new id and move the old one to CONTACT_KEK_PREVIOUS.");
    public static final Setting<List<String>> CONTACT_KEK_PREVIOUS = Setting.list("CONTACT_KEK_PREVIOUS",
            "Older key-encryption keys still accepted for reading, as id:base64,id:base64 (each 32 bytes).");
    public static final Setting<Duration> CONTACT_RETENTION = Setting.duration("CONTACT_RETENTION", "P400D",
            "A contact that has not written for this long (ISO-8601) is erased: its keys are destroyed.");
    public static final Setting<Duration> CONTACT_WRITE_TIMEOUT = Setting.duration("CONTACT_WRITE_TIMEOUT",
            "PT10S", "Longest a write of a contact's keys may take (ISO-8601) before the request fails as"
                    + " unavailable.");

    public static final List<Setting<?>> SETTINGS = List.of(CONTACT_KEK, CONTACT_KEK_ID, CONTACT_KEK_PREVIOUS,
            CONTACT_RETENTION, CONTACT_WRITE_TIMEOUT);

    private static final String BOOTSTRAP_SERVERS_DEFAULT = "localhost:9092";

    public ContactSettings {
        Objects.requireNonNull(kek, "kek");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        previousKeks = List.copyOf(previousKeks);
        kafka = Map.copyOf(kafka);
        schemaRegistry = Map.copyOf(schemaRegistry);
    }

    /** Reads the settings; fails with a message naming the variable that is malformed. */
    public static ContactSettings from(Map<String, String> env) {
        String kekId = CONTACT_KEK_ID.from(env);
        Optional<KeyEncryptionKey> kek = CONTACT_KEK.from(env).map(text -> keyOrFail(CONTACT_KEK.name(), kekId, text));
        List<KeyEncryptionKey> previous = previousKeys(env);
        kek.ifPresent(current -> previous.forEach(older -> {
            if (older.id().equals(current.id())) {
                throw new IllegalArgumentException(CONTACT_KEK_PREVIOUS + " must not repeat the id of "
                        + CONTACT_KEK_ID + ", was '" + current.id() + "'");
            }
        }));
        Map<String, Object> kafka = ClientSettings.withoutBlanks(ClientSettings.kafka(env));
        kafka.putIfAbsent(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP_SERVERS_DEFAULT);
        return new ContactSettings(kek, previous, CONTACT_RETENTION.from(env), CONTACT_WRITE_TIMEOUT.from(env),
                kafka, ClientSettings.schemaRegistryWithDefaults(env));
    }

    /** Whether replies are on: there is a key to seal numbers with. */
    public boolean enabled() {
        return kek.isPresent();
    }

    private static List<KeyEncryptionKey> previousKeys(Map<String, String> env) {
        List<KeyEncryptionKey> keys = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<String> entries = CONTACT_KEK_PREVIOUS.from(env);
        for (int i = 0; i < entries.size(); i++) {
            String name = CONTACT_KEK_PREVIOUS + " entry " + (i + 1);
            String[] idAndKey = entries.get(i).split(":", 2);
            if (idAndKey.length != 2 || !KeyEncryptionKey.isValidId(idAndKey[0].strip())) {
                throw new IllegalArgumentException(name + " must be id:base64, the id of letters, digits, '.',"
                        + " '_' or '-'");
            }
            KeyEncryptionKey key = keyOrFail(name, idAndKey[0].strip(), idAndKey[1]);
            if (!ids.add(key.id())) {
                throw new IllegalArgumentException(CONTACT_KEK_PREVIOUS + " names the key id '" + key.id()
                        + "' twice");
            }
            keys.add(key);
        }
        return keys;
    }

    private static KeyEncryptionKey keyOrFail(String name, String id, String base64) {
        try {
            return KeyEncryptionKey.fromBase64(id, base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " " + e.getMessage());
        }
    }

    private static ValueParser<String> keyId() {
        return text -> {
            if (!KeyEncryptionKey.isValidId(text)) {
                throw new IllegalArgumentException("must be 1 to 64 letters, digits, '.', '_' or '-'");
            }
            return text;
        };
    }

    /** Leaves out the client properties, which may hold credentials ({@code sasl.jaas.config}). */
    @Override
    public String toString() {
        return "ContactSettings[kek=" + kek.map(KeyEncryptionKey::toString).orElse("none") + ", previousKeks="
                + previousKeks + ", retention=" + retention + ", writeTimeout=" + writeTimeout + "]";
    }
}
