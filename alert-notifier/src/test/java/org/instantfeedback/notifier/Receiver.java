package org.instantfeedback.notifier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on a port the OS chose, as a team's endpoint would be: it records what it is
 * sent and answers with the status the test sets per path. It can go away (connection refused) and
 * come back on the same port.
 */
final class Receiver implements AutoCloseable {
    /** One request as the receiver saw it. */
    record Call(String path, Map<String, String> headers, String body, int answeredWith) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final int port;
    private final Map<String, Integer> statusByPath = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger failedAnswers = new AtomicInteger();
    private volatile long delayMillis;
    private HttpServer server;

    private Receiver(HttpServer server) {
        this.server = server;
        this.port = server.getAddress().getPort();
    }

    static Receiver start() throws IOException {
        Receiver receiver = new Receiver(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50));
        receiver.serve();
        return receiver;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Every later request to {@code path} is answered with {@code status} (200 unless set). */
    void answer(String path, int status) {
        statusByPath.put(path, status);
    }

    /** Holds every answer this long, as a slow endpoint does. */
    void delayAnswers(long millis) {
        delayMillis = millis;
    }

    /** Stops listening: callers get "connection refused" until {@link #comeBack()}. */
    synchronized void goAway() {
        server.stop(0);
        server = null;
    }

    synchronized void comeBack() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        serve();
    }

    List<Call> calls(String path) {
        return calls.stream().filter(call -> call.path().equals(path)).toList();
    }

    /** Calls to {@code path} that got a 2xx: what the team would see in its channel. */
    List<Call> accepted(String path) {
        return calls(path).stream().filter(call -> call.answeredWith() / 100 == 2).toList();
    }

    int failedAnswers() {
        return failedAnswers.get();
    }

    private void serve() {
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            if (delayMillis > 0) {
                Thread.sleep(delayMillis); // the endpoint's own slowness, not test synchronisation
            }
            String path = exchange.getRequestURI().getPath();
            int status = statusByPath.getOrDefault(path, 200);
            calls.add(new Call(path, Map.copyOf(headers), body, status));
            if (status / 100 != 2) {
                failedAnswers.incrementAndGet();
            }
            byte[] answer = (status / 100 == 2 ? "ok" : "no").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
