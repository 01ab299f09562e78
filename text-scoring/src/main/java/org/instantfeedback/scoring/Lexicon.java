package org.instantfeedback.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Word to valence on VADER's scale (-4 .. +4): the VADER lexicon, then the single-word valence
 * entries of the scoring configuration, later entries overriding earlier ones.
 */
final class Lexicon {

    private final Map<String, Double> valences;

    private Lexicon(Map<String, Double> valences) {
        this.valences = valences;
    }

    /** Reads VADER's lexicon: TAB-separated token, mean valence, then columns we do not use. */
    static Lexicon loadVader(InputStream in) {
        Map<String, Double> valences = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String[] fields = line.split("\t", 3);
                if (fields.length < 2) {
                    throw new IllegalStateException("vader_lexicon.txt:" + number + ": expected token TAB valence");
                }
                // VADER looks words up in lower case; a later duplicate wins, as in its Python dict.
                valences.put(fields[0].toLowerCase(Locale.ROOT), Double.parseDouble(fields[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the VADER lexicon", e);
        }
        return new Lexicon(valences);
    }

    Lexicon with(Map<String, Double> entries) {
        Map<String, Double> merged = new HashMap<>(valences);
        merged.putAll(entries);
        return new Lexicon(merged);
    }

    /** The valence of a lower-case key, or NaN when the lexicon does not have it. */
    double valence(String key) {
        Double valence = valences.get(key);
        return valence == null ? Double.NaN : valence;
    }

    boolean contains(String key) {
        return valences.containsKey(key);
    }

    /** Entries with symbols (":-)", "<3", "d:"), which the tokenizer must read as one unit. */
    Set<String> emoticons() {
        Set<String> emoticons = new HashSet<>();
        for (String key : valences.keySet()) {
            if (key.indexOf(' ') < 0 && key.chars().allMatch(c -> c < 0x80)
                    && key.chars().anyMatch(c -> !Character.isLetterOrDigit(c) && c != '\'')) {
                emoticons.add(key);
            }
        }
        return emoticons;
    }

    /** Entries of several words ("fed up", "can't stand"), which only a phrase matcher can find. */
    Map<String, Double> multiWordEntries() {
        Map<String, Double> phrases = new HashMap<>();
        valences.forEach((key, valence) -> {
            if (key.indexOf(' ') > 0 && key.chars().allMatch(c -> c == ' ' || c == '\'' || Character.isLetter(c))) {
                phrases.put(key, valence);
            }
        });
        return phrases;
    }

    Set<String> words() {
        return valences.keySet();
    }

    int size() {
        return valences.size();
    }
}
