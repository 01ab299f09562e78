package org.instantfeedback.registry;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * Serde settings, read from the configuration keys of Confluent's serializers so users can bring
 * the configs they already have. Each key is also accepted with a {@code schema.registry.} prefix,
 * as Confluent's own clients accept it.
 *
 * @param urls registry base URLs, tried in order
 * @param authorization value of the {@code Authorization} header, if any
 */
public record SchemaRegistrySettings(
        List<URI> urls,
        Optional<String> authorization,
        boolean autoRegisterSchemas,
        boolean useLatestVersion,
        Duration requestTimeout,
        int cacheCapacity) {

    public static final String URL = "schema.registry.url";
    private static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    private static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    private static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
    private static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    private static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    private static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    private static final String MAX_SCHEMAS_PER_SUBJECT = "max.schemas.per.subject";

    private static final String MOCK_SCHEME = "mock://";
    private static final String PREFIX = "schema.registry.";

    public SchemaRegistrySettings {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new ConfigException(URL, "", "give at least one schema registry URL");
        }
    }

    /** Reads the settings from serde configs; fails with a message naming the bad key. */
    public static SchemaRegistrySettings from(Map<String, ?> configs) {
        String rawUrls = string(configs, URL).orElseThrow(() -> new ConfigException(URL, null,
                "the schema registry URL is required, for example http://localhost:8081"));
        List<URI> urls = parseUrls(rawUrls);
        return new SchemaRegistrySettings(
                urls,
                authorization(configs, urls.get(0)),
                bool(configs, AUTO_REGISTER_SCHEMAS, true),
                bool(configs, USE_LATEST_VERSION, false),
                Duration.ofMillis(integer(configs, REQUEST_TIMEOUT_MS, 10_000)),
                integer(configs, MAX_SCHEMAS_PER_SUBJECT, 1000));
    }

    /**
     * The registry URL(s) as they may be logged: credentials given in a URL
     * ({@code https://key:secret@host}) are replaced by {@code ***}.
     */
    public static String printable(String urls) {
        if (urls == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String url : urls.split(",", -1)) {
            int scheme = url.indexOf("://");
            int at = url.indexOf('@');
            int path = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
            boolean userInfo = scheme >= 0 && at > scheme && (path < 0 || at < path);
            out.append(out.length() == 0 ? "" : ",")
                    .append(userInfo ? url.substring(0, scheme + 3) + "***" + url.substring(at) : url);
        }
        return out.toString();
    }

    public boolean isMock() {
        return urls.get(0).toString().startsWith(MOCK_SCHEME);
    }

    public String mockScope() {
        return urls.get(0).toString().substring(MOCK_SCHEME.length());
    }

    private static List<URI> parseUrls(String raw) {
        List<URI> urls = new ArrayList<>();
        for (String part : raw.split(",")) {
            String url = part.trim();
            if (url.isEmpty()) {
                continue;
            }
            if (!url.startsWith("http://") && !url.startsWith("https://") && !url.startsWith(MOCK_SCHEME)) {
                throw new ConfigException(URL, raw, "each URL must start with http://, https:// or mock://");
            }
            urls.add(URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url));
        }
        return urls;
    }

    private static Optional<String> authorization(Map<String, ?> configs, URI firstUrl) {
        Optional<String> bearerSource = string(configs, BEARER_AUTH_CREDENTIALS_SOURCE);
        if (bearerSource.isPresent()) {
            if (!bearerSource.get().equalsIgnoreCase("STATIC_TOKEN")) {
                throw new ConfigException(BEARER_AUTH_CREDENTIALS_SOURCE, bearerSource.get(),
                        "only STATIC_TOKEN is supported; give the token in " + BEARER_AUTH_TOKEN);
            }
            String token = string(configs, BEARER_AUTH_TOKEN).orElseThrow(() -> new ConfigException(
                    BEARER_AUTH_TOKEN, null, "required when " + BEARER_AUTH_CREDENTIALS_SOURCE + " is STATIC_TOKEN"));
            return Optional.of("Bearer " + token);
        }
        String source = string(configs, BASIC_AUTH_CREDENTIALS_SOURCE).orElse("URL").toUpperCase(Locale.ROOT);
        Optional<String> userInfo;
        switch (source) {
            case "USER_INFO":
                userInfo = Optional.of(string(configs, BASIC_AUTH_USER_INFO).orElseThrow(() -> new ConfigException(
                        BASIC_AUTH_USER_INFO, null, "required (as user:password) when "
                                + BASIC_AUTH_CREDENTIALS_SOURCE + " is USER_INFO")));
                break;
            case "URL":
                userInfo = Optional.ofNullable(firstUrl.getRawUserInfo());
                break;
            default:
                throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source, "supported sources are USER_INFO and URL");
        }
        return userInfo.map(info -> "Basic "
                + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8)));
    }

    /** A key as given, or with the {@code schema.registry.} prefix that Confluent also accepts. */
    private static Optional<String> string(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        if (value == null && !key.startsWith(PREFIX)) {
            value = configs.get(PREFIX + key);
        }
        if (value instanceof org.apache.kafka.common.config.types.Password password) {
            value = password.value();
        }
        return Optional.ofNullable(value).map(Object::toString).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
        return string(configs, key).map(value -> {
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw new ConfigException(key, value, "must be true or false");
            }
            return Boolean.parseBoolean(value);
        }).orElse(fallback);
    }

    private static int integer(Map<String, ?> configs, String key, int fallback) {
        return string(configs, key).map(value -> {
            try {
                int parsed = Integer.parseInt(value);
                if (parsed <= 0) {
                    throw new ConfigException(key, value, "must be a positive whole number");
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new ConfigException(key, value, "must be a positive whole number");
            }
        }).orElse(fallback);
    }
}
