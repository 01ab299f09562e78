package org.instantfeedback.embedded.twilio;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer of Twilio's REST API: the HTTP status and the JSON body Twilio documents
 * ({@code code}, {@code message}, {@code more_info}, {@code status}), plus the stand-in's own reason
 * for {@link Refusal#reason()}, which unlike Twilio's message never carries the recipient's number.
 */
record TwilioError(int httpStatus, int code, String message, String reason) {

    static TwilioError notFound(String reason) {
        return new TwilioError(404, 20404, "The requested resource was not found", reason);
    }

    static TwilioError authenticate(String reason) {
        return new TwilioError(401, 20003, "Authenticate", reason);
    }

    static TwilioError methodNotAllowed(String method) {
        return new TwilioError(405, 20004, "Method not allowed", method + " is not served");
    }

    static TwilioError badRequest(int code, String message, String reason) {
        return new TwilioError(400, code, message, reason);
    }

    /** What {@link TwilioApiStandIn#failNext} answers: Twilio's codes for these are 20000 plus the status. */
    static TwilioError injected(int httpStatus) {
        String message = switch (httpStatus) {
            case 429 -> "Too Many Requests";
            case 503 -> "Service unavailable";
            default -> "Internal Server Error";
        };
        return new TwilioError(httpStatus, 20_000 + httpStatus, message, "injected failure " + httpStatus);
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", code);
        json.put("message", message);
        json.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        json.put("status", httpStatus);
        return json;
    }

    Refusal asRefusal(Instant at) {
        return new Refusal(httpStatus, code, reason, at);
    }
}
