package org.instantfeedback.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.MaxentModel;

/**
 * Apache OpenNLP's language detector model (103 languages, {@code opennlp-models-langdetect} on
 * Maven Central; bundled in the jar, no download at run time).
 *
 * <p>The features are the model's own: the distinct lower-case character 1- to 3-grams of the
 * text. They are computed here rather than by {@code LanguageDetectorME}, whose normalisers run
 * several regular expressions per text and made it about 15 times slower; the words we pass are
 * already free of URLs, names, numbers and emoji, which is all those normalisers remove. The
 * model's evaluation is read-only, so one instance serves all threads.
 *
 * <p>Only texts the English fast path could not settle get here, and most of those are short
 * English with names and slang. On them the full model likes to answer Waray, Volapuk or Maori;
 * so the answer is the most likely of {@link #DEFAULT_LANGUAGES} (the widely written languages),
 * and English whenever it is nearly as likely as the best ({@link #ENGLISH_PREFERENCE}).
 */
public final class OpenNlpLanguageDetection implements LanguageDetection {

    private static final String BUNDLED_MODEL = "/langdetect-183.bin";
    /** Longer texts add cost, not accuracy: 200 characters of words settle the language. */
    static final int MAX_CHARS = 200;

    private static final Map<String, String> MACROLANGUAGE_MEMBERS = Map.of(
            "cmn", "zh", "pes", "fa", "lvs", "lv", "ekk", "et", "pnb", "pa", "plt", "mg");

    /** ISO 639-1 codes of the languages answered by default: widely written ones, the EU's among them. */
    private static final Set<String> DEFAULT_LANGUAGES = Set.of(
            "en", "es", "de", "fr", "it", "pt", "nl", "pl", "ru", "uk", "be", "tr", "ar", "zh", "ja", "ko",
            "hi", "bn", "ur", "pa", "fa", "he", "el", "cs", "sk", "hu", "ro", "bg", "hr", "sr", "bs", "sl", "mk",
            "sq", "da", "sv", "nb", "nn", "fi", "et", "lv", "lt", "is", "ga", "cy", "ca", "eu", "gl", "id", "ms",
            "vi", "th", "tl", "ta", "te", "ml", "kn", "mr", "gu", "ka", "hy", "az", "kk", "uz", "sw", "so", "am");
    /** English wins when its probability is at least this share of the best language's. */
    private static final double ENGLISH_PREFERENCE = 0.7;

    private final MaxentModel model;
    private final String[] outcomeCodes;
    private final boolean[] allowed;
    private final int english;

    private OpenNlpLanguageDetection(MaxentModel model, Set<String> languages) {
        this.model = model;
        this.outcomeCodes = new String[model.getNumOutcomes()];
        this.allowed = new boolean[outcomeCodes.length];
        Map<String, String> twoLetterCodes = twoLetterCodes();
        int englishIndex = -1;
        for (int i = 0; i < outcomeCodes.length; i++) {
            String code = model.getOutcome(i);
            outcomeCodes[i] = twoLetterCodes.getOrDefault(code, code);
            allowed[i] = languages.contains(outcomeCodes[i]);
            englishIndex = outcomeCodes[i].equals("en") ? i : englishIndex;
        }
        if (englishIndex < 0) {
            throw new IllegalStateException("the language model does not know English");
        }
        this.english = englishIndex;
        allowed[english] = true;
    }

    /** Loads the model bundled on the class path (takes a few seconds and about 40 MB of heap). */
    public static OpenNlpLanguageDetection loadBundled() {
        return loadBundled(DEFAULT_LANGUAGES);
    }

    /**
     * @param languages ISO 639-1 codes (ISO 639-3 where a language has none) the detector may
     *                  answer; English is always among them
     */
    public static OpenNlpLanguageDetection loadBundled(Set<String> languages) {
        InputStream in = OpenNlpLanguageDetection.class.getResourceAsStream(BUNDLED_MODEL);
        if (in == null) {
            throw new IllegalStateException("missing " + BUNDLED_MODEL + ": add org.apache.opennlp:opennlp-models-langdetect");
        }
        try (in) {
            return new OpenNlpLanguageDetection(new LanguageDetectorModel(in).getMaxentModel(), Set.copyOf(languages));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the language detection model", e);
        }
    }

    @Override
    public Optional<String> detect(String words) {
        String text = words.length() > MAX_CHARS ? words.substring(0, MAX_CHARS) : words;
        if (text.isBlank()) {
            return Optional.empty();
        }
        double[] probabilities = model.eval(characterNgrams(text.toLowerCase(Locale.ROOT)));
        int best = english;
        for (int i = 0; i < probabilities.length; i++) {
            if (allowed[i] && probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        boolean englishNearlyAsLikely = probabilities[english] >= ENGLISH_PREFERENCE * probabilities[best];
        return Optional.of(englishNearlyAsLikely ? "en" : outcomeCodes[best]);
    }

    static String[] characterNgrams(String text) {
        Set<String> grams = new LinkedHashSet<>();
        for (int n = 1; n <= 3; n++) {
            for (int i = 0; i + n <= text.length(); i++) {
                grams.add(text.substring(i, i + n));
            }
        }
        return grams.toArray(String[]::new);
    }

    private static Map<String, String> twoLetterCodes() {
        Map<String, String> codes = new HashMap<>(MACROLANGUAGE_MEMBERS);
        for (String twoLetter : Locale.getISOLanguages()) {
            codes.putIfAbsent(Locale.forLanguageTag(twoLetter).getISO3Language(), twoLetter);
        }
        return codes;
    }
}
