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
