package org.instantfeedback.scoring;

import java.util.List;

import org.instantfeedback.scoring.model.FeatureLayout;
import org.instantfeedback.scoring.model.FeatureVector;

/**
 * The features a {@link org.instantfeedback.scoring.model.TextModel} reads in a tokenized text, in
 * one pass over its tokens and their characters (linear in the text's length):
 * <ul>
 *   <li>hashed words (numbers by their shape: "45" and "20" are both "00"), words inside a
 *       negation's reach a second time as negated, and word pairs (with the text's start and end);
 *       for texts in a language the lexicon does not read, also character 3- to 5-grams of each
 *       word, which carry that language's inflections (on English texts they cost 3 to 5 points
 *       of negative F1 on the development sets: the model learnt names and typos); each family
 *       is scaled to unit length, so a paragraph and an SMS weigh alike;</li>
 *   <li>the lexicon's readings in fixed slots: compound score and its band, counts of positive and
 *       negative items, negation, sarcastic praise, capitals, '!' and '?', a rating in the text,
 *       length, urgency and topics.</li>
 * </ul>
 * Hashing is signed (a second bit of the hash chooses +1 or -1), so colliding features cancel out
 * on average instead of adding up. Change anything here and {@link #SCHEMA} must change with it.
 */
final class ModelFeatures {

    /** Version of this extraction, recorded in every model trained on it. */
    static final int SCHEMA = 1;
    static final int DEFAULT_HASH_BITS = 20;

    private static final int COMPOUND = 0;
    private static final int COMPOUND_BANDS = 1; // five slots
    private static final int POSITIVE_ITEMS = 6;
    private static final int NEGATIVE_ITEMS = 7;
    private static final int NEGATION = 8;
    private static final int SARCASM = 9;
    private static final int SOME_CAPITALS = 10;
    private static final int ALL_CAPITALS = 11;
    private static final int EXCLAMATIONS = 12;
    private static final int QUESTIONS = 13;
    private static final int LOW_RATING = 14;
    private static final int HIGH_RATING = 15;
    private static final int LENGTH_BANDS = 16; // five slots
    private static final int READ_BY_LEXICON = 21;
    private static final int URGENT = 22;
    private static final int HAS_TOPIC = 23;
    static final int DENSE = 24;

    private static final int WORD_SEED = 0x3c6ef372;
    private static final int NEGATED_SEED = 0x1b873593;
    private static final int PAIR_SEED = 0x5be0cd19;
    private static final int CHARS_SEED = 0x6a09e667;
    private static final int START = 0x2f1ab3c5;
    private static final int END = 0x7d31e0a9;
    private static final int NEGATION_REACH = 3;
    private static final int SHORTEST_GRAM = 3;
    private static final int LONGEST_GRAM = 5;


    private ModelFeatures() {
    }

    static FeatureLayout layout(int hashBits) {
        return new FeatureLayout(SCHEMA, hashBits, DENSE);
    }

    static boolean fits(FeatureLayout layout) {
        return layout.schema() == SCHEMA && layout.denseFeatures() == DENSE;
    }

    /**
     * @param lexicon the lexicon's reading, or null when it does not read the text's language
     */
    static FeatureVector extract(TokenizedText text, LexiconReading lexicon, boolean urgent, boolean hasTopic,
                                 FeatureLayout layout) {
        List<Token> tokens = text.tokens();
        FeatureVector features = new FeatureVector(16 + tokens.size() * 24);
        int mask = layout.hashSlots() - 1;
        int[] keys = new int[tokens.size()];
        int start = features.size();
        int negatedReach = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.afterBreak() || token.afterComma()) {
                negatedReach = 0;
            }
            keys[i] = keyHash(token);
            addHashed(features, mix(keys[i] ^ WORD_SEED), mask);
            if (negatedReach > 0) {
                addHashed(features, mix(keys[i] ^ NEGATED_SEED), mask);
                negatedReach--;
            }
            if (token.facts().negation() || token.key().equals("no")) {
                negatedReach = NEGATION_REACH;
            }
        }
        normalise(features, start);
        start = features.size();
        int previous = START;
        for (int key : keys) {
            addHashed(features, mix(previous * 31 + key ^ PAIR_SEED), mask);
            previous = key;
        }
        addHashed(features, mix(previous * 31 + END ^ PAIR_SEED), mask);
        normalise(features, start);
        if (lexicon == null) {
            start = features.size();
            for (Token token : tokens) {
                if (token.kind() == Token.Kind.WORD || token.kind() == Token.Kind.FOREIGN_WORD) {
                    addCharacterGrams(features, token.key(), mask);
                }
            }
            normalise(features, start);
        }
        addDense(features, text, lexicon, urgent, hasTopic, layout);
        return features;
    }

    private static void addDense(FeatureVector features, TokenizedText text, LexiconReading lexicon, boolean urgent,
                                 boolean hasTopic, FeatureLayout layout) {
        List<Token> tokens = text.tokens();
        if (lexicon != null) {
            features.add(layout.dense(READ_BY_LEXICON), 1f);
            features.add(layout.dense(COMPOUND), (float) lexicon.compound());
            features.add(layout.dense(COMPOUND_BANDS + band(lexicon.compound())), 1f);
            features.add(layout.dense(POSITIVE_ITEMS), (float) StrictMath.log1p(lexicon.positiveItems()));
            features.add(layout.dense(NEGATIVE_ITEMS), (float) StrictMath.log1p(lexicon.negativeItems()));
            flag(features, layout, SARCASM, lexicon.sarcastic());
        }
        boolean negation = false;
        int words = 0;
        int shouting = 0;
        double rating = 0;
        for (Token token : tokens) {
            negation |= token.facts().negation();
            if (token.kind() == Token.Kind.WORD && token.text().length() > 1) {
                words++;
                shouting += token.shouting() ? 1 : 0;
            }
            if (token.kind() == Token.Kind.RATING) {
                rating = token.rating();
            }
        }
        flag(features, layout, NEGATION, negation);
        flag(features, layout, SOME_CAPITALS, shouting > 0 && shouting < words);
        flag(features, layout, ALL_CAPITALS, words > 1 && shouting == words);
        if (text.exclamations() > 0) {
            features.add(layout.dense(EXCLAMATIONS), Math.min(text.exclamations(), 4) / 4f);
        }
        if (text.questions() > 0) {
            features.add(layout.dense(QUESTIONS), Math.min(text.questions(), 3) / 3f);
        }
        flag(features, layout, LOW_RATING, rating < 0);
        flag(features, layout, HIGH_RATING, rating > 0);
        features.add(layout.dense(LENGTH_BANDS + lengthBand(tokens.size())), 1f);
        flag(features, layout, URGENT, urgent);
        flag(features, layout, HAS_TOPIC, hasTopic);
    }

    private static void flag(FeatureVector features, FeatureLayout layout, int slot, boolean on) {
        if (on) {
            features.add(layout.dense(slot), 1f);
        }
    }

    private static int band(double compound) {
        if (compound <= -0.5) {
            return 0;
        }
        if (compound <= -SentimentLabel.POLARITY_THRESHOLD) {
            return 1;
        }
        if (compound < SentimentLabel.POLARITY_THRESHOLD) {
            return 2;
        }
        return compound < 0.5 ? 3 : 4;
    }

    private static int lengthBand(int tokens) {
        if (tokens <= 2) {
            return 0;
        }
        if (tokens <= 6) {
            return 1;
        }
        if (tokens <= 15) {
            return 2;
        }
        return tokens <= 40 ? 3 : 4;
    }

    /** Character n-grams of " key " (spaces mark where the word starts and ends). */
    private static void addCharacterGrams(FeatureVector features, String key, int mask) {
        int length = key.length() + 2;
        for (int from = 0; from + SHORTEST_GRAM <= length; from++) {
            int hash = CHARS_SEED;
            for (int n = 0; n < LONGEST_GRAM && from + n < length; n++) {
                hash = (hash ^ padded(key, from + n)) * 0x01000193;
                if (n + 1 >= SHORTEST_GRAM) {
                    addHashed(features, mix(hash + n), mask);
                }
            }
        }
    }

    private static char padded(String key, int i) {
        return i == 0 || i == key.length() + 1 ? ' ' : key.charAt(i - 1);
    }

    /** FNV-1a of the token's key; digits count as '0', so numbers are kept by their shape. */
    private static int keyHash(Token token) {
        if (token.kind() == Token.Kind.RATING) {
            return token.rating() < 0 ? 0x51ed270b : token.rating() > 0 ? 0x2e1b2138 : 0x0a6b3f4d;
        }
        String key = token.key();
        int hash = 0x811c9dc5;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            hash = (hash ^ (c >= '0' && c <= '9' ? '0' : c)) * 0x01000193;
        }
        return hash;
    }

    private static void addHashed(FeatureVector features, int hash, int mask) {
        features.add(hash & mask, hash < 0 ? -1f : 1f);
    }

    /** MurmurHash3's finaliser: every input bit reaches every output bit. */
    static int mix(int h) {
        int x = h;
        x ^= x >>> 16;
        x *= 0x85ebca6b;
        x ^= x >>> 13;
        x *= 0xc2b2ae35;
        x ^= x >>> 16;
        return x;
    }

    private static void normalise(FeatureVector features, int from) {
        int count = features.size() - from;
        if (count > 1) {
            features.scale(from, features.size(), (float) (1.0 / Math.sqrt(count)));
        }
    }
}
