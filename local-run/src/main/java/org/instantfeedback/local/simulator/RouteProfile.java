package org.instantfeedback.local.simulator;

import java.time.Duration;
import java.util.List;

/**
 * How passengers of one route feel: the share of satisfied passengers on a normal day and, for a
 * route having a bad day, the share once things go wrong, how many more of them write in, and what
 * they then write.
 *
 * @param weight            how much of the feedback is about this route on an ordinary day, relative to the others
 * @param badDayStartsAfter how long after the simulator starts the bad day begins; null for a good route
 * @param badDayVolume      how many times its usual amount of feedback the route gets on its bad day, on top
 *                          of the other routes' feedback: people who would not bother on an ordinary day
 *                          write in when things go wrong
 */
public record RouteProfile(
        String subject,
        double weight,
        double satisfiedShare,
        double badDaySatisfiedShare,
        Duration badDayStartsAfter,
        double badDayVolume,
        List<String> badDayComplaints) {

    public RouteProfile {
        if (weight <= 0 || badDayVolume <= 0) {
            throw new IllegalArgumentException("weight and bad-day volume must be positive, were " + weight + " and "
                    + badDayVolume);
        }
        badDayComplaints = List.copyOf(badDayComplaints);
    }

    public static RouteProfile goodRoute(String subject, double weight, double satisfiedShare) {
        return new RouteProfile(subject, weight, satisfiedShare, satisfiedShare, null, 1, List.of());
    }

    /** A route having a bad day with as much feedback as usual: only the mood changes. */
    public static RouteProfile badDay(String subject, double weight, double satisfiedShare,
            double badDaySatisfiedShare, Duration startsAfter, List<String> complaints) {
        return badDay(subject, weight, satisfiedShare, badDaySatisfiedShare, startsAfter, 1, complaints);
    }

    public static RouteProfile badDay(String subject, double weight, double satisfiedShare,
            double badDaySatisfiedShare, Duration startsAfter, double badDayVolume, List<String> complaints) {
        return new RouteProfile(subject, weight, satisfiedShare, badDaySatisfiedShare, startsAfter, badDayVolume,
                complaints);
    }

    double satisfiedShareAfter(Duration elapsed) {
        return isBadDayAt(elapsed) ? badDaySatisfiedShare : satisfiedShare;
    }

    /** The route's amount of feedback at that point, relative to the others' on an ordinary day. */
    double weightAfter(Duration elapsed) {
        return isBadDayAt(elapsed) ? weight * badDayVolume : weight;
    }

    boolean isBadDayAt(Duration elapsed) {
        return badDayStartsAfter != null && elapsed.compareTo(badDayStartsAfter) >= 0;
    }

    /**
     * The routes of the local run: most have an ordinary day, two have a bad one, with three times
     * their usual feedback, nearly all of it unhappy, and reports that call for someone at once
     * (threats, a passenger collapsing). Between them they open every kind of alert within a few
     * minutes under the local run's short baselines (see {@code LocalRun}).
     */
    public static List<RouteProfile> demoRoutes() {
        return List.of(
                goodRoute("route-12", 3, 0.86),
                goodRoute("route-31", 2, 0.85),
                goodRoute("X1", 2, 0.90),
                goodRoute("branch-central", 1, 0.75),
                badDay("route-42", 3, 0.82, 0.22, Duration.ofSeconds(45), 3, List.of(
                        "driver rude, shouted at me for asking",
                        "driver shouted at an old lady on the 42",
                        "42 skipped my stop again",
                        "driver on phone the whole way, felt unsafe",
                        "a man threatened passengers at the back of the bus",
                        "waited 25 min for the 42, then two came at once")),
                badDay("route-7", 2, 0.84, 0.30, Duration.ofSeconds(90), 3, List.of(
                        "route 7 cancelled again, missed my connection",
                        "still waiting at Elm St, no bus for 40 minutes",
                        "7 broke down, we were stranded for half an hour",
                        "bus 7 late again, app says on time",
                        "overcrowded 7, could not get on",
                        "someone collapsed on the 7, needed an ambulance")));
    }
}
