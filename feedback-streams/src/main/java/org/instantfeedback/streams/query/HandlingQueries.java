package org.instantfeedback.streams.query;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.instantfeedback.alerting.hierarchy.SubjectHierarchy;
import org.instantfeedback.streams.conversations.ConversationView;
import org.instantfeedback.streams.handling.HandlingFigures;
import org.instantfeedback.streams.handling.HandlingKey;
import org.instantfeedback.streams.handling.HandlingTopology;

/**
 * Answers the handling endpoints for the whole application: a key's figures and series from the
 * instance that holds it; a scope's list gathered from every instance, with each one's open and
 * overdue conversations counted from the conversations as they stand.
 */
public final class HandlingQueries {
    private static final TypeReference<List<HandlingView>> LIST = new TypeReference<>() { };
    private static final TypeReference<HandlingView> ONE = new TypeReference<>() { };

    private final StoreLocator locator;
    private final LocalHandling local;
    private final PeerClient peers;
    private final String sourceTopic;
    private final ConversationQueries conversations;
    private final SubjectHierarchy hierarchy;
    private final Clock clock;

    /** @param sourceTopic the repartition topic the slices are partitioned by ({@link HandlingTopology#repartitionTopic}) */
    public HandlingQueries(StoreLocator locator, LocalHandling local, PeerClient peers, String sourceTopic,
                           ConversationQueries conversations, SubjectHierarchy hierarchy, Clock clock) {
        this.locator = locator;
        this.local = local;
        this.peers = peers;
        this.sourceTopic = sourceTopic;
        this.conversations = conversations;
        this.hierarchy = hierarchy;
        this.clock = clock;
    }

    public LocalHandling local() {
        return local;
    }

    public Optional<HandlingView> one(HandlingKey key, Duration window, Instant at, String authorization) {
        Placement owner = locator.placementOf(HandlingTopology.SLICE_STORE, key.toString());
        return owner.local() ? local.one(key, window, at)
                : peers.get(owner.host(), InternalPaths.handling(key.toString(), window, at), ONE, authorization);
    }

    /** Every subject, group or ops user with figures in the window or conversations waiting now, by id. */
    public List<HandlingView> list(String scope, Duration window, String authorization) {
        Map<String, HandlingView> byId = new HashMap<>();
        for (Placement placement : locator.placementsOf(HandlingTopology.SLICE_STORE, sourceTopic)) {
            List<HandlingView> part = placement.local() ? local.all(scope, window, placement.partitions())
                    : peers.get(placement.host(), InternalPaths.handlingList(scope, window, placement.partitions()),
                    LIST, authorization).orElseThrow(() -> new QueryUnavailableException(
                    "the instance at " + placement.host() + " no longer has the handling figures"));
            part.forEach(view -> byId.put(view.id(), view));
        }
        Map<String, int[]> queues = queues(scope, conversations.list(new ConversationQueries.Filter(
                Set.of("open", "waiting"), null, null, null, ConversationQueries.Order.NEWEST), authorization));
        List<HandlingView> views = new ArrayList<>();
        Instant now = clock.instant();
        Set<String> ids = new TreeSet<>(byId.keySet());
        ids.addAll(queues.keySet());
        for (String id : ids) {
            HandlingView view = byId.getOrDefault(id,
                    new HandlingView(scope, id, HandlingFigures.none(window, now), List.of(), null, null));
            int[] queue = queues.getOrDefault(id, new int[2]);
            views.add(view.withQueue(queue[0], queue[1]));
        }
        views.sort(Comparator.comparing(HandlingView::id));
        return views;
    }

    /** Open and overdue conversations per id of the scope: [open, overdue]. */
    private Map<String, int[]> queues(String scope, List<ConversationView> waiting) {
        Map<String, int[]> queues = new HashMap<>();
        BiConsumer<String, ConversationView> count = (id, view) -> {
            int[] queue = queues.computeIfAbsent(id, key -> new int[2]);
            if ("open".equals(view.status())) {
                queue[0]++;
            }
            if (view.overdue()) {
                queue[1]++;
            }
        };
        for (ConversationView view : waiting) {
            switch (scope) {
                case HandlingKey.SUBJECT -> count.accept(view.subject(), view);
                case HandlingKey.GROUP -> hierarchy.groupsOf(view.subject()).forEach(group -> count.accept(group, view));
                default -> view.handledBy().forEach(user -> count.accept(user, view));
            }
        }
        return queues;
    }
}
