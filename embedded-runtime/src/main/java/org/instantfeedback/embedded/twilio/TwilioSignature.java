package org.instantfeedback.embedded.twilio;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Twilio-Signature} of a webhook request, as Twilio's "Secure webhooks" page documents
 * it: the full URL (with its query string) followed by every POST parameter's name and value, sorted
 * by name, with no separators, HMAC-SHA1 keyed with the account's auth token, in base64.
 *
 * <p>Written from the documentation rather than taken from feedback-ingest, so the stand-in is a
 * second, independent reading of the scheme: a mistake in one shows as a failed check in the other.
 */
public final class TwilioSignature {
    public static final String HEADER = "X-Twilio-Signature";
    private static final String ALGORITHM = "HmacSHA1";

    private final SecretKeySpec key;

    public TwilioSignature(String authToken) {
        Objects.requireNonNull(authToken, "authToken");
        this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The signature Twilio would send with a POST of {@code parameters} to {@code url}. */
    public String sign(String url, Map<String, String> parameters) {
        StringBuilder signed = new StringBuilder(url);
        // String order is Twilio's order for the ASCII parameter names it sends.
        new TreeMap<>(parameters).forEach((name, value) -> signed.append(name).append(value));
        return Base64.getEncoder().encodeToString(hmac(signed.toString()));
    }

    /** Whether {@code signature} is this key's signature of the request, compared in constant time. */
    public boolean verifies(String url, Map<String, String> parameters, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(url, parameters).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] hmac(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA1 and takes any key for it", e);
        }
    }

    @Override
    public String toString() {
        return "TwilioSignature[key hidden]";
    }
}
