package org.instantfeedback.embedded.twilio;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code application/x-www-form-urlencoded} bodies, the only kind Twilio's REST API and its webhooks use. */
final class FormEncoding {
    static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

    private FormEncoding() {
    }

    /** The parameters of {@code body}; a parameter given twice keeps its first value, as the checks need one. */
    static Map<String, String> decode(String body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return parameters;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
