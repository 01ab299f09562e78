package org.instantfeedback.scoring;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a passenger's text is about. Ids are the names used in configuration files and JSON. */
public enum Topic {
    /** Delays, cancellations, no-shows, missed connections, reliability. */
    PUNCTUALITY,
    /** Staff and driver behaviour. */
    STAFF,
    CLEANLINESS,
    /** Safety and security, including everything that makes a text urgent. */
    SAFETY,
    /** Crowding and comfort: seats, standing, heating, air conditioning. */
    CROWDING,
    /** Tickets, fares, prices, refunds and compensation. */
    TICKETS,
    ACCESSIBILITY,
    LOST_PROPERTY,
    /** Information and communication: announcements, apps, displays, customer service. */
    INFORMATION;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Topic> fromId(String id) {
        String wanted = id.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(topic -> topic.name().equals(wanted)).findFirst();
    }

    static String allIds() {
        return Arrays.stream(values()).map(Topic::id).collect(Collectors.joining(", "));
    }
}
