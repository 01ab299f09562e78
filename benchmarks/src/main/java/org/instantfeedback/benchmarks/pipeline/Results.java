package org.instantfeedback.benchmarks.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one run, printed as they come and written as results.md and results.json. */
final class Results {
    private final Machine machine;
    private final String command;
    private final Instant started = Instant.now();
    private final String loadAtStart = Machine.loadAverage();
    private final List<Result> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Results(Machine machine, String command) {
        this.machine = machine;
        this.command = command;
    }

    synchronized void add(Result result) {
        rows.add(result);
        System.out.println("  => " + line(result));
    }

    synchronized void note(String note) {
        notes.add(note);
        System.out.println("  note: " + note);
    }

    synchronized List<Result> rows() {
        return List.copyOf(rows);
    }

    synchronized void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("results.md"), markdown(), StandardCharsets.UTF_8);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve("results.json").toFile(), json());
    }

    private String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("- command: `").append(command).append("`\n");
        md.append("- started: ").append(started).append(", finished: ").append(Instant.now()).append('\n');
        md.append("- machine: ").append(machine.describe()).append('\n');
        md.append("- load average (1/5/15 min) at start: ").append(loadAtStart)
                .append(", at the end: ").append(Machine.loadAverage()).append("\n\n");
        md.append("| item | figure | value | reference (same run) | ratio | goal | met | load avg |\n");
        md.append("| --- | --- | ---: | --- | ---: | --- | --- | --- |\n");
        for (Result row : rows) {
            md.append("| ").append(row.item())
                    .append(" | ").append(row.figure())
                    .append(" | ").append(format(row.value())).append(' ').append(row.unit())
                    .append(" | ").append(row.reference().isEmpty() ? "" : row.reference() + ": " + format(row.referenceValue()))
                    .append(" | ").append(Double.isNaN(row.ratio()) ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * row.ratio()))
                    .append(" | ").append(row.goal())
                    .append(" | ").append(row.met() == null ? "" : row.met() ? "yes" : "**no**")
                    .append(" | ").append(row.load()).append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\nNotes:\n\n");
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    private Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", command);
        json.put("started", started.toString());
        json.put("finished", Instant.now().toString());
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("cores", machine.cores());
        host.put("memoryBytes", machine.memoryBytes());
        host.put("cpu", machine.cpu());
        host.put("jvm", machine.jvm());
        host.put("os", machine.os());
        host.put("loadAverageAtStart", loadAtStart);
        host.put("loadAverageAtEnd", Machine.loadAverage());
        json.put("machine", host);
        List<Map<String, Object>> results = new ArrayList<>();
        for (Result row : rows) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("item", row.item());
            result.put("figure", row.figure());
            result.put("value", finite(row.value()));
            result.put("unit", row.unit());
            result.put("reference", row.reference());
            result.put("referenceValue", finite(row.referenceValue()));
            result.put("ratio", finite(row.ratio()));
            result.put("goal", row.goal());
            result.put("met", row.met());
            result.put("loadAverage", row.load());
            results.add(result);
        }
        json.put("results", results);
        json.put("notes", notes);
        return json;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String line(Result row) {
        String reference = row.reference().isEmpty() ? ""
                : String.format(Locale.ROOT, " (reference %s: %s, ratio %.0f%%)", row.reference(),
                format(row.referenceValue()), 100 * row.ratio());
        String goal = row.goal().isEmpty() ? "" : " goal " + row.goal() + (row.met() ? " met" : " MISSED");
        return String.format(Locale.ROOT, "%s / %s: %s %s%s%s [load %s]", row.item(), row.figure(),
                format(row.value()), row.unit(), reference, goal, row.load());
    }
}
