package org.instantfeedback.scoring;

/**
 * Scorers shared by the tests: the language model takes seconds to load, so every test class
 * reuses one detector. {@link TextScorer} is immutable, so sharing is safe.
 */
public final class Scorers {

    private static LanguageDetection detection;
    private static TextScorer standard;
    private static TextScorer plainVader;

    private Scorers() {
    }

    public static synchronized LanguageDetection detection() {
        if (detection == null) {
            detection = OpenNlpLanguageDetection.loadBundled();
        }
        return detection;
    }

    /** The scorer as shipped: VADER plus the transport extension, with language detection. */
    public static synchronized TextScorer standard() {
        if (standard == null) {
            standard = TextScorer.builder().languageDetection(detection()).build();
        }
        return standard;
    }

    /** VADER without the transport extension, for comparisons. */
    public static synchronized TextScorer plainVader() {
        if (plainVader == null) {
            plainVader = TextScorer.builder().withoutTransportExtension().languageDetection(detection()).build();
        }
        return plainVader;
    }

    public static TextScorer.Builder builder() {
        return TextScorer.builder().languageDetection(detection());
    }
}
