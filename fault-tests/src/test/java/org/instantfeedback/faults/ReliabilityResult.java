package org.instantfeedback.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The counts of one fault run, printed as one line and appended as one JSON object per line to
 * {@code target/reliability-results.json}, where docs/reliability.md takes its figures from.
 *
 * @param fault      what was injected
 * @param sent       events or requests sent
 * @param accepted   of those, the ones the pipeline took (2xx, or processed)
 * @param rejected   the ones refused on purpose (dead-lettered poison, 503 answers before a resend)
 * @param lost       accepted but missing from the output: must be 0
 * @param duplicated counted more than once: must be 0
 * @param details    further figures of this fault (retries, kills, windows compared, ...)
 */
record ReliabilityResult(String fault, long sent, long accepted, long rejected, long lost, long duplicated,
                         Map<String, Object> details) {
    static final Path FILE = Path.of("target", "reliability-results.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Prints the one-line summary and appends the JSON line; returns this result for assertions. */
    ReliabilityResult record() {
        System.out.printf(Locale.ROOT, "RELIABILITY %s: sent=%d accepted=%d rejected=%d lost=%d duplicated=%d %s%n",
                fault, sent, accepted, rejected, lost, duplicated, details);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("fault", fault);
        line.put("sent", sent);
        line.put("accepted", accepted);
        line.put("rejected", rejected);
        line.put("lost", lost);
        line.put("duplicated", duplicated);
        line.put("details", details);
        line.put("at", Instant.now().toString());
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, JSON.writeValueAsString(line) + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to " + FILE, e);
        }
        return this;
    }
}
