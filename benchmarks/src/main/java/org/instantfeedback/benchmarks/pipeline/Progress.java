package org.instantfeedback.benchmarks.pipeline;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Progress lines on standard output, with the time and the load average. */
final class Progress {
    /** Always with seconds: {@code LocalTime.toString()} leaves them out on the full minute. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private Progress() {
    }

    static void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%s load %s] %s%n", TIME.format(LocalTime.now()),
                Machine.loadAverage(), String.format(Locale.ROOT, format, args));
    }
}
