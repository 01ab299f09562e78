package org.instantfeedback.replies.provider;

import java.util.Objects;

/**
 * A credential read from the environment (auth token, API key secret, Authorization header). It never
 * shows in logs, messages or a settings record's {@code toString()}; only the request that needs it
 * reads it, through {@link #reveal()}.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value"));
    }

    /** The secret itself, for the one header that carries it. */
    String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[hidden]";
    }
}
