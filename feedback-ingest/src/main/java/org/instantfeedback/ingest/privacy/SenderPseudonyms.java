package org.instantfeedback.ingest.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.instantfeedback.ingest.config.Secret;

/**
 * Turns a sender's phone number (or other address) into a pseudonym: the keyed HMAC-SHA256 of the
 * normalised address ({@link PhoneNumbers#normalise}), Base64url without padding (43 characters).
 * The same sender always gets the same pseudonym, so they can be counted once, but without the
 * secret nobody can tell who it is, not even by trying every phone number.
 */
public final class SenderPseudonyms {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public SenderPseudonyms(Secret secret) {
        this.key = new SecretKeySpec(secret.bytes(), ALGORITHM);
    }

    public String pseudonymOf(String senderAddress) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(PhoneNumbers.normalise(senderAddress).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}
