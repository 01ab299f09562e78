package org.instantfeedback.streams.query;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.instantfeedback.alerting.hierarchy.SubjectHierarchy;
import org.instantfeedback.streams.conversations.ConversationIds;
import org.instantfeedback.streams.conversations.ConversationTopology;
import org.instantfeedback.streams.conversations.ConversationView;

/**
 * Answers the conversation endpoints for the whole application, as {@link QueryService} does for
 * figures and alerts: a conversation is read on the instance holding its contact, a list is
 * gathered from every instance and filtered and sorted here.
 */
public final class ConversationQueries {
    private static final TypeReference<List<ConversationView>> LIST = new TypeReference<>() { };
    private static final TypeReference<ConversationView> ONE = new TypeReference<>() { };

    /** How a list is ordered. */
    public enum Order {
        /** The conversation whose passenger wrote last first. */
        NEWEST,
        /** The passenger who has waited longest for an answer first; answered ones after, newest first. */
        OLDEST_UNANSWERED
    }

    /**
     * Which conversations a list holds; a null field does not filter.
     *
     * @param statuses open, waiting, closed
     * @param group    only conversations about a subject of this group
     * @param overdue  only those overdue (true) or not (false)
     */
    public record Filter(Set<String> statuses, String subject, String group, Boolean overdue, Order order) {
    }

    private final StoreLocator locator;
    private final LocalConversations local;
    private final PeerClient peers;
    private final String sourceTopic;
    private final SubjectHierarchy hierarchy;

    /**
     * @param sourceTopic the repartition topic the conversations store is partitioned by
     *                    ({@link ConversationTopology#repartitionTopic})
     */
    public ConversationQueries(StoreLocator locator, LocalConversations local, PeerClient peers, String sourceTopic,
                               SubjectHierarchy hierarchy) {
        this.locator = locator;
        this.local = local;
        this.peers = peers;
        this.sourceTopic = sourceTopic;
        this.hierarchy = hierarchy;
    }

    public LocalConversations local() {
        return local;
    }

    public List<ConversationView> list(Filter filter, String authorization) {
        List<ConversationView> all = gather(local::all,
                partitions -> InternalPaths.partitions(InternalPaths.CONVERSATIONS, partitions), authorization);
        Set<String> groupSubjects = filter.group() == null ? null : hierarchy.subjectsIn(filter.group());
        return all.stream()
                .filter(view -> filter.statuses() == null || filter.statuses().contains(view.status()))
                .filter(view -> filter.subject() == null || filter.subject().equals(view.subject()))
                .filter(view -> groupSubjects == null || groupSubjects.contains(view.subject()))
                .filter(view -> filter.overdue() == null || filter.overdue() == view.overdue())
                .sorted(order(filter.order()))
                .toList();
    }

    /**
     * The conversations, without messages, holding one of these messages (a passenger's SMS keeps
     * its feedback event id as message id), from every instance, newest first: where the examples
     * of an alert were written.
     */
    public List<ConversationView> holding(Set<String> messageIds, String authorization) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return gather(partitions -> local.holding(partitions, messageIds),
                partitions -> InternalPaths.conversationsHolding(partitions, messageIds), authorization).stream()
                .sorted(order(Order.NEWEST))
                .toList();
    }

    /** One conversation with its messages; empty when there is none (or it is no longer kept). */
    public Optional<ConversationView> one(String conversationId, String authorization) {
        Optional<String> contactId = ConversationIds.contactOf(conversationId);
        if (contactId.isEmpty()) {
            return Optional.empty();
        }
        Placement owner = locator.placementOf(ConversationTopology.STORE, contactId.get());
        return owner.local() ? local.one(conversationId)
                : peers.get(owner.host(), InternalPaths.conversation(conversationId), ONE, authorization);
    }

    private List<ConversationView> gather(Function<Set<Integer>, List<ConversationView>> localPart,
                                          Function<Set<Integer>, String> internalPath, String authorization) {
        List<ConversationView> all = new ArrayList<>();
        for (Placement placement : locator.placementsOf(ConversationTopology.STORE, sourceTopic)) {
            if (placement.local()) {
                all.addAll(localPart.apply(placement.partitions()));
            } else {
                all.addAll(peers.get(placement.host(), internalPath.apply(placement.partitions()), LIST,
                        authorization).orElseThrow(() -> new QueryUnavailableException(
                        "the instance at " + placement.host() + " no longer has the conversations")));
            }
        }
        return all;
    }

    private static Comparator<ConversationView> order(Order order) {
        Comparator<ConversationView> newest = Comparator.comparing(ConversationView::lastMessageAt).reversed()
                .thenComparing(ConversationView::conversationId);
        if (order != Order.OLDEST_UNANSWERED) {
            return newest;
        }
        return Comparator.comparing((ConversationView view) -> view.waitingSince() == null)
                .thenComparing(view -> view.waitingSince() == null ? Instant.MAX : view.waitingSince())
                .thenComparing(newest);
    }
}
