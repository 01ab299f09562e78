package org.instantfeedback.scoring.training;

import java.util.Objects;

import org.instantfeedback.scoring.SentimentLabel;

/**
 * A text with the label its writer (by their rating) or a person gave it.
 *
 * @param text   the text
 * @param label  NEGATIVE, NEUTRAL or POSITIVE (UNKNOWN only in evaluation files, for texts in a
 *               language that should not be read)
 * @param source the file or set it came from ("rail reviews: titles"), for weighing and figures
 * @param group  what it is about where that matters for splits (a rail review's company), or the
 *               source again
 * @param id     stable on every machine, the same for the title and text of one review: what
 *               {@link StableSplit} hashes
 * @param where  file and line, for messages
 */
public record LabelledText(String text, SentimentLabel label, String source, String group, String id,
                           String where) {

    public LabelledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(where, "where");
    }
}
