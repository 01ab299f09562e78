package org.instantfeedback.ingest.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.instantfeedback.ingest.config.Secret;

/**
 * The API keys that may call an endpoint. A client sends its key in {@code X-Api-Key}, or as
 * {@code Authorization: Bearer <key>}, or as the password of HTTP Basic authentication (any user
 * name; for webhook senders that only support credentials in the URL,
 * {@code https://gateway:<key>@host/...}). Every configured key is compared, in constant time.
 */
public final class ApiKeys {
    public static final String HEADER = "X-Api-Key";

    private final List<Secret> keys;

    public ApiKeys(List<Secret> keys) {
        this.keys = List.copyOf(keys);
    }

    public boolean configured() {
        return !keys.isEmpty();
    }

    /** Whether the request carries a key at all. */
    static boolean offered(Context ctx) {
        return offeredKey(ctx) != null;
    }

    /**
     * @throws UnauthorizedException when the request carries no key
     * @throws ForbiddenException    when its key is not one of ours
     */
    public void authenticate(Context ctx) {
        String offered = offeredKey(ctx);
        if (offered == null) {
            throw new UnauthorizedException("send an API key in the " + HEADER + " header");
        }
        if (!matches(offered)) {
            throw new ForbiddenException("the API key is not valid");
        }
    }

    boolean matches(String offered) {
        boolean valid = false;
        for (Secret key : keys) {
            valid |= key.matches(offered);
        }
        return valid;
    }

    private static String offeredKey(Context ctx) {
        String header = ctx.header(HEADER);
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        String authorization = ctx.header("Authorization");
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        String scheme = value.length() > 7 ? value.substring(0, 7).toLowerCase(Locale.ROOT) : "";
        if (scheme.equals("bearer ")) {
            return value.substring(7).strip();
        }
        if (value.length() > 6 && value.substring(0, 6).equalsIgnoreCase("basic ")) {
            return basicPassword(value.substring(6).strip());
        }
        return null;
    }

    private static String basicPassword(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
