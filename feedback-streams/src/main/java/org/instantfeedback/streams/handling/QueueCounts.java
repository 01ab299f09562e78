package org.instantfeedback.streams.handling;

import org.instantfeedback.streams.conversations.HandlingFact;

/**
 * How many of a subject's, group's or ops user's conversations wait for an answer right now
 * ({@code open}) and how many of those have waited longer than the answer limit ({@code overdue}):
 * running sums of the +1 and -1 that the changes of waiting bring, kept in
 * {@link HandlingTopology#QUEUE_STORE}. A count never goes below zero; as every start is matched by
 * one end of the same conversation, in order, it would only do so after a lost state.
 */
public record QueueCounts(int open, int overdue) {
    public static final QueueCounts NONE = new QueueCounts(0, 0);

    /** The counts after one change of waiting; the same counts for any other fact. */
    QueueCounts after(HandlingFact fact) {
        return switch (fact.kind()) {
            case WAITING_STARTED -> new QueueCounts(open + 1, overdue);
            case WAITING_ENDED -> new QueueCounts(Math.max(0, open - 1), overdue);
            case OVERDUE_STARTED -> new QueueCounts(open, overdue + 1);
            case OVERDUE_ENDED -> new QueueCounts(open, Math.max(0, overdue - 1));
            default -> this;
        };
    }

    /** Whether no conversation waits. */
    public boolean none() {
        return open == 0 && overdue == 0;
    }
}
