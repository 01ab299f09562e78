package org.instantfeedback.alerting.checks;

import java.util.Objects;
import org.instantfeedback.alerting.Severity;

/**
 * A rule's verdict on a window's figures.
 *
 * @param status   breach, healthy, or in between (the hysteresis band, where an alert neither opens nor heals)
 * @param severity the severity of a breach; null otherwise
 * @param words    for a breach, the whole reason sentence; otherwise a clause describing the figures
 *                 now ("now 17 % negative (2 of 12 texts) in the 15 minutes to 08:50, below the 25 %
 *                 clear level"), which the lifecycle builds into its sentence
 */
public record Assessment(Status status, Severity severity, String words) {
    public enum Status {
        BREACH,
        BETWEEN,
        HEALTHY
    }

    public Assessment {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(words, "words");
        if ((status == Status.BREACH) != (severity != null)) {
            throw new IllegalArgumentException("a breach, and only a breach, has a severity");
        }
    }

    public static Assessment breach(Severity severity, String sentence) {
        return new Assessment(Status.BREACH, Objects.requireNonNull(severity, "severity"), sentence);
    }

    public static Assessment between(String clause) {
        return new Assessment(Status.BETWEEN, null, clause);
    }

    public static Assessment healthy(String clause) {
        return new Assessment(Status.HEALTHY, null, clause);
    }

    public boolean isBreach() {
        return status == Status.BREACH;
    }
}
