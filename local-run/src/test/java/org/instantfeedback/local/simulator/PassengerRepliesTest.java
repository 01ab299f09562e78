package org.instantfeedback.local.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PassengerRepliesTest {
    private static final String QUESTION = "How did we do? Reply 1-5 (5 = very good).";

    @Test
    void most_passengers_rate_the_service_with_a_digit_when_asked_the_follow_up_question() {
        PassengerReplies replies = new PassengerReplies(QUESTION, 3);

        List<String> ratings = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            replies.to(QUESTION).ifPresent(reply -> ratings.add(reply.text()));
        }

        assertThat(ratings).hasSizeBetween(750, 850).allSatisfy(rating -> assertThat(rating).matches("[1-5]"));
        assertThat((double) ratings.stream().filter(rating -> rating.compareTo("4") >= 0).count() / ratings.size())
                .as("share of answered passengers who rate the service 4 or 5").isBetween(0.6, 0.8);
    }

    @Test
    void some_passengers_thank_ops_for_an_answer_or_say_they_are_still_waiting() {
        PassengerReplies replies = new PassengerReplies(QUESTION, 5);

        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            replies.to("Sorry about this. We've passed it to the route manager.").ifPresent(r -> texts.add(r.text()));
        }

        assertThat(texts).hasSizeBetween(280, 420).noneMatch(text -> text.matches("[1-5]"));
        assertThat(texts).anyMatch(text -> text.contains("thank")).anyMatch(text -> text.contains("still"));
    }

    @Test
    void passengers_write_back_within_a_few_seconds() {
        PassengerReplies replies = new PassengerReplies(QUESTION, 7);

        List<Duration> pauses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Optional<PassengerReplies.Reply> reply = replies.to(QUESTION);
            reply.ifPresent(r -> pauses.add(r.after()));
        }

        assertThat(pauses).isNotEmpty()
                .allSatisfy(pause -> assertThat(pause).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(15)));
    }
}
