package org.instantfeedback.local.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Makes up the feedback passengers would send: which route, which star rating, and sometimes a
 * comment. Pure and seeded, so what it makes can be tested; {@link PassengerTrafficSimulator}
 * sends it.
 */
public final class PassengerTraffic {
    private static final List<String> PRAISE = List.of(
            "lovely driver, thank you", "on time and clean", "smooth ride today", "great service 5/5",
            "driver waited for me, very kind", "bus was spotless");
    private static final List<String> GRUMBLES = List.of(
            "a bit late", "bus was dirty", "too cold inside", "seats were sticky", "ticket machine broken",
            "no announcements of stops");
    private static final double COMMENT_SHARE = 0.4;

    private final List<RouteProfile> routes;
    private final double totalWeight;
    private final Random random;

    /** One piece of feedback as a passenger would submit it on the web form. */
    public record Submission(String subject, int rating, String comment, Instant occurredAt) {
    }

    public PassengerTraffic(List<RouteProfile> routes, long seed) {
        this.routes = List.copyOf(routes);
        this.totalWeight = routes.stream().mapToDouble(RouteProfile::weight).sum();
        this.random = new Random(seed);
    }

    /** The next submission, {@code elapsed} into the simulation; {@code now} is when it is sent. */
    public Submission next(Duration elapsed, Instant now) {
        RouteProfile route = pickRoute();
        boolean satisfied = random.nextDouble() < route.satisfiedShareAfter(elapsed);
        int rating = satisfied ? (random.nextDouble() < 0.55 ? 5 : 4) : 1 + random.nextInt(3);
        String comment = random.nextDouble() < COMMENT_SHARE ? comment(route, elapsed, satisfied) : null;
        // Feedback reaches us a little after the ride: SMS delays, people typing.
        Instant occurredAt = now.minusMillis(random.nextInt(20_000));
        return new Submission(route.subject(), rating, comment, occurredAt);
    }

    private RouteProfile pickRoute() {
        double pick = random.nextDouble() * totalWeight;
        for (RouteProfile route : routes) {
            pick -= route.weight();
            if (pick < 0) {
                return route;
            }
        }
        return routes.get(routes.size() - 1);
    }

    private String comment(RouteProfile route, Duration elapsed, boolean satisfied) {
        if (satisfied) {
            return oneOf(PRAISE);
        }
        if (route.isBadDayAt(elapsed) && !route.badDayComplaints().isEmpty()) {
            return oneOf(route.badDayComplaints());
        }
        return oneOf(GRUMBLES);
    }

    private String oneOf(List<String> texts) {
        return texts.get(random.nextInt(texts.size()));
    }
}
