package org.instantfeedback.ingest.privacy;

import java.time.Clock;
import java.util.Optional;
import org.instantfeedback.contacts.ContactKeyring;
import org.instantfeedback.events.ReplyAddress;

/**
 * Where an answer to an SMS can go, sealed at the edge: the sender's number encrypted with their own
 * data key ({@link ContactKeyring}), so that past this class the number travels only encrypted.
 * Without the operator's key ({@code CONTACT_KEK}) passengers cannot be answered, and nothing is sealed.
 */
public interface ReplyAddresses {

    /** The address of {@code number} for contact {@code contactId}, answered from {@code operatorNumber}. */
    Optional<ReplyAddress> seal(String contactId, String operatorNumber, String number);

    /** Answers are off: no address is kept. */
    static ReplyAddresses none() {
        return (contactId, operatorNumber, number) -> Optional.empty();
    }

    /**
     * Addresses sealed with the keyring's keys, the number in the normalised form its pseudonym is
     * made from, so the reply sender sends to the number the passenger wrote from.
     *
     * @throws org.instantfeedback.contacts.ContactKeysUnavailableException when a new contact's key cannot be stored
     */
    static ReplyAddresses sealedWith(ContactKeyring keyring, Clock clock) {
        return (contactId, operatorNumber, number) -> operatorNumber == null || operatorNumber.isBlank()
                ? Optional.empty()
                : Optional.of(keyring.seal(contactId, operatorNumber.strip(), PhoneNumbers.normalise(number),
                        clock.instant()));
    }
}
