package org.instantfeedback.streams.http;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.instantfeedback.service.health.HealthEndpoints;
import org.instantfeedback.service.problem.ProblemException;
import org.instantfeedback.service.telemetry.PrometheusEndpoint;

/**
 * Who may read the query API and the dashboard, and from which browser origins. Runs before every
 * route: health probes and metrics stay open (orchestrators and Prometheus scrape them without
 * credentials, and they show no feedback), CORS preflights are answered here, everything else
 * needs the configured credentials or gets a 401 problem with {@code WWW-Authenticate}.
 *
 * <p>Secrets are compared by their SHA-256 digests with {@link MessageDigest#isEqual}, in time
 * independent of where they differ and of their length.
 */
public final class ApiAccess {
    /** Set by a browser's first visit with {@code ?access_token=}, so the page's own requests carry the token. */
    public static final String TOKEN_COOKIE = "feedback_api_token";
    private static final String TOKEN_PARAMETER = "access_token";
    /** The credentials to pass on when this request is forwarded to another instance. */
    private static final String FORWARD_AUTHORIZATION = "feedback.forward-authorization";
    private static final String REALM = "feedback-streams";
    private static final Set<String> OPEN_PATHS =
            Set.of(HealthEndpoints.LIVE_PATH, HealthEndpoints.READY_PATH, PrometheusEndpoint.PATH);
    private static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type";
    private static final String PREFLIGHT_MAX_AGE_SECONDS = "600";

    private final ApiSettings settings;
    private final List<byte[]> tokenDigests;
    private final Map<String, byte[]> passwordDigests;

    ApiAccess(ApiSettings settings) {
        this.settings = settings.requireCredentials();
        this.tokenDigests = settings.tokens().stream().map(ApiAccess::digest).toList();
        this.passwordDigests = settings.users().entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey,
                        entry -> digest(entry.getValue())));
    }

    /** The before-handler: CORS first (a preflight carries no credentials), then the credentials. */
    void check(Context ctx) {
        boolean allowedOrigin = allowCors(ctx);
        if (ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null) {
            if (!allowedOrigin) {
                throw ProblemException.ofStatus(403, "This origin may not call the API; see STREAMS_API_CORS_ORIGINS.");
            }
            ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
            ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            ctx.header("Access-Control-Max-Age", PREFLIGHT_MAX_AGE_SECONDS);
            ctx.status(204);
            ctx.skipRemainingHandlers();
            return;
        }
        if (OPEN_PATHS.contains(ctx.path()) || settings.auth() == ApiSettings.Auth.NONE) {
            return;
        }
        Optional<String> forward = settings.auth() == ApiSettings.Auth.TOKEN ? tokenOf(ctx) : basicUserOf(ctx);
        if (forward.isEmpty()) {
            throw unauthorized();
        }
        ctx.attribute(FORWARD_AUTHORIZATION, forward.get());
    }

    /** The Authorization header to send when forwarding the request to another instance, if any. */
    public static String forwardAuthorization(Context ctx) {
        return ctx.attribute(FORWARD_AUTHORIZATION);
    }

    private boolean allowCors(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || !settings.corsOrigins().contains(origin)) {
            return false;
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Vary", "Origin");
        return true;
    }

    private Optional<String> tokenOf(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).strip();
            return knownToken(token) ? Optional.of("Bearer " + token) : Optional.empty();
        }
        String parameter = ctx.method() == HandlerType.GET ? ctx.queryParam(TOKEN_PARAMETER) : null;
        if (parameter != null && knownToken(parameter)) {
            // A browser cannot put a header on a page load or an EventSource: the cookie carries the
            // token for the page's own requests. Strict same-site, so no other site's form can use it.
            ctx.cookie(new Cookie(TOKEN_COOKIE, parameter, "/", -1, "https".equals(ctx.scheme()), true, null,
                    SameSite.STRICT));
            return Optional.of("Bearer " + parameter);
        }
        String cookie = ctx.cookie(TOKEN_COOKIE);
        if (cookie != null && knownToken(cookie)) {
            return Optional.of("Bearer " + cookie);
        }
        return Optional.empty();
    }

    private Optional<String> basicUserOf(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        byte[] expected = passwordDigests.get(decoded.substring(0, colon));
        byte[] given = digest(decoded.substring(colon + 1));
        // An unknown user costs the same comparison as a wrong password.
        boolean matches = MessageDigest.isEqual(expected == null ? digest("\u0000unknown") : expected, given);
        return matches && expected != null ? Optional.of(header) : Optional.empty();
    }

    private boolean knownToken(String token) {
        byte[] given = digest(token);
        boolean known = false;
        for (byte[] expected : tokenDigests) {
            known |= MessageDigest.isEqual(expected, given);
        }
        return known;
    }

    private ProblemException unauthorized() {
        return QueryProblems.unauthorized(settings.auth() == ApiSettings.Auth.TOKEN
                ? "Bearer realm=\"" + REALM + "\""
                : "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
