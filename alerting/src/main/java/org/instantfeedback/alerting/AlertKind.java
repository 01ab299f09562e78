package org.instantfeedback.alerting;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an alert is about. Ids are the names used in rule JSON and on the alert topic. */
public enum AlertKind {
    /** The share of negative texts in a window is high, from enough texts and people. */
    NEGATIVE_SURGE("negative-surge", "negative surge", true),
    /** CSAT fell below a floor, or far below the subject's own usual CSAT. */
    CSAT_DROP("csat-drop", "CSAT drop", true),
    /** Far more complaints than the subject usually gets in a window of the same length. */
    VOLUME_SPIKE("volume-spike", "complaint spike", true),
    /** A message flagged urgent (a safety report): raised at once. */
    URGENT_REPORT("urgent-report", "urgent report", false),
    /** A passenger has waited longer than the answer limit for an answer to their message. */
    UNANSWERED("unanswered", "unanswered conversation", false);

    private final String id;
    private final String words;
    private final boolean windowed;

    AlertKind(String id, String words, boolean windowed) {
        this.id = id;
        this.words = words;
        this.windowed = windowed;
    }

    /** The name in rule JSON and on the alert topic ("negative-surge"). */
    public String id() {
        return id;
    }

    /** The name in plain words, for reason sentences ("negative surge"). */
    public String words() {
        return words;
    }

    /** True for kinds judged on the figures of a window; false for urgent reports and unanswered conversations, judged as they happen. */
    public boolean windowed() {
        return windowed;
    }

    public static Optional<AlertKind> fromId(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
    }

    public static String allIds() {
        return Arrays.stream(values()).map(AlertKind::id).collect(Collectors.joining(", "));
    }
}
