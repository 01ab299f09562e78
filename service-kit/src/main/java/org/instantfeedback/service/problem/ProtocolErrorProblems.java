package org.instantfeedback.service.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answers to requests that never reach a route (header fields too large, a malformed
 * request line or header, an ambiguous path) as problem documents, like every other error answer,
 * instead of Jetty's HTML page. Jetty's message says what was wrong; no stack trace is shown.
 * Installed with {@code server.setErrorHandler(new ProtocolErrorProblems())}.
 */
public final class ProtocolErrorProblems extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpField CONTENT_TYPE = new HttpField(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);

    public ProtocolErrorProblems() {
        setShowStacks(false);
        setShowCauses(false);
    }

    /**
     * Every method gets its problem document: Jetty writes an error body only for GET, POST and
     * HEAD by default, so a malformed PUT was answered 400 with no body and no content type (the
     * HTTP fuzz test met one in CI).
     */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        response.getHeaders().put(CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(problem(code, message)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(CONTENT_TYPE);
        return ByteBuffer.wrap(problem(status, reason));
    }

    private static byte[] problem(int status, String message) {
        Problem problem = ProblemException.ofStatus(status, message).problemAt(null);
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document is always serialisable", e);
        }
    }
}
