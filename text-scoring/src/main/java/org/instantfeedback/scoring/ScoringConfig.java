package org.instantfeedback.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Extra scoring vocabulary from a text file operators can extend without rebuilding: lexicon
 * entries, topic terms and urgent terms. The built-in transport extension is written in the same
 * format ({@code transport_extension.txt}); an operator file is applied after it and wins.
 *
 * <pre>
 * # comments start with '#'; blank lines are ignored
 * valence     late again = -2.2        # -4 .. +4, VADER's scale
 * topic       ticket machine = tickets # a Topic id
 * urgent      gas leak                 # a safety report, unless negated
 * not-urgent  gas leak drill           # contains an urgent term but is not one
 * emoji       🔥 = 1.5                 # scored as a whole, not by its description ("fire")
 * </pre>
 *
 * A term is 1 to 6 words; hyphens separate words; {@code {n}} stands for any number.
 */
public final class ScoringConfig {

    private static final String BUILT_IN_RESOURCE = "transport_extension.txt";
    static final double MAX_VALENCE = 4.0;

    /** A term and the valence it scores with. */
    record ValenceEntry(List<String> words, double valence) {
    }

    record TopicEntry(List<String> words, Topic topic) {
    }

    /** An urgent term, or (urgent false) a phrase that is not urgent although it contains one. */
    record UrgencyEntry(List<String> words, boolean urgent) {
    }

    /** An emoji scored as a whole instead of by the words of its description. */
    record EmojiEntry(int codePoint, double valence) {
    }

    private final List<ValenceEntry> valences;
    private final List<TopicEntry> topics;
    private final List<UrgencyEntry> urgency;
    private final List<EmojiEntry> emoji;

    private ScoringConfig(List<ValenceEntry> valences, List<TopicEntry> topics, List<UrgencyEntry> urgency,
                          List<EmojiEntry> emoji) {
        this.valences = List.copyOf(valences);
        this.topics = List.copyOf(topics);
        this.urgency = List.copyOf(urgency);
        this.emoji = List.copyOf(emoji);
    }

    public static ScoringConfig empty() {
        return new ScoringConfig(List.of(), List.of(), List.of(), List.of());
    }

    /** Reads an operator's file (UTF-8). */
    public static ScoringConfig load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new ScoringConfigException(file.toString(), "cannot read the scoring configuration", e);
        }
    }

    /** The transport and service-feedback extension bundled with this library. */
    public static ScoringConfig builtIn() {
        InputStream in = ScoringConfig.class.getResourceAsStream(BUILT_IN_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing resource " + BUILT_IN_RESOURCE);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader, BUILT_IN_RESOURCE);
        } catch (IOException e) {
            throw new ScoringConfigException(BUILT_IN_RESOURCE, "cannot read the scoring configuration", e);
        }
    }

    public static ScoringConfig parse(String text, String sourceName) {
        try {
            return parse(new StringReader(text), sourceName);
        } catch (IOException e) {
            throw new IllegalStateException("a StringReader does not fail", e);
        }
    }

    static ScoringConfig parse(Reader reader, String sourceName) throws IOException {
        ConfigLineParser parser = new ConfigLineParser(sourceName);
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        List<ValenceEntry> valences = new ArrayList<>();
        List<TopicEntry> topics = new ArrayList<>();
        List<UrgencyEntry> urgency = new ArrayList<>();
        List<EmojiEntry> emoji = new ArrayList<>();
        while ((line = lines.readLine()) != null) {
            number++;
            parser.parse(line, number, new ConfigLineParser.Entries(valences, topics, urgency, emoji));
        }
        return new ScoringConfig(valences, topics, urgency, emoji);
    }

    /** This configuration followed by {@code later}, whose entries win where both score a term. */
    public ScoringConfig and(ScoringConfig later) {
        return new ScoringConfig(
                Stream.concat(valences.stream(), later.valences.stream()).toList(),
                Stream.concat(topics.stream(), later.topics.stream()).toList(),
                Stream.concat(urgency.stream(), later.urgency.stream()).toList(),
                Stream.concat(emoji.stream(), later.emoji.stream()).toList());
    }

    /** Number of entries (lines that are not blank or comments). */
    public int size() {
        return valences.size() + topics.size() + urgency.size() + emoji.size();
    }

    List<ValenceEntry> valences() {
        return valences;
    }

    List<TopicEntry> topics() {
        return topics;
    }

    List<UrgencyEntry> urgency() {
        return urgency;
    }

    List<EmojiEntry> emoji() {
        return emoji;
    }

    /** Turns a written term into the lower-case words the tokenizer produces for it. */
    static List<String> termWords(String term) {
        List<String> words = new ArrayList<>();
        for (String part : term.trim().toLowerCase(Locale.ROOT).replace('\u2019', '\'').split("\\s+")) {
            if (part.equals(PhraseTable.NUMBER)) {
                words.add(part);
                continue;
            }
            for (String word : part.split("-")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words;
    }
}
