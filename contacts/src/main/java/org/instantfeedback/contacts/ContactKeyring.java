package org.instantfeedback.contacts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.ContactKeys;
import org.instantfeedback.events.ReplyAddress;
import org.instantfeedback.events.WrappedContactKey;
import org.instantfeedback.registry.SpecificAvroSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every contact's wrapped data keys, read from the compacted {@value Topics#CONTACT_KEYS} into
 * memory, and the writes of new keys, of the day a contact was last seen, and of erasures. One per
 * process: feedback-ingest seals the numbers of passengers who write, the reply sender opens them.
 *
 * <p>Lifecycle: {@link #create}, {@link #start()}, {@link #awaitReady(Duration)} before the first
 * {@link #seal} (a keyring that has not read the topic would take a known contact for a new one and
 * hide its keys), {@link #close()} at shutdown. The owner calls {@link #expire(Instant)}
 * periodically (hourly is plenty, retention is counted in months); more than one process may, at
 * the cost of duplicate tombstones.
 */
public final class ContactKeyring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContactKeyring.class);
    /** lastSeenAt is kept to the day: at most one write per contact and day, for a retention of months. */
    private static final Duration LAST_SEEN_PRECISION = Duration.ofDays(1);
    /**
     * How long a keyring watches its new keys for being hidden by another process's write: far longer
     * than two writes of one contact can cross (a write timeout plus the other process's reading lag).
     */
    private static final Duration OWN_KEYS_WATCH = Duration.ofMinutes(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    /** Writes of one contact are serialised; stripes bound the locks' memory whatever the contacts. */
    private static final int LOCK_STRIPES = 64;

    /** A contact as read or written at {@code offset}; {@code keys} null once erased here. */
    private record Stored(ContactKeys keys, long offset) {
    }

    private final String topic;
    private final ContactCipher cipher;
    private final Duration retention;
    private final Duration writeTimeout;
    private final Producer<String, ContactKeys> producer;
    private final CompactedTopicReader<ContactKeys> reader;
    private final Thread readerThread;
    private final Map<String, Stored> contacts = new ConcurrentHashMap<>();
    private final RecentKeys recentKeys = new RecentKeys(OWN_KEYS_WATCH, System::nanoTime);
    private final Object[] locks = new Object[LOCK_STRIPES];

    ContactKeyring(String topic, ContactCipher cipher, Duration retention, Duration writeTimeout,
                   Consumer<String, ContactKeys> consumer, Producer<String, ContactKeys> producer) {
        this.topic = topic;
        this.cipher = cipher;
        this.retention = retention;
        this.writeTimeout = writeTimeout;
        this.producer = producer;
        this.reader = new CompactedTopicReader<>(consumer, topic, this::read);
        this.readerThread = new Thread(reader, "contact-keys-reader");
        readerThread.setDaemon(true);
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * A keyring on {@value Topics#CONTACT_KEYS}, not yet started.
     *
     * @throws IllegalStateException when replies are off ({@link ContactSettings#enabled()} is false)
     */
    public static ContactKeyring create(ContactSettings settings) {
        return create(settings, Topics.CONTACT_KEYS);
    }

    static ContactKeyring create(ContactSettings settings, String topic) {
        ContactCipher cipher = ContactCipher.from(settings);
        KeyringClients clients = KeyringClients.of(settings);
        SpecificAvroSerializer<ContactKeys> serializer = new SpecificAvroSerializer<>();
        serializer.configure(clients.serde(), false);
        Consumer<String, ContactKeys> consumer = CompactedTopicReader.consumer(settings, ContactKeys.class);
        try {
            Producer<String, ContactKeys> producer = new KafkaProducer<>(clients.producer(), new StringSerializer(),
                    serializer);
            return new ContactKeyring(topic, cipher, settings.retention(), settings.writeTimeout(), consumer,
                    producer);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** Starts reading the topic on a daemon thread. */
    public void start() {
        readerThread.start();
    }

    /**
     * Returns once every record that was on the topic at {@link #start()} has been read.
     *
     * @throws ContactKeysUnavailableException when that takes longer than {@code timeout}, or reading failed
     */
    public void awaitReady(Duration timeout) {
        reader.awaitReady(timeout);
    }

    /**
     * {@code number} sealed with the contact's newest data key; a contact without one gets one,
     * written before the address is returned. Every day the contact writes, it is marked as seen.
     *
     * @throws ContactKeysUnavailableException when the keyring is not ready or a new key could not be
     *                                         written in time (the edge answers 503)
     * @throws ContactKeyException             when the contact's key was wrapped by an unknown KEK
     */
    public ReplyAddress seal(String contactId, String operatorNumber, String number, Instant now) {
        if (!reader.isReady()) {
            throw new ContactKeysUnavailableException("the contact keys of " + topic + " have not been read yet");
        }
        synchronized (lockOf(contactId)) {
            ContactKeys keys = keysOf(contactId);
            if (keys == null || keys.getKeys().isEmpty()) {
                return cipher.seal(contactId, operatorNumber, firstKey(contactId, now), number);
            }
            DataKey key = cipher.unwrap(contactId, newest(keys));
            if (keys.getLastSeenAt().isBefore(now.minus(LAST_SEEN_PRECISION))) {
                markSeen(keys, now);
            }
            return cipher.seal(contactId, operatorNumber, key, number);
        }
    }

    /**
     * The number in {@code address}; empty when its contact's key is gone (erased, expired) or
     * unknown here.
     *
     * @throws ContactKeyException when the address was altered or belongs to another contact
     */
    public Optional<String> open(ReplyAddress address) {
        ContactKeys keys = keysOf(address.getContactId());
        if (keys == null) {
            return Optional.empty();
        }
        return keys.getKeys().stream()
                .filter(key -> key.getKeyId().equals(address.getKeyId()))
                .findFirst()
                .map(wrapped -> cipher.open(address, cipher.unwrap(address.getContactId(), wrapped)));
    }

    /**
     * Erases the contact: its keys leave this process's memory at once, and a tombstone is written,
     * after which no process opens its addresses and compaction removes the keys from the topic.
     *
     * @throws ContactKeysUnavailableException when the tombstone could not be written; call again
     */
    public void forget(String contactId) {
        synchronized (lockOf(contactId)) {
            recentKeys.forget(contactId);
            // Marked erased beyond any offset until the tombstone's own is known, so that a record
            // of the contact read meanwhile does not bring its keys back.
            contacts.put(contactId, new Stored(null, Long.MAX_VALUE));
            long offset;
            try {
                offset = write(contactId, null);
            } catch (ContactKeysUnavailableException e) {
                contacts.remove(contactId);
                throw e;
            }
            contacts.put(contactId, new Stored(null, offset));
        }
    }

    /**
     * Erases every contact not seen for longer than the retention before {@code now}.
     *
     * @return how many contacts were erased
     * @throws ContactKeysUnavailableException when a tombstone could not be written
     */
    public int expire(Instant now) {
        Instant oldestKept = now.minus(retention);
        int erased = 0;
        for (String contactId : List.copyOf(contacts.keySet())) {
            synchronized (lockOf(contactId)) {
                ContactKeys keys = keysOf(contactId);
                if (keys != null && keys.getLastSeenAt().isBefore(oldestKept)) {
                    forget(contactId);
                    erased++;
                }
            }
        }
        if (erased > 0) {
            LOG.info("erased {} contacts not seen since {}", erased, oldestKept);
        }
        return erased;
    }

    /** Stops reading and closes the Kafka clients. */
    @Override
    public void close() {
        reader.stop();
        if (readerThread.isAlive()) {
            try {
                readerThread.join(CLOSE_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (readerThread.getState() == Thread.State.NEW) {
            reader.closeUnstarted();
        }
        producer.close(CLOSE_TIMEOUT);
    }

    private DataKey firstKey(String contactId, Instant now) {
        DataKey key = cipher.newDataKey();
        WrappedContactKey wrapped = cipher.wrap(contactId, key, now);
        // Watched from before the write, so that a record of another process read meanwhile is checked too.
        recentKeys.remember(contactId, wrapped);
        ContactKeys keys = ContactKeys.newBuilder().setContactId(contactId).setKeys(List.of(wrapped))
                .setLastSeenAt(now).build();
        try {
            store(contactId, keys, write(contactId, keys));
        } catch (ContactKeysUnavailableException e) {
            recentKeys.drop(contactId, key.keyId());
            throw e;
        }
        return key;
    }

    /** Best effort: a contact that could not be marked today is marked on its next message. */
    private void markSeen(ContactKeys keys, Instant now) {
        ContactKeys seen = ContactKeys.newBuilder(keys).setLastSeenAt(now).build();
        try {
            store(keys.getContactId(), seen, write(keys.getContactId(), seen));
        } catch (ContactKeysUnavailableException e) {
            LOG.warn("could not mark contact {} as seen; it will be on its next message: {}", keys.getContactId(),
                    e.getMessage());
        }
    }

    /** Takes a record read from the topic, and writes the union when it hides keys made here. */
    private void read(String contactId, ContactKeys keys, long offset) {
        if (keys == null) {
            recentKeys.forget(contactId);
            contacts.computeIfPresent(contactId, (id, stored) -> stored.offset() > offset ? stored : null);
            return;
        }
        List<WrappedContactKey> missing = recentKeys.missingFrom(keys);
        ContactKeys effective = missing.isEmpty() ? keys : union(keys, missing);
        if (store(contactId, effective, offset) && !missing.isEmpty()) {
            LOG.info("contact {} was written without {} key(s) made here, as when two processes make its first"
                    + " key at once; writing the union", contactId, missing.size());
            try {
                producer.send(new ProducerRecord<>(topic, contactId, effective), (metadata, e) -> {
                    if (e != null) {
                        LOG.warn("could not write the union of contact {}'s keys: {}", contactId, e.getMessage());
                    }
                });
            } catch (KafkaException e) {
                LOG.warn("could not write the union of contact {}'s keys: {}", contactId, e.getMessage());
            }
        }
    }

    /** Keeps {@code keys} unless something later is already stored; whether they were kept. */
    private boolean store(String contactId, ContactKeys keys, long offset) {
        AtomicBoolean kept = new AtomicBoolean();
        contacts.compute(contactId, (id, stored) -> {
            if (stored != null && stored.offset() >= offset) {
                return stored;
            }
            kept.set(true);
            return new Stored(keys, offset);
        });
        return kept.get();
    }

    private static ContactKeys union(ContactKeys keys, List<WrappedContactKey> missing) {
        List<WrappedContactKey> all = new ArrayList<>(keys.getKeys());
        all.addAll(missing);
        all.sort(Comparator.comparing(WrappedContactKey::getCreatedAt).thenComparing(WrappedContactKey::getKeyId));
        return ContactKeys.newBuilder(keys).setKeys(all).build();
    }

    private static WrappedContactKey newest(ContactKeys keys) {
        return keys.getKeys().stream().max(Comparator.comparing(WrappedContactKey::getCreatedAt)).orElseThrow();
    }

    private ContactKeys keysOf(String contactId) {
        Stored stored = contacts.get(contactId);
        return stored == null ? null : stored.keys();
    }

    /** Writes {@code keys} (null: a tombstone) and waits for all in-sync replicas; the record's offset. */
    private long write(String contactId, ContactKeys keys) {
        try {
            Future<RecordMetadata> ack = producer.send(new ProducerRecord<>(topic, contactId, keys));
            return ack.get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (KafkaException e) {
            throw unavailable(contactId, e);
        } catch (ExecutionException e) {
            throw unavailable(contactId, e.getCause());
        } catch (TimeoutException e) {
            throw unavailable(contactId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(contactId, e);
        }
    }

    private ContactKeysUnavailableException unavailable(String contactId, Throwable cause) {
        return new ContactKeysUnavailableException("could not write the keys of contact " + contactId + " to " + topic
                + " within " + writeTimeout + ": " + cause, cause);
    }

    private Object lockOf(String contactId) {
        return locks[Math.floorMod(contactId.hashCode(), LOCK_STRIPES)];
    }
}
