package org.instantfeedback.local.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How the local run's simulated ops (a program standing in for a customer-service team, not
 * people) work the inbox: how many of the passengers' messages they answer, and how long they take.
 *
 * @param answerShare share of passengers' messages answered, 0 to 1; 0 leaves every conversation to
 *                    you (and lets them become overdue)
 * @param longestWait each answer and each closing comes after a random wait of up to this
 */
public record OpsPace(double answerShare, Duration longestWait) {

    public OpsPace {
        Objects.requireNonNull(longestWait, "longestWait");
        if (answerShare < 0 || answerShare > 1) {
            throw new IllegalArgumentException("the share of messages simulated ops answer must be from 0 to 1, was "
                    + answerShare);
        }
        if (longestWait.isNegative() || longestWait.isZero()) {
            throw new IllegalArgumentException("simulated ops need a positive longest wait, was " + longestWait);
        }
    }
}
