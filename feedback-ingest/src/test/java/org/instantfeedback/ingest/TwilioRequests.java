package org.instantfeedback.ingest;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.stream.Collectors;
import org.instantfeedback.ingest.config.Secret;
import org.instantfeedback.ingest.sms.TwilioSignature;

/** Requests as Twilio sends them: form-encoded parameters, signed with the account's auth token. */
final class TwilioRequests {
    static final String FORM = "application/x-www-form-urlencoded";
    static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    private TwilioRequests() {
    }

    /** POSTs {@code parameters} to {@code pathAndQuery}, signed as Twilio signs a request to {@code signedUrl}. */
    static HttpResponse<String> postSigned(IngestHttpClient client, String pathAndQuery, String signedUrl,
            String authToken, Map<String, String> parameters) {
        return client.postTo(pathAndQuery, FORM, form(parameters), SIGNATURE_HEADER,
                signature(authToken, signedUrl, parameters));
    }

    static String signature(String authToken, String url, Map<String, String> parameters) {
        return TwilioSignature.compute(Secret.of(authToken), url, new ArrayList<>(parameters.entrySet()));
    }

    static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
