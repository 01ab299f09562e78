package org.instantfeedback.scoring;

/**
 * Scorers shared by the tests: the language model takes seconds to load, so every test class
 * reuses one detector. {@link TextScorer} is immutable, so sharing is safe.
 */
public final class Scorers {

    private static LanguageDetection detection;
    private static TextScorer standard;
    private static TextScorer lexicon;
    private static TextScorer plainVader;

    private Scorers() {
    }

    public static synchronized LanguageDetection detection() {
        if (detection == null) {
            detection = OpenNlpLanguageDetection.loadBundled();
        }
        return detection;
    }

    /** The scorer as shipped: the bundled base model reads labels; VADER plus the transport extension beside it. */
    public static synchronized TextScorer standard() {
        if (standard == null) {
            standard = TextScorer.builder().languageDetection(detection()).build();
        }
        return standard;
    }

    /** The lexicon alone (VADER plus the transport extension, no model): for tests of its rules. */
    public static synchronized TextScorer lexicon() {
        if (lexicon == null) {
            lexicon = standard().withModel(null);
        }
        return lexicon;
    }

    /** VADER without the transport extension or a model, for comparisons. */
    public static synchronized TextScorer plainVader() {
        if (plainVader == null) {
            plainVader = TextScorer.builder().withoutTransportExtension().withoutModel()
                    .languageDetection(detection()).build();
        }
        return plainVader;
    }

    /** A builder with the shared detector (and the bundled model unless told otherwise). */
    public static TextScorer.Builder builder() {
        return TextScorer.builder().languageDetection(detection());
    }

    /** A builder with the shared detector and no model. */
    public static TextScorer.Builder lexiconBuilder() {
        return builder().withoutModel();
    }
}
