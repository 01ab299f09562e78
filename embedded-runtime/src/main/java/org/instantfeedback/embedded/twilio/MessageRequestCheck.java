package org.instantfeedback.embedded.twilio;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks Twilio documents for the parameters of "Create a Message", in the order a client meets
 * them: the recipient, the sender, the text, the callback URL, and last the recipient's opt-out, which
 * Twilio only learns once the request is otherwise valid.
 */
final class MessageRequestCheck {
    /** E.164: a plus, then up to 15 digits; 8 is the shortest a real mobile number has with its country code. */
    private static final String E164 = "\\+[1-9]\\d{7,14}";
    /** Twilio's documented limit for {@code Body} on the Messages resource. */
    static final int MOST_BODY_CHARACTERS = 1_600;

    private final Set<String> optedOut;

    MessageRequestCheck(Set<String> optedOut) {
        this.optedOut = optedOut;
    }

    /** What Twilio would answer to {@code parameters} instead of creating the message; empty when it would create it. */
    Optional<TwilioError> problemWith(Map<String, String> parameters) {
        String to = parameters.get("To");
        if (to == null || to.isBlank()) {
            return Optional.of(TwilioError.badRequest(21604, "A 'To' phone number is required.", "To is missing"));
        }
        if (!to.matches(E164)) {
            return Optional.of(TwilioError.badRequest(21211, "The 'To' number " + to + " is not a valid phone number.",
                    "To is not an E.164 number"));
        }
        Optional<TwilioError> sender = senderProblem(parameters);
        if (sender.isPresent()) {
            return sender;
        }
        String body = parameters.get("Body");
        if (body == null || body.isEmpty()) {
            return Optional.of(TwilioError.badRequest(21602, "Message body is required.", "Body is missing"));
        }
        if (body.codePointCount(0, body.length()) > MOST_BODY_CHARACTERS) {
            return Optional.of(TwilioError.badRequest(21617,
                    "The concatenated message body exceeds the 1600 character limit.",
                    "Body has more than " + MOST_BODY_CHARACTERS + " characters"));
        }
        String callback = parameters.get("StatusCallback");
        if (callback != null && !isCallbackUrl(callback)) {
            return Optional.of(TwilioError.badRequest(21609, "The StatusCallback URL " + callback + " is not a valid URL.",
                    "StatusCallback is not an absolute http(s) URL"));
        }
        if (optedOut.contains(to)) {
            return Optional.of(TwilioError.badRequest(21610, "Attempt to send to unsubscribed recipient",
                    "the recipient has opted out"));
        }
        return Optional.empty();
    }

    /**
     * Twilio's error 21603 page: a {@code From} or a {@code MessagingServiceSid} is required, and a
     * Messaging Service SID may be given "instead of or in addition to" a {@code From}; so both
     * together are accepted, as Twilio does. A Messaging Service SID not shaped {@code MG...} is 21705.
     */
    private static Optional<TwilioError> senderProblem(Map<String, String> parameters) {
        String from = parameters.get("From");
        String service = parameters.get("MessagingServiceSid");
        boolean hasFrom = from != null && !from.isBlank();
        boolean hasService = service != null && !service.isBlank();
        if (!hasFrom && !hasService) {
            return Optional.of(TwilioError.badRequest(21603,
                    "A 'From' or 'MessagingServiceSid' parameter is required to send a message",
                    "neither From nor MessagingServiceSid is given"));
        }
        if (hasService && !TwilioSid.isSid("MG", service)) {
            return Optional.of(TwilioError.badRequest(21705, "The Messaging Service is invalid",
                    "MessagingServiceSid is not an MG... SID"));
        }
        return Optional.empty();
    }

    /** Twilio's rule for StatusCallback: a URL with a valid host name, no underscores in it. */
    private static boolean isCallbackUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && !uri.getHost().contains("_");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
