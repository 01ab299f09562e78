package org.instantfeedback.benchmarks.pipeline;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Progress lines on standard output, with the time and the load average. */
final class Progress {
    private Progress() {
    }

    static void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%s load %s] %s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS),
                Machine.loadAverage(), String.format(Locale.ROOT, format, args));
    }
}
