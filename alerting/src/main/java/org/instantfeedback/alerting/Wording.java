package org.instantfeedback.alerting;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How figures read in reason sentences: the same words on every machine, whatever its default
 * locale (numbers with a dot, 24-hour clock), with clock times in one configured zone. The record
 * itself carries exact timestamps; the sentence is for people reading a pager.
 */
public final class Wording {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final ZoneId zone;

    public Wording(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public static Wording utc() {
        return new Wording(ZoneId.of("UTC"));
    }

    /** "08:15" in the configured zone. */
    public String clock(Instant at) {
        return CLOCK.format(at.atZone(zone));
    }

    /** "in the 15 minutes to 08:15", "in the hour to 08:15". */
    public String window(AlertWindow window) {
        return "in the " + windowLength(window.size()) + " to " + clock(window.end());
    }

    /** "62 %": whole percent, rounded half up. */
    public static String percent(double value) {
        return Math.round(value) + " %";
    }

    /** A threshold as the operator set it: "40", "37.5", "1.25", never "40.0" or "4E+1". */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** "7.4": one decimal. */
    public static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** "1 text", "21 texts". */
    public static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** "1 person", "11 people", "about 300 people". */
    public static String people(long n, boolean exact) {
        return (exact ? "" : "about ") + count(n, "person", "people");
    }

    /** A note quoted in the sentence, on one line. */
    public static String quote(String text) {
        return "\"" + text.strip().replaceAll("\\s+", " ") + "\"";
    }

    /**
     * "45 seconds", "10 minutes", "1 hour 12 minutes", "2 days 3 hours": the two largest units,
     * because "1 hour 12 minutes 9 seconds" is more than anyone on call needs.
     */
    public static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long[] amounts = {seconds / 86_400, seconds % 86_400 / 3_600, seconds % 3_600 / 60, seconds % 60};
        String[][] units = {{"day", "days"}, {"hour", "hours"}, {"minute", "minutes"}, {"second", "seconds"}};
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < amounts.length && parts.size() < 2; i++) {
            if (amounts[i] > 0) {
                parts.add(count(amounts[i], units[i][0], units[i][1]));
            } else if (!parts.isEmpty()) {
                break;
            }
        }
        return parts.isEmpty() ? "0 seconds" : String.join(" ", parts);
    }

    // "the hour", not "the 1 hour"
    private static String windowLength(Duration size) {
        return switch (duration(size)) {
            case "1 day" -> "day";
            case "1 hour" -> "hour";
            case "1 minute" -> "minute";
            default -> duration(size);
        };
    }
}
