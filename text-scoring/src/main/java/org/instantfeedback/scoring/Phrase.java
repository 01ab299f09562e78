package org.instantfeedback.scoring;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a term of the phrase table carries; one term can do several jobs ("missed my connection"
 * scores -2.3 and is about punctuality).
 *
 * @param valence VADER-scale valence, NaN when the term is not a sentiment item
 * @param topics  topics the term signals, possibly none
 * @param urgency whether it is an urgent term, a not-urgent phrase, or neither
 */
record Phrase(double valence, Set<Topic> topics, Urgency urgency) {

    enum Urgency { NONE, URGENT, NOT_URGENT }

    static Phrase valence(double valence) {
        return new Phrase(valence, Set.of(), Urgency.NONE);
    }

    static Phrase topic(Topic topic) {
        return new Phrase(Double.NaN, Set.of(topic), Urgency.NONE);
    }

    static Phrase urgency(boolean urgent) {
        return new Phrase(Double.NaN, Set.of(), urgent ? Urgency.URGENT : Urgency.NOT_URGENT);
    }

    /** {@code later} wins for valence and urgency; topics add up. */
    Phrase mergedWith(Phrase later) {
        EnumSet<Topic> allTopics = EnumSet.noneOf(Topic.class);
        allTopics.addAll(topics);
        allTopics.addAll(later.topics);
        return new Phrase(Double.isNaN(later.valence) ? valence : later.valence,
                Collections.unmodifiableSet(allTopics),
                later.urgency == Urgency.NONE ? urgency : later.urgency);
    }

    boolean hasValence() {
        return !Double.isNaN(valence);
    }

    boolean hasUrgency() {
        return urgency != Urgency.NONE;
    }
}
