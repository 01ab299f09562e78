package org.instantfeedback.local.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** Share of a numbered route's feedback that comes by SMS rather than the web form. */
    private static final double SMS_SHARE = 0.5;
    /** Share of the SMS that come through Twilio's webhook rather than the generic gateway. */
    private static final double TWILIO_SHARE = 0.2;
    private static final int PASSENGERS_PER_ROUTE = 60;
    /**
     * The passengers who text through Twilio: a few, so that each keeps one conversation going and
     * ops' answers to them (and their answers back) are easy to follow. Numbers +447700900400 to 419,
     * apart from the gateway's passengers (000 to 359).
     */
    static final int TWILIO_PASSENGERS = 20;
    private static final int FIRST_TWILIO_PASSENGER = 400;
    private static final Pattern NUMBERED_ROUTE = Pattern.compile("route-(\\d{1,5})");

    private final List<RouteProfile> routes;
    private final double usualWeight;
    private final Random random;

    /** How a passenger's feedback reaches ingest. */
    public enum Channel {
        WEB_FORM,
        /** {@code POST /v1/sms}, as a generic SMS gateway forwards a text. */
        SMS_GATEWAY,
        /** {@code POST /v1/sms/twilio}, Twilio's signed webhook. */
        TWILIO_SMS
    }

    /**
     * One piece of feedback as a passenger would send it: on the web form, or by SMS from their
     * phone (numbers from the range reserved for drama, +44 7700 900xxx, so no real person's).
     */
    public record Submission(String subject, int rating, String comment, Instant occurredAt, String senderNumber,
            Channel channel) {

        public boolean bySms() {
            return channel != Channel.WEB_FORM;
        }

        /** The text a passenger would type: rating first, then the route, then what they think. */
        public String smsText() {
            Matcher route = NUMBERED_ROUTE.matcher(subject);
            String where = route.matches() ? "route " + route.group(1) : subject;
            return rating + "/5 " + where + (comment == null ? "" : " - " + comment);
        }
    }

    public PassengerTraffic(List<RouteProfile> routes, long seed) {
        this.routes = List.copyOf(routes);
        this.usualWeight = routes.stream().mapToDouble(RouteProfile::weight).sum();
        this.random = new Random(seed);
    }

    /**
     * How many submissions to send at one tick of the usual rate, {@code elapsed} into the
     * simulation: one on an ordinary day; more while routes have bad days, since their extra
     * feedback comes on top of everyone else's (on average the combined volume, e.g. 1.5 gives 1 or 2).
     */
    public int submissionsAt(Duration elapsed) {
        double volume = routes.stream().mapToDouble(route -> route.weightAfter(elapsed)).sum() / usualWeight;
        int whole = (int) volume;
        return whole + (random.nextDouble() < volume - whole ? 1 : 0);
    }

    /** The next submission, {@code elapsed} into the simulation; {@code now} is when it is sent. */
    public Submission next(Duration elapsed, Instant now) {
        RouteProfile route = pickRoute(elapsed);
        boolean satisfied = random.nextDouble() < route.satisfiedShareAfter(elapsed);
        int rating = satisfied ? (random.nextDouble() < 0.55 ? 5 : 4) : 1 + random.nextInt(3);
        String comment = random.nextDouble() < COMMENT_SHARE ? comment(route, elapsed, satisfied) : null;
        // Feedback reaches us a little after the ride: SMS delays, people typing.
        Instant occurredAt = now.minusMillis(random.nextInt(20_000));
        Channel channel = channel(route);
        int passenger = channel == Channel.TWILIO_SMS
                ? FIRST_TWILIO_PASSENGER + random.nextInt(TWILIO_PASSENGERS)
                : routes.indexOf(route) * PASSENGERS_PER_ROUTE + random.nextInt(PASSENGERS_PER_ROUTE);
        String senderNumber = String.format(Locale.ROOT, "+447700900%03d", passenger % 1000);
        return new Submission(route.subject(), rating, comment, occurredAt, senderNumber, channel);
    }

    private Channel channel(RouteProfile route) {
        if (!NUMBERED_ROUTE.matcher(route.subject()).matches() || random.nextDouble() >= SMS_SHARE) {
            return Channel.WEB_FORM;
        }
        return random.nextDouble() < TWILIO_SHARE ? Channel.TWILIO_SMS : Channel.SMS_GATEWAY;
    }

    private RouteProfile pickRoute(Duration elapsed) {
        double totalWeight = routes.stream().mapToDouble(route -> route.weightAfter(elapsed)).sum();
        double pick = random.nextDouble() * totalWeight;
        for (RouteProfile route : routes) {
            pick -= route.weightAfter(elapsed);
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
