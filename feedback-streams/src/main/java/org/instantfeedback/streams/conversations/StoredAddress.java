package org.instantfeedback.streams.conversations;

import org.instantfeedback.events.ReplyAddress;

/**
 * A passenger's number as the edge encrypted it ({@link ReplyAddress}): kept with the contact so an
 * answer can be addressed, and readable only by the reply sender, which holds the operator's key.
 */
record StoredAddress(String contactId, String operatorNumber, String keyId, byte[] ciphertext) {

    static StoredAddress of(ReplyAddress address) {
        byte[] bytes = new byte[address.getCiphertext().remaining()];
        address.getCiphertext().duplicate().get(bytes);
        return new StoredAddress(address.getContactId(), address.getOperatorNumber(), address.getKeyId(), bytes);
    }

    ReplyAddress toAvro() {
        return ReplyAddress.newBuilder().setContactId(contactId).setOperatorNumber(operatorNumber).setKeyId(keyId)
                .setCiphertext(java.nio.ByteBuffer.wrap(ciphertext.clone())).build();
    }
}
