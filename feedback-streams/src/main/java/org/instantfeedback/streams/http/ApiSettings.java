package org.instantfeedback.streams.http;

import static org.instantfeedback.config.EnvironmentValues.positiveDuration;
import static org.instantfeedback.config.EnvironmentValues.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.instantfeedback.config.ConfigVariable;

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
    public static final String STREAMS_API_USERS = "STREAMS_API_USERS";
    public static final String STREAMS_API_CORS_ORIGINS = "STREAMS_API_CORS_ORIGINS";
    public static final String STREAMS_QUERY_SERIES_SPAN = "STREAMS_QUERY_SERIES_SPAN";
    public static final String STREAMS_QUERY_RESOLVED_RETENTION = "STREAMS_QUERY_RESOLVED_RETENTION";

    public static final List<ConfigVariable> VARIABLES = List.of(
            new ConfigVariable(STREAMS_ADVERTISED_URL, "http://<host name>:<STREAMS_HTTP_PORT>",
                    "This instance's query API as the other instances reach it (Kafka Streams application.server);"
                            + " without a port, the HTTP port is added."),
            new ConfigVariable(STREAMS_API_AUTH, "token",
                    "Credentials the query API and dashboard ask for: token (bearer tokens), basic (user and"
                            + " password) or none (local run only)."),
            new ConfigVariable(STREAMS_API_TOKENS, "",
                    "Bearer tokens accepted when STREAMS_API_AUTH=token, comma-separated; required then."),
            new ConfigVariable(STREAMS_API_USERS, "",
                    "user:password pairs accepted when STREAMS_API_AUTH=basic, comma-separated; required then."),
            new ConfigVariable(STREAMS_API_CORS_ORIGINS, "",
                    "Browser origins (https://ops.example.com) allowed to call the query API, comma-separated;"
                            + " empty: none."),
            new ConfigVariable(STREAMS_QUERY_SERIES_SPAN, "PT2H",
                    "How far back the CSAT endpoint's series of figures reaches, ISO-8601; kept on disk this long."),
            new ConfigVariable(STREAMS_QUERY_RESOLVED_RETENTION, "PT24H",
                    "How long resolved alerts stay listed by the alerts endpoint, ISO-8601."));

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
        return new ApiSettings(advertisedUrl(env), auth(env), list(env, STREAMS_API_TOKENS), users(env),
                corsOrigins(env), positiveDuration(env, STREAMS_QUERY_SERIES_SPAN, "PT2H"),
                positiveDuration(env, STREAMS_QUERY_RESOLVED_RETENTION, "PT24H"));
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

    private static Optional<URI> advertisedUrl(Map<String, String> env) {
        String value = text(env, STREAMS_ADVERTISED_URL, "");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below, with the variable's name
        }
        throw new IllegalArgumentException(STREAMS_ADVERTISED_URL + " must be an http(s) URL such as"
                + " http://streams-1:8090, was '" + value + "'");
    }

    private static Auth auth(Map<String, String> env) {
        String value = text(env, STREAMS_API_AUTH, "token");
        try {
            return Auth.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(STREAMS_API_AUTH + " must be token, basic or none, was '" + value + "'",
                    e);
        }
    }

    private static Map<String, String> users(Map<String, String> env) {
        Map<String, String> users = new LinkedHashMap<>();
        for (String pair : list(env, STREAMS_API_USERS)) {
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
        List<String> origins = list(env, STREAMS_API_CORS_ORIGINS);
        for (String origin : origins) {
            if (!origin.matches("https?://[^/\\s]+")) {
                throw new IllegalArgumentException(STREAMS_API_CORS_ORIGINS + " must list origins such as"
                        + " https://ops.example.com (scheme, host, optional port, no path), was '" + origin + "'");
            }
        }
        return origins;
    }

    private static List<String> list(Map<String, String> env, String name) {
        return Arrays.stream(text(env, name, "").split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .toList();
    }
}
