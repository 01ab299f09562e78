package org.instantfeedback.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.instantfeedback.scoring.model.TextModel;
import org.instantfeedback.scoring.model.TextModelFile;

/**
 * The base model shipped in this jar, trained by {@code text-scoring/train-base-model} from public
 * rated corpora and this project's passenger messages (see {@code text-scoring/MODEL_CARD.md}).
 */
public final class BundledModel {

    private static final String RESOURCE = "model/base.model";

    private BundledModel() {
    }

    public static TextModel load() {
        try (InputStream in = TextScorer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " next to " + TextScorer.class);
            }
            return TextModelFile.read(in, "bundled " + RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
