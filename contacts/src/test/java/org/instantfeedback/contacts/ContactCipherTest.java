package org.instantfeedback.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.instantfeedback.events.ReplyAddress;
import org.instantfeedback.events.WrappedContactKey;
import org.junit.jupiter.api.Test;

class ContactCipherTest {
    private static final String NUMBER = "+447700900123";
    private static final String OPERATOR = "+447700900999";
    private static final Instant NOW = Instant.parse("2026-12-07T10:15:30Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyEncryptionKey kek = randomKek("kek-1");
    private final ContactCipher cipher = new ContactCipher(kek, List.of(), RANDOM);

    @Test
    void opens_the_number_it_sealed() {
        DataKey key = cipher.newDataKey();

        ReplyAddress address = cipher.seal("contact-a", OPERATOR, key, NUMBER);

        assertThat(address.getContactId()).isEqualTo("contact-a");
        assertThat(address.getOperatorNumber()).isEqualTo(OPERATOR);
        assertThat(address.getKeyId()).isEqualTo(key.keyId()).matches("k-[0-9a-f]{16}");
        assertThat(cipher.open(address, key)).isEqualTo(NUMBER);
    }

    @Test
    void seals_the_same_number_differently_every_time() {
        DataKey key = cipher.newDataKey();

        ReplyAddress first = cipher.seal("contact-a", OPERATOR, key, NUMBER);
        ReplyAddress second = cipher.seal("contact-a", OPERATOR, key, NUMBER);

        assertThat(first.getCiphertext()).isNotEqualTo(second.getCiphertext());
    }

    @Test
    void unwraps_the_data_key_it_wrapped() {
        DataKey key = cipher.newDataKey();
        WrappedContactKey wrapped = cipher.wrap("contact-a", key, NOW);
        ReplyAddress address = cipher.seal("contact-a", OPERATOR, key, NUMBER);

        DataKey unwrapped = cipher.unwrap("contact-a", wrapped);

        assertThat(wrapped.getKekId()).isEqualTo("kek-1");
        assertThat(wrapped.getCreatedAt()).isEqualTo(NOW);
        assertThat(unwrapped.keyId()).isEqualTo(key.keyId());
        assertThat(cipher.open(address, unwrapped)).isEqualTo(NUMBER);
    }

    @Test
    void an_address_moved_to_another_contact_does_not_open() {
        DataKey keyOfA = cipher.newDataKey();
        ReplyAddress ofA = cipher.seal("contact-a", OPERATOR, keyOfA, NUMBER);
        ReplyAddress movedToB = ReplyAddress.newBuilder(ofA).setContactId("contact-b").build();

        assertThatThrownBy(() -> cipher.open(movedToB, keyOfA))
                .isInstanceOf(ContactKeyException.class)
                .hasMessageContaining("contact-b")
                .hasMessageNotContaining(NUMBER);
    }

    @Test
    void an_address_does_not_open_with_another_contacts_key() {
        DataKey keyOfB = cipher.newDataKey();
        ReplyAddress ofA = cipher.seal("contact-a", OPERATOR, cipher.newDataKey(), NUMBER);
        ReplyAddress claimingKeyOfB = ReplyAddress.newBuilder(ofA).setKeyId(keyOfB.keyId()).build();

        assertThatThrownBy(() -> cipher.open(ofA, keyOfB)).isInstanceOf(ContactKeyException.class);
        assertThatThrownBy(() -> cipher.open(claimingKeyOfB, keyOfB)).isInstanceOf(ContactKeyException.class);
    }

    @Test
    void a_key_wrapped_for_one_contact_does_not_unwrap_for_another() {
        WrappedContactKey ofA = cipher.wrap("contact-a", cipher.newDataKey(), NOW);

        assertThatThrownBy(() -> cipher.unwrap("contact-b", ofA))
                .isInstanceOf(ContactKeyException.class)
                .hasMessageContaining("not this contact's");
    }

    @Test
    void an_address_with_one_flipped_byte_does_not_open() {
        DataKey key = cipher.newDataKey();
        ReplyAddress address = cipher.seal("contact-a", OPERATOR, key, NUMBER);
        byte[] bytes = bytesOf(address.getCiphertext());
        bytes[bytes.length / 2] ^= 0x01;
        ReplyAddress altered = ReplyAddress.newBuilder(address).setCiphertext(ByteBuffer.wrap(bytes)).build();

        assertThatThrownBy(() -> cipher.open(altered, key))
                .isInstanceOf(ContactKeyException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void a_wrapped_key_with_one_flipped_byte_does_not_unwrap() {
        WrappedContactKey wrapped = cipher.wrap("contact-a", cipher.newDataKey(), NOW);
        byte[] bytes = bytesOf(wrapped.getWrappedKey());
        bytes[0] ^= 0x01;
        WrappedContactKey altered = WrappedContactKey.newBuilder(wrapped).setWrappedKey(ByteBuffer.wrap(bytes)).build();

        assertThatThrownBy(() -> cipher.unwrap("contact-a", altered)).isInstanceOf(ContactKeyException.class);
    }

    @Test
    void after_a_rotation_unwraps_keys_of_the_previous_kek_and_wraps_with_the_new_one() {
        DataKey key = cipher.newDataKey();
        WrappedContactKey wrappedBefore = cipher.wrap("contact-a", key, NOW);
        ReplyAddress address = cipher.seal("contact-a", OPERATOR, key, NUMBER);
        ContactCipher rotated = new ContactCipher(randomKek("kek-2"), List.of(kek), RANDOM);

        DataKey unwrapped = rotated.unwrap("contact-a", wrappedBefore);
        WrappedContactKey wrappedAfter = rotated.wrap("contact-a", unwrapped, NOW);

        assertThat(rotated.open(address, unwrapped)).isEqualTo(NUMBER);
        assertThat(wrappedAfter.getKekId()).isEqualTo("kek-2");
        assertThat(rotated.unwrap("contact-a", wrappedAfter).keyId()).isEqualTo(key.keyId());
    }

    @Test
    void names_the_kek_it_does_not_have_when_unwrapping() {
        WrappedContactKey wrapped = cipher.wrap("contact-a", cipher.newDataKey(), NOW);
        ContactCipher withoutTheOldKek = new ContactCipher(randomKek("kek-2"), List.of(), RANDOM);

        assertThatThrownBy(() -> withoutTheOldKek.unwrap("contact-a", wrapped))
                .isInstanceOf(ContactKeyException.class)
                .hasMessageContaining("'kek-1'")
                .hasMessageContaining("CONTACT_KEK_PREVIOUS");
    }

    @Test
    void keys_and_settings_never_print_their_bytes() {
        String current = randomBase64Key();
        String previous = randomBase64Key();
        ContactSettings settings = ContactSettings.from(Map.of("CONTACT_KEK", current,
                "CONTACT_KEK_PREVIOUS", "kek-0:" + previous));

        assertThat(settings.toString()).contains("kek-1", "kek-0", "****").doesNotContain(current, previous);
        assertThat(settings.previousKeks().get(0).toString()).isEqualTo("KeyEncryptionKey[id=kek-0, key=****]");
        assertThat(cipher.newDataKey().toString()).matches("DataKey\\[keyId=k-[0-9a-f]{16}, key=\\*\\*\\*\\*]");
    }

    static String randomBase64Key() {
        byte[] bytes = new byte[KeyEncryptionKey.KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static KeyEncryptionKey randomKek(String id) {
        byte[] bytes = new byte[KeyEncryptionKey.KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return KeyEncryptionKey.of(id, bytes);
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
