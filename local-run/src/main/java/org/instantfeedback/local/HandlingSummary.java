package org.instantfeedback.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The handling figures of every subject added up into one line of the local run's output: first
 * response, response and handling times (averages weighted by how many each subject measured),
 * service CSAT, and the conversations open and overdue now. Reads the entries of
 * {@code GET /v1/handling?scope=subject}; a subject counts each conversation once, so the sums hold.
 */
final class HandlingSummary {
    private double firstResponseSeconds;
    private long firstResponses;
    private double responseSeconds;
    private long responses;
    private double handlingSeconds;
    private long closed;
    private double satisfiedRatings;
    private long serviceRatings;
    private long open;
    private long overdue;

    private HandlingSummary() {
    }

    static HandlingSummary of(JsonNode entries) {
        HandlingSummary sum = new HandlingSummary();
        for (JsonNode entry : entries) {
            JsonNode current = entry.path("current");
            sum.firstResponses += current.path("firstResponses").asLong();
            sum.firstResponseSeconds += weighted(current, "firstResponseSecondsAverage", "firstResponses");
            sum.responses += current.path("responses").asLong();
            sum.responseSeconds += weighted(current, "responseSecondsAverage", "responses");
            sum.closed += current.path("closed").asLong();
            sum.handlingSeconds += weighted(current, "handlingSecondsAverage", "closed");
            sum.serviceRatings += current.path("serviceRatings").asLong();
            sum.satisfiedRatings += weighted(current, "serviceCsatPercent", "serviceRatings") / 100;
            sum.open += entry.path("openConversations").asLong();
            sum.overdue += entry.path("overdueConversations").asLong();
        }
        return sum;
    }

    /** Whether any first response was measured: what shows that ops answer at all. */
    boolean hasFirstResponse() {
        return firstResponses > 0;
    }

    String line() {
        return String.join(" | ",
                "first response " + seconds(firstResponseSeconds, firstResponses) + " (" + firstResponses + ")",
                "response " + seconds(responseSeconds, responses) + " (" + responses + ")",
                "handling " + seconds(handlingSeconds, closed) + " (" + closed + " closed)",
                "service CSAT " + (serviceRatings == 0 ? "-" : String.format(Locale.ROOT, "%.1f %%",
                        100 * satisfiedRatings / serviceRatings)) + " (" + serviceRatings + " ratings)",
                open + " open, " + overdue + " overdue");
    }

    private static double weighted(JsonNode figures, String average, String count) {
        JsonNode value = figures.path(average);
        return value.isNumber() ? value.asDouble() * figures.path(count).asLong() : 0;
    }

    private static String seconds(double total, long count) {
        if (count == 0) {
            return "-";
        }
        long average = Math.round(total / count);
        return average < 60 ? average + " s" : String.format(Locale.ROOT, "%d min %02d s", average / 60, average % 60);
    }
}
