package org.instantfeedback.notifier.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook call: {@code v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}.
 * The timestamp (epoch seconds, also sent as {@value #TIMESTAMP_HEADER}) is signed with the body,
 * so a receiver that refuses old timestamps also refuses replays. The {@code v1=} prefix leaves room
 * for another scheme without breaking receivers.
 */
public final class WebhookSignature {
    public static final String SIGNATURE_HEADER = "X-Feedback-Signature";
    public static final String TIMESTAMP_HEADER = "X-Feedback-Timestamp";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** The header value for a body sent at {@code epochSeconds}. */
    public static String sign(String secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
