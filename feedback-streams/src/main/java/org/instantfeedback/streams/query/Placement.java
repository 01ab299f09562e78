package org.instantfeedback.streams.query;

import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Where partitions of a store are active: on this instance ({@code local}) or on the instance
 * answering at {@code host}.
 */
public record Placement(HostInfo host, boolean local, Set<Integer> partitions) {
    public Placement {
        partitions = Set.copyOf(partitions);
    }
}
