package org.instantfeedback.contacts;

import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One contact's data key in clear: only ever in memory, never written anywhere unwrapped. Its
 * {@link #toString()} shows the id only.
 */
public final class DataKey {
    private final String keyId;
    private final byte[] key;

    DataKey(String keyId, byte[] key) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        if (key.length != KeyEncryptionKey.KEY_BYTES) {
            throw new IllegalArgumentException("a data key must have " + KeyEncryptionKey.KEY_BYTES + " bytes");
        }
        this.key = key.clone();
    }

    public String keyId() {
        return keyId;
    }

    byte[] bytes() {
        return key.clone();
    }

    SecretKey secretKey() {
        return new SecretKeySpec(key, "AES");
    }

    @Override
    public String toString() {
        return "DataKey[keyId=" + keyId + ", key=****]";
    }
}
