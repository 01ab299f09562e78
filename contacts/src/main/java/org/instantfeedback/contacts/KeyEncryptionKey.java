package org.instantfeedback.contacts;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The operator's key-encryption key (KEK): an id, recorded on every data key it wraps, and 32 AES
 * bytes. It never shows itself: {@link #toString()} prints the id and {@code ****}, so settings
 * and exceptions can be logged whole.
 */
public final class KeyEncryptionKey {
    static final int KEY_BYTES = 32;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String id;
    private final byte[] key;

    private KeyEncryptionKey(String id, byte[] key) {
        this.id = id;
        this.key = key;
    }

    /**
     * A KEK from raw bytes.
     *
     * @throws IllegalArgumentException when the id is not a short name or the key is not 32 bytes
     */
    public static KeyEncryptionKey of(String id, byte[] key) {
        Objects.requireNonNull(key, "key");
        if (!isValidId(id)) {
            throw new IllegalArgumentException("a key id must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key must have " + KEY_BYTES + " bytes, had " + key.length);
        }
        return new KeyEncryptionKey(id, key.clone());
    }

    /**
     * A KEK from base64 text. The message of a failure never repeats the text: a mistyped key is
     * still mostly a key.
     *
     * @throws IllegalArgumentException when the text is not base64 of exactly 32 bytes
     */
    public static KeyEncryptionKey fromBase64(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be base64 of exactly " + KEY_BYTES + " bytes (e.g. from"
                    + " 'openssl rand -base64 32'), was not base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("must be base64 of exactly " + KEY_BYTES + " bytes (e.g. from"
                    + " 'openssl rand -base64 32'), was " + bytes.length + " bytes");
        }
        return of(id, bytes);
    }

    static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public String id() {
        return id;
    }

    SecretKey secretKey() {
        return new SecretKeySpec(key, "AES");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyEncryptionKey that && id.equals(that.id) && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[id=" + id + ", key=****]";
    }
}
