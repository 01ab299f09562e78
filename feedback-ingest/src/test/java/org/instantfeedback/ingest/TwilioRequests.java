package org.instantfeedback.ingest;

import java.net.http.HttpResponse;
import java.util.Map;
import org.instantfeedback.embedded.twilio.TwilioSignature;
import org.instantfeedback.embedded.twilio.TwilioWebhook;

/**
 * Requests as Twilio sends them: form-encoded parameters, signed with the account's auth token.
 * They are signed by the Twilio stand-in's signer, a reading of Twilio's scheme independent of
 * ingest's own, so a mistake in either shows as a refused request.
 */
final class TwilioRequests {
    static final String FORM = TwilioWebhook.CONTENT_TYPE;
    static final String SIGNATURE_HEADER = TwilioSignature.HEADER;

    private TwilioRequests() {
    }

    /** POSTs {@code parameters} to {@code pathAndQuery}, signed as Twilio signs a request to {@code signedUrl}. */
    static HttpResponse<String> postSigned(IngestHttpClient client, String pathAndQuery, String signedUrl,
            String authToken, Map<String, String> parameters) {
        return client.postTo(pathAndQuery, FORM, form(parameters), SIGNATURE_HEADER,
                signature(authToken, signedUrl, parameters));
    }

    static String signature(String authToken, String url, Map<String, String> parameters) {
        return new TwilioSignature(authToken).sign(url, parameters);
    }

    static String form(Map<String, String> parameters) {
        return TwilioWebhook.form(parameters);
    }
}
