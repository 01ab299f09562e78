package org.instantfeedback.streams.query;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.instantfeedback.streams.handling.HandlingKey;
import org.instantfeedback.streams.handling.HandlingTopology;

/**
 * Answers the handling endpoints for the whole application: a key's figures and series from the
 * instance that holds it; a scope's list gathered from every instance. A key's open and overdue
 * conversations are counted where its figures are ({@link HandlingTopology#QUEUE_STORE}), so no
 * instance has to look through the conversations to answer.
 */
public final class HandlingQueries {
    private static final TypeReference<List<HandlingView>> LIST = new TypeReference<>() { };
    private static final TypeReference<HandlingView> ONE = new TypeReference<>() { };

    private final StoreLocator locator;
    private final LocalHandling local;
    private final PeerClient peers;
    private final String sourceTopic;

    /** @param sourceTopic the repartition topic the slices are partitioned by ({@link HandlingTopology#repartitionTopic}) */
    public HandlingQueries(StoreLocator locator, LocalHandling local, PeerClient peers, String sourceTopic) {
        this.locator = locator;
        this.local = local;
        this.peers = peers;
        this.sourceTopic = sourceTopic;
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
        List<HandlingView> views = new ArrayList<>();
        for (Placement placement : locator.placementsOf(HandlingTopology.SLICE_STORE, sourceTopic)) {
            views.addAll(placement.local() ? local.all(scope, window, placement.partitions())
                    : peers.get(placement.host(), InternalPaths.handlingList(scope, window, placement.partitions()),
                    LIST, authorization).orElseThrow(() -> new QueryUnavailableException(
                    "the instance at " + placement.host() + " no longer has the handling figures")));
        }
        views.sort(Comparator.comparing(HandlingView::id));
        return views;
    }
}
