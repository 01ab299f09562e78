package org.instantfeedback.config;

import java.util.Objects;

/**
 * One environment variable a deployable reads: its name, its default (null when it has none and
 * must be given) and what it means. Each service lists its variables, so the configuration reference (docs/configuration.md), the
 * docker-compose file and the code can be checked against one another.
 */
public record ConfigVariable(String name, String defaultValue, String meaning) {
    public ConfigVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(meaning, "meaning");
    }

    public boolean required() {
        return defaultValue == null;
    }
}
