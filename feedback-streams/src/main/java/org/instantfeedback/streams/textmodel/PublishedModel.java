package org.instantfeedback.streams.textmodel;

import org.instantfeedback.events.TextModelPublished;
import org.instantfeedback.scoring.model.TextModel;

/**
 * A promoted model as read from {@code feedback.text-models.v1}: the model and how it was judged.
 * The record's model bytes are dropped once read: the decoded model holds the same.
 */
record PublishedModel(TextModel model, TextModelPublished record) {

    int generation() {
        return ModelVersions.generation(model);
    }
}
