package org.instantfeedback.scoring.training;

import java.util.Locale;

/** The labelled-text files the tools read; {@link CorpusReader} tells them apart by their first line. */
public enum CorpusFormat {
    /** {@code rating<TAB>text}, no header: an operator's own rated feedback (see {@link RatingLabels}). */
    RATED_TEXTS,
    /** VADER's human-rated sets: {@code id<TAB>mean rating -4..4<TAB>text}; above 0.5 positive, below -0.5 negative. */
    VADER_SENTENCES,
    /** This project's passenger messages: header {@code label urgent topics language text}. */
    PASSENGER_MESSAGES,
    /** Reviews with their writers' stars: header {@code date title text url stars}; title and text are two texts. */
    RAIL_REVIEWS;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
