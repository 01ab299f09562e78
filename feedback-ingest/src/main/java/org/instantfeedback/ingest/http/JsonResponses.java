package org.instantfeedback.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Writes answers with our own ObjectMapper, so every body is serialised the same way. */
public final class JsonResponses {
    private final ObjectMapper json;

    public JsonResponses(ObjectMapper json) {
        this.json = json;
    }

    public void write(Context ctx, int status, Object body) {
        write(ctx, status, "application/json", body);
    }

    public void write(Context ctx, int status, String contentType, Object body) {
        try {
            ctx.status(status).contentType(contentType).result(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
