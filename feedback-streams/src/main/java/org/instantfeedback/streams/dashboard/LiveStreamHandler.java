package org.instantfeedback.streams.dashboard;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.instantfeedback.streams.http.QueryProblems;

/**
 * {@code GET /v1/live}: the live stream as Server-Sent Events ({@code text/event-stream}). The
 * request's thread writes the viewer's events as the broadcaster queues them and returns when the
 * viewer goes away, falls behind, or the app stops. Browsers read it with {@code EventSource} or,
 * when a bearer token is needed, with {@code fetch()}.
 */
public final class LiveStreamHandler implements Handler {
    public static final String PATH = "/v1/live";
    /** How long a client should wait before reconnecting (the SSE {@code retry} field). */
    static final long RECONNECT_MILLIS = 3_000;
    static final int TOO_MANY_VIEWERS_RETRY_AFTER_SECONDS = 30;

    private final LiveBroadcaster broadcaster;

    public LiveStreamHandler(LiveBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @Override
    public void handle(Context ctx) throws IOException, InterruptedException {
        Optional<LiveSubscription> subscribed = broadcaster.subscribe();
        if (subscribed.isEmpty()) {
            throw QueryProblems.unavailable("too-many-viewers", "Too many live viewers",
                    "This instance serves " + broadcaster.clients() + " live viewers already; try again later.",
                    TOO_MANY_VIEWERS_RETRY_AFTER_SECONDS);
        }
        try (LiveSubscription subscription = subscribed.get()) {
            // Written straight to the servlet response, past Javalin's compressing result stream:
            // a compressor would hold events back until its buffer fills.
            HttpServletResponse response = ctx.res();
            response.setStatus(200);
            response.setContentType("text/event-stream; charset=utf-8");
            response.setHeader("Cache-Control", "no-store");
            // Tells nginx-style proxies not to buffer the stream.
            response.setHeader("X-Accel-Buffering", "no");
            ServletOutputStream out = response.getOutputStream();
            out.write(("retry: " + RECONNECT_MILLIS + "\n: connected\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            stream(subscription, out);
        } catch (IOException e) {
            // The viewer went away (closed the tab, lost the network): nothing to answer any more.
        }
    }

    private void stream(LiveSubscription subscription, ServletOutputStream out)
            throws IOException, InterruptedException {
        long waitMillis = broadcaster.heartbeatInterval().toMillis();
        while (!subscription.isEnded()) {
            Optional<LiveEvent> event = subscription.next(waitMillis, TimeUnit.MILLISECONDS);
            if (event.isPresent()) {
                out.write(event.get().wire());
                out.flush();
            }
        }
    }
}
