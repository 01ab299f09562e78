package org.instantfeedback.ingest.feedback;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.instantfeedback.events.RatingScale;

/** The rating scales senders may use, by the name they use on the wire, with the values each allows. */
public enum SupportedScale {
    STARS_5("stars-5", RatingScale.STARS_5, 1, 5),
    NPS_0_10("nps-0-10", RatingScale.NPS_0_10, 0, 10),
    THUMBS("thumbs", RatingScale.THUMBS, 0, 1),
    SMILEY_4("smiley-4", RatingScale.SMILEY_4, 1, 4);

    /** The scale of a rating sent without one: the 5-star scale CSAT is computed on. */
    public static final SupportedScale DEFAULT = STARS_5;

    private final String wireName;
    private final RatingScale avro;
    private final int min;
    private final int max;

    SupportedScale(String wireName, RatingScale avro, int min, int max) {
        this.wireName = wireName;
        this.avro = avro;
        this.min = min;
        this.max = max;
    }

    /** The scale with this wire name, ignoring case. */
    public static Optional<SupportedScale> byWireName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wanted)).findFirst();
    }

    /** Wire names for messages, for example {@code stars-5, nps-0-10, thumbs, smiley-4}. */
    public static String wireNames() {
        return Arrays.stream(values()).map(SupportedScale::wireName).collect(Collectors.joining(", "));
    }

    public String wireName() {
        return wireName;
    }

    public RatingScale avro() {
        return avro;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean allows(long value) {
        return value >= min && value <= max;
    }
}
