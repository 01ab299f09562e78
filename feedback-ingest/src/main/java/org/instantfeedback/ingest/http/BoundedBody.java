package org.instantfeedback.ingest.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.instantfeedback.ingest.http.RejectedRequestException.Reason;

/**
 * Reads request bodies with a bound, so an oversized or endless body costs no more memory than
 * the limit, and checks media types and UTF-8.
 */
final class BoundedBody {
    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";

    private BoundedBody() {
    }

    /** At most {@code maxBytes} of the body, or {@link PayloadTooLargeException}. */
    static byte[] read(Context ctx, int maxBytes) {
        if (ctx.req().getContentLengthLong() > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        byte[] body;
        try {
            body = ctx.req().getInputStream().readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new RejectedRequestException(Reason.INCOMPLETE_BODY, "the request body ended before it was complete ("
                    + e.getMessage() + "); send it again whole");
        }
        if (body.length > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        return body;
    }

    /** The bytes as UTF-8 text, or a refusal ({@link Reason#INVALID_ENCODING}) naming where they stop being UTF-8. */
    static String utf8(byte[] bytes, String what) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new RejectedRequestException(Reason.INVALID_ENCODING,
                    what + " is not valid UTF-8 (near byte " + in.position() + ")");
        }
    }

    /**
     * The media type of the request, lower-cased, if it is one of {@code accepted}; a
     * {@code charset} parameter, if any, must be UTF-8.
     */
    static String requireMediaType(String contentType, String... accepted) {
        String wanted = String.join(" or ", accepted);
        if (contentType == null || contentType.isBlank()) {
            throw new UnsupportedMediaTypeException("send the body as " + wanted + "; the request has no Content-Type");
        }
        // The limit -1 keeps empty parts, so a Content-Type of ";" alone still has a (blank) media type.
        String[] parts = contentType.split(";", -1);
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        boolean known = false;
        for (String type : accepted) {
            known |= type.equals(mediaType);
        }
        if (!known) {
            throw new UnsupportedMediaTypeException("send the body as " + wanted + ", not " + parts[0].strip());
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset") && parameter.length == 2
                    && !unquoted(parameter[1]).equalsIgnoreCase("utf-8")) {
                throw new UnsupportedMediaTypeException("bodies must be encoded in UTF-8, not "
                        + unquoted(parameter[1]));
            }
        }
        return mediaType;
    }

    private static String unquoted(String value) {
        return value.strip().replace("\"", "");
    }
}
