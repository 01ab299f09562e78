package org.instantfeedback.ingest.sms;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.instantfeedback.ingest.config.Secret;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): Base64 of the HMAC-SHA1, keyed with the
 * account's auth token, of the full URL Twilio requested followed by every POST parameter sorted
 * by name, each name immediately followed by its value. Compared in constant time.
 *
 * <p>Twilio may or may not include the default port in the URL it signs (it differs between
 * accounts and SDK versions), so a signature is accepted for the URL with and without
 * {@code :443} / {@code :80}, as Twilio's own validators do.
 */
public final class TwilioSignature {
    private static final String ALGORITHM = "HmacSHA1";
    /** By name, then (for repeated names) by value, comparing UTF-16 code units like Twilio's libraries. */
    private static final Comparator<Map.Entry<String, String>> TWILIO_ORDER =
            Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue());

    private TwilioSignature() {
    }

    /** The signature Twilio computes for a request to {@code url} with these parameters. */
    public static String compute(Secret authToken, String url, List<Map.Entry<String, String>> parameters) {
        StringBuilder data = new StringBuilder(url);
        List<Map.Entry<String, String>> sorted = new ArrayList<>(parameters);
        sorted.sort(TWILIO_ORDER);
        for (Map.Entry<String, String> parameter : sorted) {
            data.append(parameter.getKey()).append(parameter.getValue());
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(authToken.bytes(), ALGORITHM));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }

    /** Whether {@code signature} is Twilio's for this request, trying the URL with and without its default port. */
    public static boolean valid(Secret authToken, String url, List<Map.Entry<String, String>> parameters,
            String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        byte[] given = signature.strip().getBytes(StandardCharsets.US_ASCII);
        boolean valid = false;
        for (String candidate : urlVariants(url)) {
            byte[] expected = compute(authToken, candidate, parameters).getBytes(StandardCharsets.US_ASCII);
            // No early exit: every variant is computed and compared, whatever matched.
            valid |= MessageDigest.isEqual(expected, given);
        }
        return valid;
    }

    static Set<String> urlVariants(String url) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(url);
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return variants; // not an absolute http(s) URL: only the URL as given can be tried
            }
            int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
            if (port == defaultPort) {
                variants.add(withPort(uri, -1));
                variants.add(withPort(uri, defaultPort));
            }
        } catch (URISyntaxException e) {
            // Only the URL as given can be tried.
        }
        return variants;
    }

    private static String withPort(URI uri, int port) {
        String authority = (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@") + uri.getHost()
                + (port == -1 ? "" : ":" + port);
        StringBuilder url = new StringBuilder(uri.getScheme()).append("://").append(authority);
        if (uri.getRawPath() != null) {
            url.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            url.append('?').append(uri.getRawQuery());
        }
        return url.toString();
    }
}
