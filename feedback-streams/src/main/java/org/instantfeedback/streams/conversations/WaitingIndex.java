package org.instantfeedback.streams.conversations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The conversations whose passenger waits for an answer and has not yet been found overdue, by the
 * time their oldest unanswered message was written ({@value ConversationTopology#WAITING_STORE}):
 * finding the overdue ones is a range read up to "now minus the limit", not a scan of every contact.
 * Keys are {@code <19-digit epoch millis>|<conversationId>}, so they sort by time; values are contact ids.
 */
final class WaitingIndex {
    private final KeyValueStore<String, String> store;

    WaitingIndex(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /** Puts the conversation where it now belongs in the index (or out of it), after any change. */
    void update(String contactId, ConversationState conversation) {
        Instant wanted = conversation.overdueSignalled ? null : conversation.waitingSince;
        if (wanted == null ? conversation.indexedWaitingSince == null : wanted.equals(conversation.indexedWaitingSince)) {
            return;
        }
        if (conversation.indexedWaitingSince != null) {
            store.delete(key(conversation.indexedWaitingSince, conversation.conversationId));
        }
        if (wanted != null) {
            store.put(key(wanted, conversation.conversationId), contactId);
        }
        conversation.indexedWaitingSince = wanted;
    }

    void remove(ConversationState conversation) {
        if (conversation.indexedWaitingSince != null) {
            store.delete(key(conversation.indexedWaitingSince, conversation.conversationId));
            conversation.indexedWaitingSince = null;
        }
    }

    /** Entries for messages written at or before {@code writtenBy}: the conversations now overdue. */
    List<Entry> writtenBy(Instant writtenBy) {
        List<Entry> overdue = new ArrayList<>();
        try (KeyValueIterator<String, String> range = store.range(null, key(writtenBy, "\uffff"))) {
            while (range.hasNext()) {
                KeyValue<String, String> entry = range.next();
                overdue.add(new Entry(entry.key, entry.key.substring(entry.key.indexOf('|') + 1), entry.value));
            }
        }
        return overdue;
    }

    /** Drops an entry whose conversation no longer waits, or is no longer kept. */
    void drop(Entry entry) {
        store.delete(entry.key());
    }

    record Entry(String key, String conversationId, String contactId) {
    }

    private static String key(Instant writtenAt, String conversationId) {
        return String.format("%019d|%s", writtenAt.toEpochMilli(), conversationId);
    }
}
