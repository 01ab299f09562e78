package org.instantfeedback.ingest.http;

import java.net.URI;
import java.util.Optional;

/**
 * The service's URLs as the outside world calls them. Behind a proxy or load balancer the URL a
 * request arrives with is not the one the caller used, so, when the operator sets
 * {@code INGEST_PUBLIC_BASE_URL}, that base (with any path prefix) replaces the scheme, host and
 * prefix. Twilio signs the URL it called, and calls the URLs the TwiML answers name, so both come
 * from here.
 */
final class PublicUrls {
    private final Optional<String> base;

    PublicUrls(Optional<URI> publicBaseUrl) {
        this.base = publicBaseUrl.map(URI::toString)
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /**
     * The URL the caller requested: the public base URL and this request's path and query, or the
     * URL as received.
     *
     * @param receivedUrl the full URL as received, with its query
     * @param path        the request's path
     * @param query       the request's raw query, or null
     */
    String requested(String receivedUrl, String path, String query) {
        return base.map(url -> url + path + (query == null || query.isEmpty() ? "" : "?" + query))
                .orElse(receivedUrl);
    }

    /**
     * The absolute public URL of {@code pathAndQuery} (which starts with {@code /}) on this service:
     * under the public base URL, or on the scheme and host the request was received on.
     */
    String of(String receivedUrl, String pathAndQuery) {
        return base.map(url -> url + pathAndQuery).orElseGet(() -> URI.create(receivedUrl).resolve(pathAndQuery)
                .toString());
    }
}
