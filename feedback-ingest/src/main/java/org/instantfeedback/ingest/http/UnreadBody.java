package org.instantfeedback.ingest.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Drops what a refused request still has of its body before the answer goes out. A server that
 * answers and closes with unread bytes in its socket makes the kernel reset the connection, and
 * the client may then lose the answer itself: a gateway sending 200 KB would see a broken
 * connection instead of the 413 saying why. Bodies declared larger than {@value #MOST_BYTES}
 * bytes are not read: for those, closing the connection is the cheaper answer.
 */
final class UnreadBody {
    static final int MOST_BYTES = 1 << 20;

    private UnreadBody() {
    }

    static void discard(Context ctx) {
        if (ctx.req().getContentLengthLong() > MOST_BYTES) {
            return;
        }
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] sink = new byte[8_192];
            long left = MOST_BYTES;
            for (int read = in.read(sink); read > 0 && left > 0; read = in.read(sink)) {
                left -= read;
            }
        } catch (IOException | IllegalStateException e) {
            // The body is gone or unreadable (the client hung up, or a reader was taken already):
            // the answer is still written, and the connection closes as it would have.
        }
    }
}
