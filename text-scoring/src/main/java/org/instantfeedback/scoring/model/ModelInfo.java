package org.instantfeedback.scoring.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a model is: its version, the model it was trained from, when, the languages it reads, and
 * free-form facts for its card (training data, example counts, held-back figures).
 *
 * @param version   "base-1" for a model shipped with the project, "op-7" for the seventh model an
 *                  operator's feedback taught; unique per deployment
 * @param parent    the version it started from, null for a base model
 * @param createdAt when training finished
 * @param languages the languages whose texts get the model's reading (ISO 639-1, "und" for texts
 *                  without words); a text in another language reads UNKNOWN
 * @param facts     sorted name-value pairs, written into the model file as they are
 */
public record ModelInfo(String version, String parent, Instant createdAt, SortedSet<String> languages,
                        SortedMap<String, String> facts) {

    public ModelInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(createdAt, "createdAt");
        if (version.isBlank() || version.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("a model version is one word, got '" + version + "'");
        }
        // the model file keeps milliseconds: a model read back has the same info as the one written
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        languages = Collections.unmodifiableSortedSet(new TreeSet<>(languages));
        facts = Collections.unmodifiableSortedMap(new TreeMap<>(facts));
    }

    public ModelInfo withVersion(String newVersion, String newParent) {
        return new ModelInfo(newVersion, newParent, createdAt, languages, facts);
    }

    public ModelInfo withLanguages(SortedSet<String> newLanguages) {
        return new ModelInfo(version, parent, createdAt, newLanguages, facts);
    }

    public ModelInfo withFact(String name, String value) {
        SortedMap<String, String> more = new TreeMap<>(facts);
        more.put(name, value);
        return new ModelInfo(version, parent, createdAt, languages, more);
    }
}
