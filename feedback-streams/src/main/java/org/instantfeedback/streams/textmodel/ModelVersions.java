package org.instantfeedback.streams.textmodel;

import org.instantfeedback.scoring.model.TextModel;

/** Versions of the models the operator loop promotes: op-1, op-2, ... in the order of promotion. */
final class ModelVersions {

    static final String PREFIX = "op-";

    private ModelVersions() {
    }

    static String version(int generation) {
        return PREFIX + generation;
    }

    /** n of "op-n"; 0 for anything else (a base model, or a file an operator trained). */
    static int generation(String version) {
        if (version.startsWith(PREFIX)) {
            try {
                return Integer.parseInt(version.substring(PREFIX.length()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    static int generation(TextModel model) {
        return generation(model.version());
    }
}
