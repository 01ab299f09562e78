package org.instantfeedback.streams.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One Server-Sent Event as it goes on the wire: {@code event: <name>} and one {@code data:} line of
 * JSON. Encoded once when published, so a thousand viewers cost one serialisation, not a thousand.
 */
public final class LiveEvent {
    /** The latest figures of one subject or group in one window. */
    public static final String METRICS = "metrics";
    /** One event in the life of an alert (opened, escalated, updated, acknowledged, resolved). */
    public static final String ALERT = "alert";
    /** Sent every heartbeat interval, so clients (and proxies) can tell a quiet stream from a dead one. */
    public static final String HEARTBEAT = "heartbeat";

    private final String name;
    private final String json;
    private final byte[] wire;

    private LiveEvent(String name, String json) {
        this.name = Objects.requireNonNull(name, "name");
        this.json = Objects.requireNonNull(json, "json");
        if (name.isBlank() || name.contains("\n") || name.contains("\r") || json.contains("\n") || json.contains("\r")) {
            // One data line per event: a line break inside would split the JSON into two data lines.
            throw new IllegalArgumentException("event names and JSON must be single lines");
        }
        this.wire = ("event: " + name + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** An event named {@code name} whose data is {@code json}, a single line of JSON. */
    public static LiveEvent of(String name, String json) {
        return new LiveEvent(name, json);
    }

    public String name() {
        return name;
    }

    public String json() {
        return json;
    }

    /** The bytes to write to the stream, blank line included. */
    byte[] wire() {
        return wire;
    }

    @Override
    public String toString() {
        return "LiveEvent[" + name + " " + json + "]";
    }
}
