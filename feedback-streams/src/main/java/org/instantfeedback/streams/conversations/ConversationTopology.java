package org.instantfeedback.streams.conversations;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.instantfeedback.alerting.ConversationWaiting;
import org.instantfeedback.alerting.hierarchy.SubjectHierarchy;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.FeedbackScored;
import org.instantfeedback.streams.feedback.EventSerdes;
import org.instantfeedback.streams.state.JsonSerde;

/**
 * Conversations with passengers: every scored feedback that came with an address to answer (SMS,
 * and web ratings whose sender left a number), ops' actions from
 * {@code feedback.conversation-actions.v1} and the delivery news on {@code feedback.reply-status.v1}
 * meet on one repartition topic keyed by contactId ({@value #BY_CONTACT}), so a contact's
 * conversations live in one task ({@value #STORE}) and change in the order things happened there.
 * Publishes each conversation as it stands on the compacted {@code feedback.conversations.v1}, the
 * SMS to send on {@code feedback.replies.v1}, the tombstone of an erased contact's keys on
 * {@code feedback.contact-keys.v1}, actions it cannot apply on {@code feedback.deadletter.v1}, and
 * what it measures of the handling (openings, answers, closings, ratings, passengers starting and
 * stopping to wait) for the handling figures.
 *
 * <p>Actions and statuses go through the repartition too (they are few), so their topics may have
 * any number of partitions.
 */
public final class ConversationTopology {
    public static final String STORE = "conversations.v1";
    /** The conversations waiting for an answer by when the passenger wrote ({@link WaitingIndex}). */
    public static final String WAITING_STORE = "conversations.waiting.v1";
    /** The repartition topic is {@code <application.id>-conversations.by-contact.v1-repartition}. */
    public static final String BY_CONTACT = "conversations.by-contact.v1";
    private static final String ACTIONS_SOURCE = "conversations.actions.source.v1";
    private static final String STATUS_SOURCE = "conversations.reply-status.source.v1";
    private static final String OUTPUTS = "conversations.outputs.v1-";
    private static final String SNAPSHOTS = "snapshots";
    private static final String REPLIES = "replies";
    private static final String ERASURES = "erasures";
    private static final String FACTS = "facts";
    private static final String WAITING = "waiting";
    private static final String REJECTED = "rejected";

    private ConversationTopology() {
    }

    /** The name of the repartition topic, whose partitions are the store's. */
    public static String repartitionTopic(String applicationId) {
        return applicationId + "-" + BY_CONTACT + "-repartition";
    }

    /**
     * What the conversations hand on: the handling facts they measure (for {@code HandlingTopology})
     * and, keyed by subject, the passengers who start or stop waiting too long (for the unanswered alert).
     */
    public record Outputs(KStream<String, HandlingFact> facts, KStream<String, ConversationWaiting> waiting) {
    }

    /** @param hierarchy the groups a waiting conversation is counted in, besides its subject */
    public static Outputs addTo(StreamsBuilder builder, KStream<String, FeedbackScored> scored,
                                ConversationSettings settings, SubjectHierarchy hierarchy, EventSerdes serdes) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                JsonSerde.of(ContactThread.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WAITING_STORE),
                Serdes.String(), Serdes.String()));
        Serde<ConversationInput> inputSerde = JsonSerde.of(ConversationInput.class);
        KStream<String, ConversationInput> messages = scored
                .filter((subject, event) -> event.getFeedback().getReplyTo() != null,
                        Named.as("conversations.answerable.v1"))
                .map((subject, event) -> KeyValue.pair(event.getFeedback().getReplyTo().getContactId(),
                        ConversationInput.of(InboundMessage.of(event))), Named.as("conversations.to-messages.v1"));
        KStream<String, ConversationInput> actions = builder.stream(Topics.CONVERSATION_ACTIONS,
                        Consumed.with(Serdes.String(), Serdes.String()).withName(ACTIONS_SOURCE))
                // A record without a key cannot be repartitioned; keyed "" it reaches Converse, which dead-letters it.
                .map((contactId, json) -> KeyValue.pair(contactId == null ? "" : contactId,
                        ConversationInput.action(json)), Named.as("conversations.to-actions.v1"));
        KStream<String, ConversationInput> deliveries = builder.stream(Topics.REPLY_STATUS,
                        Consumed.with(Serdes.String(), serdes.replyStatus()).withName(STATUS_SOURCE))
                .filter((key, status) -> status != null, Named.as("conversations.statuses.v1"))
                .map((key, status) -> KeyValue.pair(status.getContactId(),
                        ConversationInput.of(DeliveryUpdate.of(status))), Named.as("conversations.to-deliveries.v1"));
        KStream<String, ConversationOutput> outputs = messages
                .merge(actions, Named.as("conversations.merge-actions.v1"))
                .merge(deliveries, Named.as("conversations.merge-deliveries.v1"))
                .repartition(Repartitioned.with(Serdes.String(), inputSerde).withName(BY_CONTACT))
                .process(() -> new Converse(settings, hierarchy), Named.as("conversations.converse.v1"), STORE, WAITING_STORE);
        return publish(outputs, serdes);
    }

    private static Outputs publish(KStream<String, ConversationOutput> outputs, EventSerdes serdes) {
        Map<String, KStream<String, ConversationOutput>> byKind = outputs.split(Named.as(OUTPUTS))
                .branch((key, out) -> out instanceof ConversationOutput.Snapshot, Branched.as(SNAPSHOTS))
                .branch((key, out) -> out instanceof ConversationOutput.Reply, Branched.as(REPLIES))
                .branch((key, out) -> out instanceof ConversationOutput.EraseKeys, Branched.as(ERASURES))
                .branch((key, out) -> out instanceof ConversationOutput.Fact, Branched.as(FACTS))
                .branch((key, out) -> out instanceof ConversationOutput.Waiting, Branched.as(WAITING))
                .defaultBranch(Branched.as(REJECTED));
        byKind.get(OUTPUTS + SNAPSHOTS)
                .mapValues(out -> ((ConversationOutput.Snapshot) out).conversation(),
                        Named.as("conversations.to-snapshots.v1"))
                .to(Topics.CONVERSATIONS, Produced.with(Serdes.String(), serdes.conversations())
                        .withName("conversations.snapshots.sink.v1"));
        byKind.get(OUTPUTS + REPLIES)
                .mapValues(out -> ((ConversationOutput.Reply) out).reply(), Named.as("conversations.to-replies.v1"))
                .to(Topics.REPLIES, Produced.with(Serdes.String(), serdes.replies())
                        .withName("conversations.replies.sink.v1"));
        byKind.get(OUTPUTS + ERASURES)
                .mapValues(out -> (byte[]) null, Named.as("conversations.to-key-tombstones.v1"))
                .to(Topics.CONTACT_KEYS, Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName("conversations.key-tombstones.sink.v1"));
        byKind.get(OUTPUTS + REJECTED)
                .mapValues(out -> ((ConversationOutput.Rejected) out).json(), Named.as("conversations.to-rejected.v1"))
                .to(Topics.DEAD_LETTER, Produced.with(Serdes.String(), Serdes.String())
                        .withName("conversations.rejected.sink.v1"));
        return new Outputs(byKind.get(OUTPUTS + FACTS)
                .mapValues(out -> ((ConversationOutput.Fact) out).fact(), Named.as("conversations.to-facts.v1")),
                byKind.get(OUTPUTS + WAITING).mapValues(out -> ((ConversationOutput.Waiting) out).waiting(),
                        Named.as("conversations.to-waiting.v1")));
    }
}
