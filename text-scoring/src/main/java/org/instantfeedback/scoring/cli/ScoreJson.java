package org.instantfeedback.scoring.cli;

import java.util.Locale;

import org.instantfeedback.scoring.TextScore;
import org.instantfeedback.scoring.Topic;
import org.instantfeedback.scoring.WeightedTerm;
import org.instantfeedback.scoring.model.LabelProbabilities;

/** One reading as a line of JSON, as the {@code score} command writes it. */
final class ScoreJson {

    private ScoreJson() {
    }

    static String of(TextScore score, String text) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"label\":\"").append(score.label().id()).append('"');
        json.append(",\"score\":").append(decimal(score.sentiment()));
        json.append(",\"probabilities\":");
        LabelProbabilities p = score.probabilities();
        if (p == null) {
            json.append("null");
        } else {
            json.append("{\"negative\":").append(decimal(p.negative()))
                    .append(",\"neutral\":").append(decimal(p.neutral()))
                    .append(",\"positive\":").append(decimal(p.positive())).append('}');
        }
        json.append(",\"model\":");
        if (score.modelVersion() == null) {
            json.append("null");
        } else {
            appendString(json, score.modelVersion());
        }
        json.append(",\"terms\":[");
        for (int i = 0; i < score.terms().size(); i++) {
            WeightedTerm term = score.terms().get(i);
            json.append(i == 0 ? "" : ",").append("{\"term\":");
            appendString(json, term.term());
            json.append(",\"weight\":").append(String.format(Locale.ROOT, "%.3f", term.weight())).append('}');
        }
        json.append("],\"topics\":[");
        int i = 0;
        for (Topic topic : score.topics()) {
            json.append(i++ == 0 ? "" : ",").append('"').append(topic.id()).append('"');
        }
        json.append("],\"urgent\":").append(score.urgent());
        json.append(",\"language\":");
        appendString(json, score.language());
        if (text != null) {
            json.append(",\"text\":");
            appendString(json, text);
        }
        return json.append('}').toString();
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    static void appendString(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
