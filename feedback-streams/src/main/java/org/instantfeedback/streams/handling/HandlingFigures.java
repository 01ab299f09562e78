package org.instantfeedback.streams.handling;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import org.instantfeedback.events.HandlingMetrics;
import org.instantfeedback.measures.Csat;

/**
 * The handling measures of one rolling window, as the query API shows them and
 * feedback.handling.v1 carries them: first response time, average response time, total handling
 * time, replies per conversation and service CSAT. An average is null when nothing was measured.
 * The open and overdue conversations are a count at one moment, not of a window: {@link QueueCounts}.
 */
public record HandlingFigures(String window, Instant windowEnd, int opened, int firstResponses,
                              Double firstResponseSecondsAverage, int responses, Double responseSecondsAverage,
                              int closed, Double handlingSecondsAverage, Double repliesPerConversation,
                              int serviceRatings, Double serviceCsatPercent, Double serviceRatingAverage) {

    static HandlingFigures of(HandlingSlice sum, Duration window, Instant windowEnd) {
        return new HandlingFigures(window.toString(), windowEnd, sum.opened, sum.firstResponses,
                average(sum.firstResponseSeconds, sum.firstResponses), sum.responses,
                average(sum.responseSeconds, sum.responses), sum.closed, average(sum.handlingSeconds, sum.closed),
                average(sum.replies, sum.closed), sum.serviceRatings,
                percent(sum.satisfiedRatings, sum.serviceRatings), average(sum.ratingSum, sum.serviceRatings));
    }

    /** A window in which nothing was measured. */
    public static HandlingFigures none(Duration window, Instant windowEnd) {
        return of(new HandlingSlice(), window, windowEnd);
    }

    /** Whether nothing at all was measured in the window. */
    public boolean measuredNothing() {
        return opened == 0 && firstResponses == 0 && responses == 0 && closed == 0 && serviceRatings == 0;
    }

    /** @param counts the open and overdue conversations at {@code windowEnd} */
    HandlingMetrics toAvro(HandlingKey key, Duration size, QueueCounts counts, Instant updatedAt) {
        return HandlingMetrics.newBuilder().setScope(key.scope()).setId(key.id())
                .setWindowSizeMillis(size.toMillis()).setWindowEnd(windowEnd).setOpened(opened)
                .setFirstResponses(firstResponses).setFirstResponseSecondsAverage(firstResponseSecondsAverage)
                .setResponses(responses).setResponseSecondsAverage(responseSecondsAverage).setClosed(closed)
                .setHandlingSecondsAverage(handlingSecondsAverage).setRepliesPerConversation(repliesPerConversation)
                .setServiceRatings(serviceRatings).setServiceCsatPercent(serviceCsatPercent)
                .setServiceRatingAverage(serviceRatingAverage).setOpenConversations(counts.open())
                .setOverdueConversations(counts.overdue()).setUpdatedAt(updatedAt).build();
    }

    private static Double percent(int satisfied, int rated) {
        OptionalDouble percent = Csat.percent(satisfied, rated);
        return percent.isPresent() ? percent.getAsDouble() : null;
    }

    private static Double average(long sum, int count) {
        return count == 0 ? null : Math.round(10.0 * sum / count) / 10.0;
    }
}
