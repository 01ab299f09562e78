package org.instantfeedback.contacts;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.instantfeedback.events.ContactKeys;
import org.instantfeedback.events.WrappedContactKey;

/**
 * The data keys this process made lately, so that it notices when another process's write of the
 * same contact hid one of them. Two processes that make a contact's first key in the same moment
 * each write a record with only their own key; the topic keeps the last, and the addresses sealed
 * with the other key would never open. The process whose key is missing writes the union.
 *
 * <p>Keys are watched for a while only, on the monotonic clock (not the callers' business time).
 */
final class RecentKeys {
    private record Made(String contactId, WrappedContactKey key, long madeAtNanos) {
    }

    private final long watchNanos;
    private final LongSupplier nanoTime;
    private final Map<String, List<Made>> byContact = new HashMap<>();
    private final Deque<Made> oldestFirst = new ArrayDeque<>();

    RecentKeys(Duration watch, LongSupplier nanoTime) {
        this.watchNanos = watch.toNanos();
        this.nanoTime = nanoTime;
    }

    synchronized void remember(String contactId, WrappedContactKey key) {
        pruneOld();
        Made made = new Made(contactId, key, nanoTime.getAsLong());
        byContact.computeIfAbsent(contactId, id -> new ArrayList<>()).add(made);
        oldestFirst.addLast(made);
    }

    /** Stops watching one key, as when it was never stored. */
    synchronized void drop(String contactId, String keyId) {
        List<Made> made = byContact.get(contactId);
        if (made != null) {
            made.removeIf(entry -> entry.key().getKeyId().equals(keyId));
            if (made.isEmpty()) {
                byContact.remove(contactId);
            }
        }
        oldestFirst.removeIf(entry -> entry.contactId().equals(contactId) && entry.key().getKeyId().equals(keyId));
    }

    /** Stops watching a contact's keys: it was erased, and erasure wins. */
    synchronized void forget(String contactId) {
        if (byContact.remove(contactId) != null) {
            oldestFirst.removeIf(entry -> entry.contactId().equals(contactId));
        }
    }

    /** The keys made here lately for the record's contact that the record lacks, oldest first. */
    synchronized List<WrappedContactKey> missingFrom(ContactKeys record) {
        pruneOld();
        List<Made> made = byContact.get(record.getContactId());
        if (made == null) {
            return List.of();
        }
        Set<String> present = record.getKeys().stream().map(WrappedContactKey::getKeyId).collect(Collectors.toSet());
        return made.stream().map(Made::key).filter(key -> !present.contains(key.getKeyId())).toList();
    }

    private void pruneOld() {
        long now = nanoTime.getAsLong();
        while (!oldestFirst.isEmpty() && now - oldestFirst.peekFirst().madeAtNanos() > watchNanos) {
            Made old = oldestFirst.removeFirst();
            List<Made> made = byContact.get(old.contactId());
            if (made != null) {
                made.remove(old);
                if (made.isEmpty()) {
                    byContact.remove(old.contactId());
                }
            }
        }
    }
}
