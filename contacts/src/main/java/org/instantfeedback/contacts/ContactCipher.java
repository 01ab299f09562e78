package org.instantfeedback.contacts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.instantfeedback.events.ReplyAddress;
import org.instantfeedback.events.WrappedContactKey;

/**
 * Envelope encryption of passengers' numbers, with no Kafka in sight: a number is sealed with a
 * data key of its contact, and the data key is wrapped by the operator's key-encryption key (KEK)
 * so that it can be stored beside the data. Destroying a contact's wrapped keys makes every copy
 * of its number unreadable, wherever it went.
 *
 * <p>AES-256-GCM because it is authenticated: an altered ciphertext fails to open instead of
 * opening to a wrong number that an SMS would then be sent to. Every encryption draws a fresh
 * 12-byte nonce, written before the ciphertext, since GCM under one key must never reuse a nonce.
 *
 * <p>Associated data binds each ciphertext to its place: an address to its contactId, a wrapped
 * key to its contactId and keyId. Otherwise an address or a key copied onto another contact (by a
 * bug or by someone with write access to the topic) would open there, and erasing the first
 * contact would not erase it.
 */
public final class ContactCipher {
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_ID_BYTES = 8;
    private static final String KEY_ID_PREFIX = "k-";

    private final KeyEncryptionKey current;
    private final Map<String, KeyEncryptionKey> kekById = new HashMap<>();
    private final SecureRandom random;

    public ContactCipher(KeyEncryptionKey current, List<KeyEncryptionKey> previous, SecureRandom random) {
        this.current = Objects.requireNonNull(current, "current");
        this.random = Objects.requireNonNull(random, "random");
        previous.forEach(key -> kekById.put(key.id(), key));
        kekById.put(current.id(), current);
    }

    /**
     * The cipher of the configured keys.
     *
     * @throws IllegalStateException when replies are off ({@link ContactSettings#enabled()} is false)
     */
    public static ContactCipher from(ContactSettings settings) {
        KeyEncryptionKey kek = settings.kek().orElseThrow(() -> new IllegalStateException(
                ContactSettings.CONTACT_KEK + " is not set: contacts' numbers cannot be sealed"));
        return new ContactCipher(kek, settings.previousKeks(), new SecureRandom());
    }

    /** A new random data key, with a random id like {@code k-3f9a0c12d4e5b6a7}. */
    public DataKey newDataKey() {
        byte[] id = new byte[KEY_ID_BYTES];
        random.nextBytes(id);
        byte[] key = new byte[KeyEncryptionKey.KEY_BYTES];
        random.nextBytes(key);
        return new DataKey(KEY_ID_PREFIX + HexFormat.of().formatHex(id), key);
    }

    /** {@code key} wrapped by the current KEK, for {@code contactId} only. */
    public WrappedContactKey wrap(String contactId, DataKey key, Instant createdAt) {
        byte[] wrapped = encrypt(current.secretKey(), key.bytes(), keyAssociatedData(contactId, key.keyId()));
        return WrappedContactKey.newBuilder()
                .setKeyId(key.keyId())
                .setKekId(current.id())
                .setWrappedKey(ByteBuffer.wrap(wrapped))
                .setCreatedAt(createdAt)
                .build();
    }

    /**
     * The data key in {@code wrapped}, unwrapped by the KEK it names (the current one or a
     * previous one).
     *
     * @throws ContactKeyException when that KEK is not configured, or the key does not open (it was
     *                             altered, or wrapped for another contact or key id)
     */
    public DataKey unwrap(String contactId, WrappedContactKey wrapped) {
        KeyEncryptionKey kek = kekById.get(wrapped.getKekId());
        if (kek == null) {
            throw new ContactKeyException("key " + wrapped.getKeyId() + " of contact " + contactId
                    + " is wrapped by the key-encryption key '" + wrapped.getKekId() + "', which is neither "
                    + ContactSettings.CONTACT_KEK_ID + " nor in " + ContactSettings.CONTACT_KEK_PREVIOUS);
        }
        try {
            byte[] key = decrypt(kek.secretKey(), bytesOf(wrapped.getWrappedKey()),
                    keyAssociatedData(contactId, wrapped.getKeyId()));
            return new DataKey(wrapped.getKeyId(), key);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new ContactKeyException("key " + wrapped.getKeyId() + " of contact " + contactId + " does not"
                    + " open with the key-encryption key '" + kek.id() + "': altered, or not this contact's", e);
        }
    }

    /** {@code number} encrypted with {@code key}, readable only as an address of {@code contactId}. */
    public ReplyAddress seal(String contactId, String operatorNumber, DataKey key, String number) {
        byte[] ciphertext = encrypt(key.secretKey(), number.getBytes(StandardCharsets.UTF_8),
                contactId.getBytes(StandardCharsets.UTF_8));
        return ReplyAddress.newBuilder()
                .setContactId(contactId)
                .setOperatorNumber(operatorNumber)
                .setKeyId(key.keyId())
                .setCiphertext(ByteBuffer.wrap(ciphertext))
                .build();
    }

    /**
     * The number in {@code address}.
     *
     * @throws ContactKeyException when {@code key} is not the address's key, or the address does not
     *                             open with it (altered, or moved to another contact)
     */
    public String open(ReplyAddress address, DataKey key) {
        if (!address.getKeyId().equals(key.keyId())) {
            throw new ContactKeyException("the address of contact " + address.getContactId() + " was sealed with key "
                    + address.getKeyId() + ", not " + key.keyId());
        }
        try {
            byte[] number = decrypt(key.secretKey(), bytesOf(address.getCiphertext()),
                    address.getContactId().getBytes(StandardCharsets.UTF_8));
            return new String(number, StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new ContactKeyException("the address of contact " + address.getContactId() + " does not open with"
                    + " key " + key.keyId() + ": altered, or not this contact's", e);
        }
    }

    private static byte[] keyAssociatedData(String contactId, String keyId) {
        return (contactId + "\u0000" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] encrypt(SecretKey key, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + TRANSFORMATION, e);
        }
    }

    /** @throws AEADBadTagException when the tag does not match: altered bytes, wrong key or wrong associated data */
    private static byte[] decrypt(SecretKey key, byte[] nonceAndCiphertext, byte[] associatedData)
            throws AEADBadTagException {
        if (nonceAndCiphertext.length < NONCE_BYTES + TAG_BITS / Byte.SIZE) {
            throw new IllegalArgumentException("too short for a nonce and a tag");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonceAndCiphertext, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(nonceAndCiphertext, NONCE_BYTES, nonceAndCiphertext.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + TRANSFORMATION, e);
        }
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
