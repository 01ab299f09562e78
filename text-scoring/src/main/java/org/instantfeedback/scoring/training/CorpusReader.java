package org.instantfeedback.scoring.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.instantfeedback.scoring.SentimentLabel;

/**
 * Reads labelled texts from the files of {@link CorpusFormat}, telling the format by the first
 * line. Errors name the file and line. Lines starting with '#' and blank lines are skipped.
 */
public final class CorpusReader {

    /** VADER's cut on the mean human rating (-4 to 4): beyond it a sentence is polar. */
    private static final double VADER_POLAR_RATING = 0.5;
    private static final String RAIL_HEADER = "date\ttitle\ttext\turl\tstars";
    private static final String MESSAGES_HEADER = "label\turgent\ttopics\tlanguage\ttext";
    private static final Set<String> MESSAGE_LABELS = Set.of("negative", "neutral", "positive");

    private CorpusReader() {
    }

    public static List<LabelledText> read(Path file) {
        List<String> lines = lines(file);
        return read(file, lines, detect(file, lines));
    }

    public static List<LabelledText> read(Path file, CorpusFormat format) {
        return read(file, lines(file), format);
    }

    /** The format of a file, by its first line that is not a comment. */
    public static CorpusFormat detect(Path file, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.equals(RAIL_HEADER)) {
                return CorpusFormat.RAIL_REVIEWS;
            }
            if (line.equals(MESSAGES_HEADER)) {
                return CorpusFormat.PASSENGER_MESSAGES;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length == 3 && isNumber(fields[1])) {
                return CorpusFormat.VADER_SENTENCES;
            }
            if (fields.length == 2) {
                return CorpusFormat.RATED_TEXTS;
            }
            throw new CorpusFormatException(file + ":" + (i + 1) + ": cannot tell the format: expected 'rating<TAB>text', VADER's "
                    + "'id<TAB>rating<TAB>text', or a header '" + MESSAGES_HEADER.replace('\t', ' ') + "' or '"
                    + RAIL_HEADER.replace('\t', ' ') + "'");
        }
        throw new CorpusFormatException(file + ": no labelled texts in it");
    }

    private static List<LabelledText> read(Path file, List<String> lines, CorpusFormat format) {
        String name = String.valueOf(file.getFileName());
        List<LabelledText> texts = new ArrayList<>();
        boolean headerSeen = format == CorpusFormat.RATED_TEXTS || format == CorpusFormat.VADER_SENTENCES;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                headerSeen = true;
                continue;
            }
            String where = file + ":" + (i + 1);
            switch (format) {
                case RATED_TEXTS -> texts.add(ratedText(line, name, where));
                case VADER_SENTENCES -> texts.add(vaderSentence(line, name, where));
                case PASSENGER_MESSAGES -> passengerMessage(line, name, where).ifPresent(texts::add);
                case RAIL_REVIEWS -> texts.addAll(railReview(line, name, where));
                default -> throw new IllegalStateException("unhandled format " + format);
            }
        }
        if (texts.isEmpty()) {
            throw new CorpusFormatException(file + ": no labelled texts in it");
        }
        return texts;
    }

    private static LabelledText ratedText(String line, String name, String where) {
        String[] fields = fields(line, 2, "rating<TAB>text", where);
        SentimentLabel label = RatingLabels.parse(fields[0]).orElseThrow(() -> new CorpusFormatException(where
                + ": rating must be 1-5 stars, n/5, n/10, up, down, negative, neutral or positive, got '"
                + fields[0] + "'"));
        String text = text(fields[1], where);
        return new LabelledText(text, label, name, name, text, where);
    }

    private static LabelledText vaderSentence(String line, String name, String where) {
        String[] fields = fields(line, 3, "id<TAB>mean rating<TAB>text", where);
        double rating;
        try {
            rating = Double.parseDouble(fields[1]);
        } catch (NumberFormatException e) {
            throw new CorpusFormatException(where + ": mean rating must be a number, got '" + fields[1] + "'");
        }
        SentimentLabel label = rating > VADER_POLAR_RATING ? SentimentLabel.POSITIVE
                : rating < -VADER_POLAR_RATING ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
        return new LabelledText(text(fields[2], where), label, name, name, name + "#" + fields[0], where);
    }

    /** Messages labelled unknown (a language the lexicon lacks) are left out: there is nothing to learn. */
    private static Optional<LabelledText> passengerMessage(String line, String name, String where) {
        String[] fields = fields(line, 5, "label<TAB>urgent<TAB>topics<TAB>language<TAB>text", where);
        String label = fields[0].trim().toLowerCase(Locale.ROOT);
        if (label.equals("unknown")) {
            return Optional.empty();
        }
        if (!MESSAGE_LABELS.contains(label)) {
            throw new CorpusFormatException(where + ": label must be negative, neutral, positive or unknown, got '"
                    + fields[0] + "'");
        }
        SentimentLabel parsed = SentimentLabel.fromId(label);
        String text = text(fields[4], where);
        return Optional.of(new LabelledText(text, parsed, name, name, text, where));
    }

    private static List<LabelledText> railReview(String line, String name, String where) {
        String[] fields = fields(line, 5, "date<TAB>title<TAB>text<TAB>url<TAB>stars", where);
        int stars;
        try {
            stars = Integer.parseInt(fields[4].trim());
        } catch (NumberFormatException e) {
            throw new CorpusFormatException(where + ": stars must be 1 to 5, got '" + fields[4] + "'");
        }
        if (stars < 1 || stars > 5) {
            throw new CorpusFormatException(where + ": stars must be 1 to 5, got " + stars);
        }
        SentimentLabel label = RatingLabels.ofFivePoint(stars);
        String company = company(fields[3]);
        String id = name + ":" + fields[0] + ":" + fields[3] + ":" + fields[1];
        String title = unquote(fields[1]);
        // Trustpilot cuts long titles with an ellipsis: the cut is not something the writer said
        if (title.endsWith("…")) {
            title = title.substring(0, title.length() - 1).strip();
        }
        List<LabelledText> both = new ArrayList<>(2);
        if (!title.isBlank()) {
            both.add(new LabelledText(title, label, name + ": titles", company, id, where));
        }
        String text = unquote(fields[2]);
        if (!text.isBlank()) {
            both.add(new LabelledText(text, label, name + ": texts", company, id, where));
        }
        return both;
    }

    /** "https://uk.trustpilot.com/review/www.gwr.com" -> "gwr.com". */
    static String company(String url) {
        String host = url.substring(url.lastIndexOf('/') + 1).trim();
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static String[] fields(String line, int count, String expected, String where) {
        String[] fields = line.split("\t", -1);
        if (fields.length != count) {
            throw new CorpusFormatException(where + ": expected " + count + " TAB-separated fields (" + expected
                    + "), found " + fields.length);
        }
        return fields;
    }

    private static String text(String text, String where) {
        String unquoted = unquote(text);
        if (unquoted.isBlank()) {
            throw new CorpusFormatException(where + ": the text is empty");
        }
        return unquoted;
    }

    /** A field in double quotes, with quotes inside it doubled, as spreadsheets write TSV. */
    static String unquote(String field) {
        if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
            return field.substring(1, field.length() - 1).replace("\"\"", "\"");
        }
        return field;
    }

    private static boolean isNumber(String field) {
        try {
            Double.parseDouble(field);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<String> lines(Path file) {
        if (!Files.isReadable(file)) {
            throw new CorpusFormatException(file + ": cannot read the file");
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return reader.lines().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
            String why = cause instanceof CharacterCodingException ? "it is not UTF-8" : cause.getMessage();
            throw new CorpusFormatException(file + ": cannot read the file: " + why);
        }
    }
}
