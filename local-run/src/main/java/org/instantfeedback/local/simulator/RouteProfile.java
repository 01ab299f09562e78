package org.instantfeedback.local.simulator;

import java.time.Duration;
import java.util.List;

/**
 * How passengers of one route feel: the share of satisfied passengers on a normal day and, for a
 * route having a bad day, the share once things go wrong and what people then write.
 *
 * @param badDayStartsAfter how long after the simulator starts the bad day begins; null for a good route
 */
public record RouteProfile(
        String subject,
        double weight,
        double satisfiedShare,
        double badDaySatisfiedShare,
        Duration badDayStartsAfter,
        List<String> badDayComplaints) {

    public static RouteProfile goodRoute(String subject, double weight, double satisfiedShare) {
        return new RouteProfile(subject, weight, satisfiedShare, satisfiedShare, null, List.of());
    }

    public static RouteProfile badDay(String subject, double weight, double satisfiedShare,
            double badDaySatisfiedShare, Duration startsAfter, List<String> complaints) {
        return new RouteProfile(subject, weight, satisfiedShare, badDaySatisfiedShare, startsAfter, complaints);
    }

    double satisfiedShareAfter(Duration elapsed) {
        return isBadDayAt(elapsed) ? badDaySatisfiedShare : satisfiedShare;
    }

    boolean isBadDayAt(Duration elapsed) {
        return badDayStartsAfter != null && elapsed.compareTo(badDayStartsAfter) >= 0;
    }

    /** The routes of the local run: most have an ordinary day, two have a bad one. */
    public static List<RouteProfile> demoRoutes() {
        return List.of(
                goodRoute("route-12", 3, 0.86),
                goodRoute("route-31", 2, 0.80),
                goodRoute("X1", 2, 0.90),
                goodRoute("branch-central", 1, 0.75),
                badDay("route-42", 3, 0.82, 0.22, Duration.ofSeconds(45), List.of(
                        "driver rude, shouted at me for asking",
                        "driver shouted at an old lady on the 42",
                        "42 skipped my stop again",
                        "driver on phone the whole way, felt unsafe",
                        "a man threatened passengers at the back of the bus",
                        "waited 25 min for the 42, then two came at once")),
                badDay("route-7", 2, 0.78, 0.30, Duration.ofSeconds(90), List.of(
                        "route 7 cancelled again, missed my connection",
                        "still waiting at Elm St, no bus for 40 minutes",
                        "7 broke down, we were stranded for half an hour",
                        "bus 7 late again, app says on time",
                        "overcrowded 7, could not get on",
                        "someone collapsed on the 7, needed an ambulance")));
    }
}
