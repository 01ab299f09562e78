package org.instantfeedback.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Reads a request body that must be a JSON object: {@code Content-Type: application/json} (a
 * {@code charset} parameter, if any, must be UTF-8, the only encoding JSON allows between
 * systems), at most the configured number of bytes, parsed strictly (no trailing content, no
 * duplicate keys). The body is read with a bound, so an oversized or endless body costs no more
 * memory than the limit.
 */
public final class JsonRequestBody {
    static final String JSON_MEDIA_TYPE = "application/json";

    private final ObjectMapper json;
    private final int maxBytes;

    public JsonRequestBody(ObjectMapper json, int maxBytes) {
        this.json = json;
        this.maxBytes = maxBytes;
    }

    /** The body as a JSON object, or a {@link RejectedRequestException} saying why it is refused. */
    public ObjectNode readObject(Context ctx) {
        requireJson(ctx.contentType());
        JsonNode body = parse(readBounded(ctx));
        if (!body.isObject()) {
            throw new MalformedJsonException("the request body must be a JSON object, like {\"subject\": \"route-42\","
                    + " \"rating\": 5}");
        }
        return (ObjectNode) body;
    }

    static void requireJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new UnsupportedMediaTypeException("send the body as " + JSON_MEDIA_TYPE
                    + "; the request has no Content-Type");
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().toLowerCase(Locale.ROOT).equals(JSON_MEDIA_TYPE)) {
            throw new UnsupportedMediaTypeException("send the body as " + JSON_MEDIA_TYPE + ", not "
                    + parts[0].strip());
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset") && parameter.length == 2
                    && !unquoted(parameter[1]).equalsIgnoreCase("utf-8")) {
                throw new UnsupportedMediaTypeException("JSON bodies must be encoded in UTF-8, not "
                        + unquoted(parameter[1]));
            }
        }
    }

    private static String unquoted(String value) {
        return value.strip().replace("\"", "");
    }

    private byte[] readBounded(Context ctx) {
        if (ctx.req().getContentLengthLong() > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        byte[] body;
        try {
            body = ctx.req().getInputStream().readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the request body", e);
        }
        if (body.length > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        return body;
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new MalformedJsonException("the request body is empty; send a JSON object");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException("the request body is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the request body", e);
        }
    }
}
