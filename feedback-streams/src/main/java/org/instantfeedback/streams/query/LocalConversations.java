package org.instantfeedback.streams.query;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.instantfeedback.streams.conversations.ContactThread;
import org.instantfeedback.streams.conversations.ConversationIds;
import org.instantfeedback.streams.conversations.ConversationTopology;
import org.instantfeedback.streams.conversations.ConversationView;

/** Reads this instance's part of the conversations store, as {@link LocalReads} does for figures and alerts. */
public final class LocalConversations {
    private final StoreLocator locator;
    private final Clock clock;
    private final Duration answerWithin;

    public LocalConversations(StoreLocator locator, Clock clock, Duration answerWithin) {
        this.locator = locator;
        this.clock = clock;
        this.answerWithin = answerWithin;
    }

    /** Every kept conversation of the given partitions, without messages. */
    public List<ConversationView> all(Set<Integer> partitions) {
        return each(partitions, thread -> thread.summaries(clock.instant(), answerWithin));
    }

    /** The kept conversations of the given partitions holding one of these messages, without messages. */
    public List<ConversationView> holding(Set<Integer> partitions, Set<String> messageIds) {
        return each(partitions, thread -> thread.summariesHolding(messageIds, clock.instant(), answerWithin));
    }

    private List<ConversationView> each(Set<Integer> partitions, Function<ContactThread, List<ConversationView>> read) {
        List<ConversationView> views = new ArrayList<>();
        for (int partition : partitions) {
            try (KeyValueIterator<String, ContactThread> all = store(partition).all()) {
                while (all.hasNext()) {
                    KeyValue<String, ContactThread> entry = all.next();
                    views.addAll(read.apply(entry.value));
                }
            }
        }
        return views;
    }

    /** One conversation with its messages; empty when this instance holds its contact but not it. */
    public Optional<ConversationView> one(String conversationId) {
        String contactId = ConversationIds.contactOf(conversationId).orElse(conversationId);
        Placement placement = locator.placementOf(ConversationTopology.STORE, contactId);
        if (!placement.local()) {
            throw new QueryUnavailableException("'" + conversationId + "' moved to " + placement.host()
                    + " while it was asked for");
        }
        ContactThread thread = store(placement.partitions().iterator().next()).get(contactId);
        return thread == null ? Optional.empty() : thread.view(conversationId, clock.instant(), answerWithin);
    }

    private ReadOnlyKeyValueStore<String, ContactThread> store(int partition) {
        return locator.localStore(ConversationTopology.STORE, QueryableStoreTypes.keyValueStore(), partition);
    }
}
