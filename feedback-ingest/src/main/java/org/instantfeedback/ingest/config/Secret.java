package org.instantfeedback.ingest.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A secret read from the environment (auth token, API key, HMAC key). It never shows in logs or
 * messages ({@link #toString()} hides it), and {@link #matches} compares in constant time, so
 * neither the answer time nor a stack trace gives it away.
 */
public final class Secret {
    private final byte[] value;

    private Secret(byte[] value) {
        this.value = value;
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        return new Secret(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Each of {@code values} as a secret, in order. */
    public static List<Secret> all(List<String> values) {
        return values.stream().map(Secret::of).toList();
    }

    /** A copy of the secret's UTF-8 bytes, for keying a MAC. */
    public byte[] bytes() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    /**
     * Whether {@code candidate} is this secret. Both are hashed first, so the comparison takes the
     * same time whatever their lengths and wherever they differ.
     */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(value), sha256(candidate.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && MessageDigest.isEqual(value, that.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sha256(value));
    }

    @Override
    public String toString() {
        return "Secret[hidden]";
    }
}
