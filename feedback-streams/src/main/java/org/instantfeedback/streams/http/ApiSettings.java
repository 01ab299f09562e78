package org.instantfeedback.streams.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.instantfeedback.service.settings.Setting;
import org.instantfeedback.service.settings.ValueParser;

/**
 * How the query API is reached and who may read it: the URL other instances forward to, the
 * credentials it asks for, the browser origins it lets in, and how much history it keeps.
 *
 * @param advertisedUrl          this instance's URL as the other instances reach it; without a port, the
 *                               HTTP port is used; empty: {@code http://<host name>:<HTTP port>}
 * @param auth                   which credentials the API asks for
 * @param tokens                 accepted bearer tokens ({@link Auth#TOKEN})
 * @param users                  user name to password ({@link Auth#BASIC})
 * @param corsOrigins            browser origins allowed to call the API from their pages; empty: none
 * @param seriesSpan             how far back {@code /v1/subjects/{id}/csat} gives the series of figures
 * @param resolvedAlertRetention how long resolved alerts stay listed
 */
public record ApiSettings(
        Optional<URI> advertisedUrl,
        Auth auth,
        List<String> tokens,
        Map<String, String> users,
        List<String> corsOrigins,
        Duration seriesSpan,
        Duration resolvedAlertRetention) {

    /** The credentials the API asks for. */
    public enum Auth {
        /** {@code Authorization: Bearer <token>} with one of {@code STREAMS_API_TOKENS}. */
        TOKEN,
        /** {@code Authorization: Basic ...} with one of {@code STREAMS_API_USERS}. */
        BASIC,
        /** Open: for the local run only. */
        NONE
    }

    public static final String STREAMS_ADVERTISED_URL = "STREAMS_ADVERTISED_URL";
    public static final String STREAMS_API_AUTH = "STREAMS_API_AUTH";
    public static final String STREAMS_API_TOKENS = "STREAMS_API_TOKENS";
    private static final String STREAMS_API_USERS = "STREAMS_API_USERS";

    private static final Setting<Optional<URI>> ADVERTISED_URL = Setting.optional(STREAMS_ADVERTISED_URL, httpUrl(),
                    "This instance's query API as the other instances reach it (Kafka Streams application.server);"
                            + " without a port, the HTTP port is added.")
            .shownAs("http://<host name>:<STREAMS_HTTP_PORT>");
    private static final Setting<Auth> AUTH = Setting.of(STREAMS_API_AUTH, "token", authChoice(),
            "Credentials the query API and dashboard ask for: token (bearer tokens), basic (user and"
                    + " password) or none (local run only).");
    private static final Setting<List<String>> TOKENS = Setting.list(STREAMS_API_TOKENS,
            "Bearer tokens accepted when STREAMS_API_AUTH=token, comma-separated; required then.");
    // Read as a list and split here rather than by a parser: a parser's message quotes the text, passwords included.
    private static final Setting<List<String>> USERS = Setting.list(STREAMS_API_USERS,
            "user:password pairs accepted when STREAMS_API_AUTH=basic, comma-separated; required then.");
    private static final Setting<List<String>> CORS_ORIGINS = Setting.list("STREAMS_API_CORS_ORIGINS",
            "Browser origins (https://ops.example.com) allowed to call the query API, comma-separated;"
                    + " empty: none.");
    private static final Setting<Duration> SERIES_SPAN = Setting.duration("STREAMS_QUERY_SERIES_SPAN", "PT2H",
            "How far back the CSAT endpoint's series of figures reaches, ISO-8601; kept on disk this long.");
    private static final Setting<Duration> RESOLVED_RETENTION = Setting.duration("STREAMS_QUERY_RESOLVED_RETENTION",
            "PT24H", "How long resolved alerts stay listed by the alerts endpoint, ISO-8601.");

    public static final List<Setting<?>> SETTINGS = List.of(ADVERTISED_URL, AUTH, TOKENS, USERS, CORS_ORIGINS,
            SERIES_SPAN, RESOLVED_RETENTION);

    public ApiSettings {
        Objects.requireNonNull(advertisedUrl, "advertisedUrl");
        Objects.requireNonNull(auth, "auth");
        tokens = List.copyOf(tokens);
        users = Map.copyOf(users);
        corsOrigins = List.copyOf(corsOrigins);
        Objects.requireNonNull(seriesSpan, "seriesSpan");
        Objects.requireNonNull(resolvedAlertRetention, "resolvedAlertRetention");
    }

    /**
     * Reads the settings; fails with a message naming a malformed variable. Missing credentials are
     * reported by {@link #requireCredentials()} when the API is built, so topology tests need none.
     */
    public static ApiSettings from(Map<String, String> env) {
        return new ApiSettings(ADVERTISED_URL.from(env), AUTH.from(env), TOKENS.from(env), users(env),
                corsOrigins(env), SERIES_SPAN.from(env), RESOLVED_RETENTION.from(env));
    }

    /** Open to anyone: for tests and the local run. */
    public static ApiSettings open() {
        return from(Map.of(STREAMS_API_AUTH, "none"));
    }

    /**
     * @throws IllegalArgumentException when the API asks for credentials but none are configured, naming
     *                                  the variables to set
     */
    public ApiSettings requireCredentials() {
        if (auth == Auth.TOKEN && tokens.isEmpty()) {
            throw new IllegalArgumentException(STREAMS_API_AUTH + " is token (the default) but " + STREAMS_API_TOKENS
                    + " is empty: set " + STREAMS_API_TOKENS + "=<token>[,<token>...], or " + STREAMS_API_AUTH
                    + "=basic with " + STREAMS_API_USERS + "=<user>:<password>[,...], or " + STREAMS_API_AUTH
                    + "=none on a machine nobody else reaches");
        }
        if (auth == Auth.BASIC && users.isEmpty()) {
            throw new IllegalArgumentException(STREAMS_API_AUTH + " is basic but " + STREAMS_API_USERS
                    + " is empty: set " + STREAMS_API_USERS + "=<user>:<password>[,...]");
        }
        return this;
    }

    private static ValueParser<URI> httpUrl() {
        return text -> {
            try {
                URI uri = new URI(text);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below, with the rule
            }
            throw new IllegalArgumentException("must be an http(s) URL such as http://streams-1:8090");
        };
    }

    private static ValueParser<Auth> authChoice() {
        return text -> {
            try {
                return Auth.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be token, basic or none", e);
            }
        };
    }

    private static Map<String, String> users(Map<String, String> env) {
        Map<String, String> users = new LinkedHashMap<>();
        for (String pair : USERS.from(env)) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new IllegalArgumentException(STREAMS_API_USERS + " must be user:password pairs separated by"
                        + " commas; one entry has no user or no password");
            }
            users.put(pair.substring(0, colon), pair.substring(colon + 1));
        }
        return users;
    }

    private static List<String> corsOrigins(Map<String, String> env) {
        List<String> origins = CORS_ORIGINS.from(env);
        for (String origin : origins) {
            if (!origin.matches("https?://[^/\\s]+")) {
                throw new IllegalArgumentException(CORS_ORIGINS + " must list origins such as"
                        + " https://ops.example.com (scheme, host, optional port, no path), was '" + origin + "'");
            }
        }
        return origins;
    }
}
