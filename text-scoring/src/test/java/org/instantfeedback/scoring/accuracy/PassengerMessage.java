package org.instantfeedback.scoring.accuracy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.instantfeedback.scoring.SentimentLabel;
import org.instantfeedback.scoring.Topic;

/** One hand-labelled passenger message of {@code passenger_messages.tsv}. */
record PassengerMessage(SentimentLabel label, boolean urgent, Set<Topic> topics, String language, String text) {

    static final String FIXTURE = "/org/instantfeedback/scoring/passenger_messages.tsv";

    static List<PassengerMessage> loadFixture() {
        return load(FIXTURE);
    }

    static List<PassengerMessage> load(String resource) {
        InputStream in = PassengerMessage.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        List<PassengerMessage> messages = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                messages.add(parse(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(messages);
    }

    private static PassengerMessage parse(String line) {
        String[] fields = line.split("\t", 5);
        if (fields.length != 5) {
            throw new IllegalArgumentException("expected 5 TAB-separated fields: " + line);
        }
        EnumSet<Topic> topics = EnumSet.noneOf(Topic.class);
        if (!fields[2].equals("-")) {
            Arrays.stream(fields[2].split(",")).map(id -> Topic.fromId(id)
                    .orElseThrow(() -> new IllegalArgumentException("unknown topic " + id + " in: " + line)))
                    .forEach(topics::add);
        }
        return new PassengerMessage(SentimentLabel.fromId(fields[0]), fields[1].equals("yes"), topics, fields[3],
                fields[4]);
    }
}
