package org.instantfeedback.scoring;

import java.util.Optional;

/** Tells the language of a text. Implementations must be thread-safe and must not use the network. */
@FunctionalInterface
public interface LanguageDetection {

    /**
     * @param words the text's words, lower case, separated by single spaces (no URLs, names,
     *              numbers or emoji)
     * @return the ISO 639-1 code of the most likely language (ISO 639-3 for a language without
     *         one), or empty when the detector cannot tell
     */
    Optional<String> detect(String words);

    /** A detector that never knows; every text the English fast path rejects is then scored as English. */
    static LanguageDetection none() {
        return words -> Optional.empty();
    }
}
