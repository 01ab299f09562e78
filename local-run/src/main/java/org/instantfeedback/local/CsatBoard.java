package org.instantfeedback.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** The current CSAT of the simulated routes, one line each, read from the query API. */
final class CsatBoard implements Supplier<String> {
    private final QueryApiFigures api;
    private final List<String> subjects;

    CsatBoard(QueryApiFigures api, List<String> subjects) {
        this.api = api;
        this.subjects = List.copyOf(subjects);
    }

    @Override
    public String get() {
        StringBuilder board = new StringBuilder(String.format(Locale.ROOT,
                "%nCSAT over the trailing window (GET %s{subject}/csat)%n", api.uri("/v1/subjects/")));
        for (String subject : subjects) {
            board.append(String.format(Locale.ROOT, "  %-16s %s%n", subject,
                    api.read("/v1/subjects/" + subject + "/csat", CsatBoard::figures)));
        }
        return board.toString();
    }

    private static String figures(JsonNode csat) {
        return String.format(Locale.ROOT, "CSAT %5.1f %%   average %.2f   %d ratings",
                csat.path("csatPercent").asDouble(), csat.path("averageRating").asDouble(),
                csat.path("ratedResponses").asLong());
    }
}
