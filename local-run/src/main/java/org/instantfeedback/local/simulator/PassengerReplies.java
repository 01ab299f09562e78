package org.instantfeedback.local.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * What a simulated passenger texts back when ops' SMS reaches them: most rate the service when
 * asked the follow-up question (a digit, mostly a good one), some thank ops for an answer, and some
 * say they are still waiting. Pure and seeded, so what it decides can be tested;
 * {@link PassengersWritingBack} sends it.
 */
public final class PassengerReplies {
    private static final double RATES_WHEN_ASKED = 0.8;
    private static final double WRITES_BACK_TO_AN_ANSWER = 0.35;
    private static final double THANKS_SHARE = 0.7;
    /** Service ratings 1 to 5, weighted: a passenger who was answered mostly rates it well. */
    private static final int[] RATING_WEIGHTS = {5, 10, 15, 30, 40};
    private static final List<String> THANKS = List.of("thanks", "ok thank you", "great, thanks for answering",
            "cheers");
    private static final List<String> STILL_WAITING = List.of("still waiting", "still waiting at the stop",
            "that doesn't help, still no bus");
    /** Passengers take a few seconds to a quarter of a minute to answer. */
    private static final int SHORTEST_PAUSE_MILLIS = 3_000;
    private static final int LONGEST_PAUSE_MILLIS = 15_000;

    /** A passenger's next text, and how long after ops' SMS they send it. */
    public record Reply(String text, Duration after) {
    }

    private final String followUpQuestion;
    private final Random random;

    /** @param followUpQuestion the text ops' follow-up question arrives with; a digit answers it */
    public PassengerReplies(String followUpQuestion, long seed) {
        this.followUpQuestion = followUpQuestion.strip();
        this.random = new Random(seed);
    }

    /** What the passenger texts back to {@code received}, if anything. */
    public synchronized Optional<Reply> to(String received) {
        if (received.strip().equals(followUpQuestion)) {
            return random.nextDouble() < RATES_WHEN_ASKED ? Optional.of(reply(Integer.toString(rating())))
                    : Optional.empty();
        }
        if (random.nextDouble() >= WRITES_BACK_TO_AN_ANSWER) {
            return Optional.empty();
        }
        return Optional.of(reply(oneOf(random.nextDouble() < THANKS_SHARE ? THANKS : STILL_WAITING)));
    }

    private Reply reply(String text) {
        return new Reply(text, Duration.ofMillis(SHORTEST_PAUSE_MILLIS
                + random.nextInt(LONGEST_PAUSE_MILLIS - SHORTEST_PAUSE_MILLIS + 1)));
    }

    private int rating() {
        int pick = random.nextInt(100);
        for (int rating = 1; rating <= RATING_WEIGHTS.length; rating++) {
            pick -= RATING_WEIGHTS[rating - 1];
            if (pick < 0) {
                return rating;
            }
        }
        return RATING_WEIGHTS.length;
    }

    private String oneOf(List<String> texts) {
        return texts.get(random.nextInt(texts.size()));
    }
}
