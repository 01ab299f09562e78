package org.instantfeedback.local.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassengerTrafficTest {
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void a_route_having_a_bad_day_gets_far_lower_ratings_once_it_starts() {
        RouteProfile route = RouteProfile.badDay("route-42", 1, 0.85, 0.2, Duration.ofMinutes(1),
                List.of("driver rude"));
        PassengerTraffic traffic = new PassengerTraffic(List.of(route), 42);

        double before = satisfiedShare(traffic, Duration.ZERO);
        double during = satisfiedShare(traffic, Duration.ofMinutes(2));

        assertThat(before).isBetween(0.8, 0.9);
        assertThat(during).isBetween(0.15, 0.25);
    }

    @Test
    void a_bad_day_brings_more_feedback_about_the_route_on_top_of_everyone_elses() {
        RouteProfile bad = RouteProfile.badDay("route-42", 1, 0.85, 0.2, Duration.ofMinutes(1), 3,
                List.of("driver rude"));
        RouteProfile good = RouteProfile.goodRoute("route-12", 1, 0.85);
        PassengerTraffic traffic = new PassengerTraffic(List.of(bad, good), 5);

        int ordinaryTicks = 2000;
        long ordinary = 0;
        long badDay = 0;
        long badDayAboutRoute42 = 0;
        for (int i = 0; i < ordinaryTicks; i++) {
            ordinary += traffic.submissionsAt(Duration.ZERO);
            int submissions = traffic.submissionsAt(Duration.ofMinutes(2));
            badDay += submissions;
            for (int j = 0; j < submissions; j++) {
                badDayAboutRoute42 += traffic.next(Duration.ofMinutes(2), NOW).subject().equals("route-42") ? 1 : 0;
            }
        }

        assertThat(ordinary).isEqualTo(ordinaryTicks);
        // route-42 three times its half, route-12 its usual half: twice the feedback, three quarters about route-42
        assertThat((double) badDay / ordinaryTicks).isBetween(1.9, 2.1);
        assertThat((double) badDayAboutRoute42 / badDay).isBetween(0.72, 0.78);
    }

    @Test
    void replays_ten_minutes_of_history_at_the_default_rate_and_no_more_than_2400_feedback_at_higher_ones() {
        assertThat(PassengerTrafficSimulator.history(4)).isEqualTo(Duration.ofMinutes(10));
        assertThat(PassengerTrafficSimulator.history(1)).isEqualTo(Duration.ofMinutes(10));
        assertThat(PassengerTrafficSimulator.history(25)).isEqualTo(Duration.ofSeconds(96));
    }

    @Test
    void makes_ratings_on_the_five_point_scale_shortly_before_now() {
        PassengerTraffic traffic = new PassengerTraffic(RouteProfile.demoRoutes(), 7);

        List<PassengerTraffic.Submission> submissions = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            submissions.add(traffic.next(Duration.ZERO, NOW));
        }

        assertThat(submissions).allSatisfy(s -> {
            assertThat(s.rating()).isBetween(1, 5);
            assertThat(s.occurredAt()).isBetween(NOW.minusSeconds(20), NOW);
        });
        assertThat(submissions).extracting(PassengerTraffic.Submission::subject)
                .containsAll(RouteProfile.demoRoutes().stream().map(RouteProfile::subject).toList());
        assertThat(submissions).filteredOn(s -> s.comment() != null).hasSizeBetween(300, 500);
    }

    @Test
    void numbered_routes_also_hear_from_passengers_by_sms_with_the_rating_in_the_text() {
        PassengerTraffic traffic = new PassengerTraffic(RouteProfile.demoRoutes(), 11);

        List<PassengerTraffic.Submission> texts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            PassengerTraffic.Submission submission = traffic.next(Duration.ZERO, NOW);
            if (submission.bySms()) {
                texts.add(submission);
            }
        }

        assertThat(texts).hasSizeBetween(250, 450).allSatisfy(sms -> {
            assertThat(sms.subject()).matches("route-\\d+");
            assertThat(sms.smsText()).startsWith(sms.rating() + "/5 route " + sms.subject().substring(6));
            assertThat(sms.senderNumber()).matches("\\+447700900\\d{3}");
        });
        // many passengers, so alerts that need several distinct senders can be seen in the local run
        assertThat(texts.stream().map(PassengerTraffic.Submission::senderNumber).distinct().count()).isGreaterThan(50);
    }

    @Test
    void a_few_passengers_text_through_twilio_from_a_small_pool_of_numbers_of_their_own() {
        PassengerTraffic traffic = new PassengerTraffic(RouteProfile.demoRoutes(), 13);

        List<PassengerTraffic.Submission> submissions = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            submissions.add(traffic.next(Duration.ZERO, NOW));
        }

        List<PassengerTraffic.Submission> twilio = submissions.stream()
                .filter(s -> s.channel() == PassengerTraffic.Channel.TWILIO_SMS).toList();
        assertThat(twilio).hasSizeBetween(80, 200).allSatisfy(sms -> {
            assertThat(sms.bySms()).isTrue();
            assertThat(sms.senderNumber()).matches("\\+4477009004[01]\\d");
        });
        assertThat(twilio.stream().map(PassengerTraffic.Submission::senderNumber).distinct().count())
                .isLessThanOrEqualTo(PassengerTraffic.TWILIO_PASSENGERS);
        assertThat(submissions).filteredOn(s -> s.channel() == PassengerTraffic.Channel.SMS_GATEWAY)
                .allSatisfy(sms -> assertThat(sms.senderNumber()).doesNotMatch("\\+4477009004[01]\\d"));
    }

    private static double satisfiedShare(PassengerTraffic traffic, Duration elapsed) {
        int satisfied = 0;
        int total = 2000;
        for (int i = 0; i < total; i++) {
            if (traffic.next(elapsed, NOW).rating() >= 4) {
                satisfied++;
            }
        }
        return (double) satisfied / total;
    }
}
