package org.instantfeedback.replies.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.instantfeedback.service.settings.ValueParser;

/** The parser of settings that hold a provider's http(s) URL. */
final class HttpUrl {
    private HttpUrl() {
    }

    /** An absolute http(s) URL, without a trailing slash so paths can be appended to it. */
    static ValueParser<URI> base() {
        return text -> {
            URI uri = parse(text);
            if (uri.getRawQuery() != null) {
                throw new IllegalArgumentException("must be an http(s) URL without query, like https://api.twilio.com");
            }
            String withoutSlash = uri.toString().replaceAll("/+$", "");
            return URI.create(withoutSlash);
        };
    }

    /** An absolute http(s) URL, query allowed (a gateway may take its account in one). */
    static ValueParser<URI> endpoint() {
        return HttpUrl::parse;
    }

    private static URI parse(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, with the rule
        }
        throw new IllegalArgumentException("must be an absolute http(s) URL without fragment");
    }
}
