package org.instantfeedback.ingest.http;

import io.javalin.http.Context;
import java.util.Optional;
import org.instantfeedback.ingest.config.Secret;
import org.instantfeedback.ingest.config.TwilioSettings;
import org.instantfeedback.ingest.http.RejectedRequestException.Reason;
import org.instantfeedback.ingest.sms.TwilioSignature;

/**
 * What every Twilio webhook of this service checks before its parameters are read: the channel is
 * turned on (the auth token is set; else 404 channel-not-configured), the request carries an
 * {@code X-Twilio-Signature} (else 403), its body is form-encoded (else 415), and the signature is
 * Twilio's for the public URL of the request and every parameter (else 403).
 */
final class TwilioWebhook {
    private static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    private final Optional<Secret> authToken;
    private final PublicUrls urls;
    private final int maxBodyBytes;

    TwilioWebhook(Optional<Secret> authToken, PublicUrls urls, int maxBodyBytes) {
        this.authToken = authToken;
        this.urls = urls;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * The parameters of a request Twilio signed.
     *
     * @param channel the channel's name for the 404 answer ("Twilio SMS")
     */
    FormParameters verified(Context ctx, String channel) {
        Secret token = authToken.orElseThrow(() -> new RejectedRequestException(Reason.CHANNEL_NOT_CONFIGURED,
                channel + " is not enabled on this service; the operator sets " + TwilioSettings.TWILIO_AUTH_TOKEN));
        String signature = ctx.header(SIGNATURE_HEADER);
        if (signature == null || signature.isBlank()) {
            throw new ForbiddenException("the request carries no " + SIGNATURE_HEADER + " header");
        }
        BoundedBody.requireMediaType(ctx.contentType(), BoundedBody.FORM);
        FormParameters form = FormParameters.parse(BoundedBody.read(ctx, maxBodyBytes));
        if (!TwilioSignature.valid(token, urls.requested(ctx.fullUrl(), ctx.path(), ctx.queryString()),
                form.entries(), signature)) {
            throw new ForbiddenException("the " + SIGNATURE_HEADER + " header does not match this request");
        }
        return form;
    }
}
