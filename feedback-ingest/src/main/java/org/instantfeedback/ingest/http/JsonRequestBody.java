package org.instantfeedback.ingest.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.instantfeedback.ingest.http.RejectedRequestException.Reason;

/**
 * Reads a request body that must be a JSON object: {@code Content-Type: application/json} (a
 * {@code charset} parameter, if any, must be UTF-8, the only encoding JSON allows between
 * systems), at most the configured number of bytes, valid UTF-8, parsed strictly (no trailing
 * content, no duplicate keys). The body is read with a bound, so an oversized or endless body
 * costs no more memory than the limit.
 */
public final class JsonRequestBody {
    private static final String JSON_MEDIA_TYPE = "application/json";

    private final ObjectMapper json;
    private final int maxBytes;

    public JsonRequestBody(ObjectMapper json, int maxBytes) {
        this.json = json;
        this.maxBytes = maxBytes;
    }

    /** The body as a JSON object, or a {@link RejectedRequestException} saying why it is refused. */
    public ObjectNode readObject(Context ctx) {
        requireJson(ctx.contentType());
        return parseObject(BoundedBody.read(ctx, maxBytes));
    }

    /** The limit this reader enforces. */
    public int maxBytes() {
        return maxBytes;
    }

    static void requireJson(String contentType) {
        BoundedBody.requireMediaType(contentType, JSON_MEDIA_TYPE);
    }

    /** A body already read, as a JSON object: UTF-8 and strict JSON, or a {@link RejectedRequestException}. */
    public ObjectNode parseObject(byte[] body) {
        JsonNode parsed = parse(body);
        if (!parsed.isObject()) {
            throw new RejectedRequestException(Reason.MALFORMED_JSON,
                    "the request body must be a JSON object, like {\"subject\": \"route-42\", \"rating\": 5}");
        }
        return (ObjectNode) parsed;
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new RejectedRequestException(Reason.MALFORMED_JSON, "the request body is empty; send a JSON object");
        }
        BoundedBody.utf8(body, "the request body");
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new RejectedRequestException(Reason.MALFORMED_JSON,
                    "the request body is not valid JSON: " + e.getOriginalMessage() + where(e.getLocation()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the request body", e);
        }
    }

    /** Jackson's limits (nesting depth, number length) fail without a location. */
    private static String where(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
