package org.instantfeedback.streams.handling;

import org.instantfeedback.measures.Csat;
import org.instantfeedback.streams.conversations.HandlingFact;

/**
 * What was measured of one subject's, group's or ops user's handling in one minute: counts and
 * sums, so that slices add up to any rolling window and averages are taken only at the end.
 */
public final class HandlingSlice {
    int opened;
    int firstResponses;
    long firstResponseSeconds;
    int responses;
    long responseSeconds;
    int closed;
    long handlingSeconds;
    int replies;
    int serviceRatings;
    int satisfiedRatings;
    long ratingSum;

    void add(HandlingFact fact) {
        switch (fact.kind()) {
            case OPENED -> opened++;
            case FIRST_RESPONSE -> {
                firstResponses++;
                firstResponseSeconds += fact.seconds();
            }
            case RESPONSE -> {
                responses++;
                responseSeconds += fact.seconds();
            }
            case CLOSED -> {
                closed++;
                handlingSeconds += fact.seconds();
                replies += fact.value();
            }
            case SERVICE_RATING -> {
                serviceRatings++;
                ratingSum += fact.value();
                if (Csat.isSatisfied(fact.value())) {
                    satisfiedRatings++;
                }
            }
        }
    }

    void addAll(HandlingSlice other) {
        opened += other.opened;
        firstResponses += other.firstResponses;
        firstResponseSeconds += other.firstResponseSeconds;
        responses += other.responses;
        responseSeconds += other.responseSeconds;
        closed += other.closed;
        handlingSeconds += other.handlingSeconds;
        replies += other.replies;
        serviceRatings += other.serviceRatings;
        satisfiedRatings += other.satisfiedRatings;
        ratingSum += other.ratingSum;
    }
}
