package org.instantfeedback.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.instantfeedback.config.Topics;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.ingest.RequestFuzzer.Endpoint;
import org.instantfeedback.ingest.RequestFuzzer.FuzzRequest;
import org.instantfeedback.ingest.config.HttpSettings;
import org.instantfeedback.ingest.config.KioskSettings;
import org.instantfeedback.ingest.config.PseudonymSettings;
import org.instantfeedback.ingest.config.SmsGatewaySettings;
import org.instantfeedback.ingest.config.TwilioSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Generated requests against a running feedback-ingest with a real broker and registry: every
 * endpoint live (local mode, SMS API key and HMAC secret, Twilio token, kiosk key), rate limits
 * off so they mask nothing. {@value #DEFAULT_REQUESTS} requests per endpoint by default, valid,
 * slightly broken and hostile (see {@link RequestFuzzer}); every answer must be 2xx or 4xx, every
 * 4xx a problem document (HTML on the {@code /f/} pages), and the service must be ready and take
 * feedback afterwards. The seed is fixed ({@value #DEFAULT_SEED}); {@code -Dfuzz.seed=...} and
 * {@code -Dfuzz.requests=...} change it and the count:
 * {@code ./mvnw -o -pl feedback-ingest verify -Dtest=HttpFuzzIT -Dfuzz.seed=7}.
 */
@WithKafkaAndRegistry
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpFuzzIT {
    static final long DEFAULT_SEED = 20_260_501L;
    static final int DEFAULT_REQUESTS = 10_000;
    private static final int CONCURRENCY = 32;
    private static final int MAX_BODY_BYTES = 16_384;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_BATCH_BODY_BYTES = 65_536;
    static final String SMS_KEY = "fuzz-sms-api-key-6f1c2d9e";
    static final String KIOSK_KEY = "fuzz-kiosk-api-key-93b7a0c4";
    static final String TWILIO_TOKEN = "fuzz-twilio-auth-token-58e2f1a7";
    static final String HMAC_SECRET = "fuzz-sms-hmac-secret-0c4d8b2e";

    private static final long SEED = Long.getLong("fuzz.seed", DEFAULT_SEED);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
    private static final AtomicLong RESENT = new AtomicLong();
    private static final AtomicLong RESENT_AFTER_TIMEOUT = new AtomicLong();
    private static final Map<Endpoint, String> REPORT = Collections.synchronizedMap(new EnumMap<>(Endpoint.class));

    private static IngestApp app;
    private static HttpClient http;
    private static ExecutorService rawSenders;
    private static long startedNanos;

    @BeforeAll
    static void startIngest(KafkaAndRegistry runtime) {
        runtime.createTopics(Map.of(Topics.FEEDBACK_RECEIVED, 1));
        app = TestIngest.start(TestIngest.env(runtime,
                PseudonymSettings.LOCAL_MODE.name(), "true",
                SmsGatewaySettings.SMS_API_KEYS.name(), SMS_KEY,
                SmsGatewaySettings.SMS_HMAC_SECRET.name(), HMAC_SECRET,
                KioskSettings.KIOSK_API_KEYS.name(), KIOSK_KEY,
                TwilioSettings.TWILIO_AUTH_TOKEN.name(), TWILIO_TOKEN,
                HttpSettings.MAX_BODY_BYTES.name(), String.valueOf(MAX_BODY_BYTES),
                KioskSettings.BATCH_MAX_BODY_BYTES.name(), String.valueOf(MAX_BATCH_BODY_BYTES)));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
        rawSenders = Executors.newFixedThreadPool(4);
        System.out.printf("fuzz seed %d (-Dfuzz.seed), %d requests per endpoint (-Dfuzz.requests)%n", SEED, REQUESTS);
        startedNanos = System.nanoTime();
    }

    @AfterAll
    static void stopIngest() {
        System.out.printf("fuzz summary (seed %d, %.1f s):%n", SEED, (System.nanoTime() - startedNanos) / 1e9);
        REPORT.values().forEach(line -> System.out.println("  " + line));
        System.out.printf("  %d requests met a kept-alive connection the server had closed and were sent again%n",
                RESENT.get());
        System.out.printf("  %d requests had no answer on a kept-alive connection within %d s and were sent again%n",
                RESENT_AFTER_TIMEOUT.get(), REQUEST_TIMEOUT.toSeconds());
        if (rawSenders != null) {
            rawSenders.shutdownNow();
        }
        if (app != null) {
            app.close();
        }
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @EnumSource(Endpoint.class)
    void every_generated_request_is_answered_with_a_2xx_or_a_4xx_problem(Endpoint endpoint) throws Exception {
        RequestFuzzer fuzzer = new RequestFuzzer(SEED + endpoint.ordinal(), app.port(), MAX_BODY_BYTES,
                MAX_BATCH_BODY_BYTES, SMS_KEY, KIOSK_KEY, TWILIO_TOKEN);
        Tally tally = new Tally();
        Semaphore inFlight = new Semaphore(CONCURRENCY);
        List<CompletableFuture<Void>> sent = new ArrayList<>(REQUESTS);
        long start = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            FuzzRequest request = fuzzer.next(endpoint);
            assertThat(inFlight.tryAcquire(60, TimeUnit.SECONDS)).as("a request slot within a minute").isTrue();
            sent.add(send(request).handle((answer, failure) -> {
                inFlight.release();
                tally.record(request, answer, failure);
                return null;
            }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        String line = String.format(Locale.ROOT, "%-9s %s in %.1f s", endpoint, tally, (System.nanoTime() - start) / 1e9);
        REPORT.put(endpoint, line);
        System.out.println("fuzz " + line);

        assertThat(tally.sent()).isEqualTo(REQUESTS);
        assertThat(tally.problems).as("answers that are not a 2xx or a 4xx problem (seed %d)", SEED).isEmpty();
        assertThat(tally.count(Tally.SERVER_ERROR)).isZero();
    }

    @Order(2)
    @Test
    void is_ready_and_takes_feedback_after_the_fuzzing() throws Exception {
        IngestHttpClient client = new IngestHttpClient(app.port());

        assertThat(client.get("/health/ready").statusCode()).isEqualTo(200);
        HttpResponse<String> accepted = client.postJson("{\"subject\":\"route-42\",\"rating\":5}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).contains("\"id\"");
    }

    private static CompletableFuture<Answer> send(FuzzRequest request) {
        if (!request.raw()) {
            try {
                HttpRequest built = build(request);
                return http.sendAsync(built, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response ->
                        new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse("")))
                        .exceptionallyCompose(failure -> onAFreshConnection(request, failure));
            } catch (IllegalArgumentException notSendableByTheJdk) {
                // a header value the JDK client refuses (non-ASCII, say): send those bytes raw
            }
        }
        return CompletableFuture.supplyAsync(() -> sendRaw(request), rawSenders);
    }

    /**
     * The JDK client reuses kept-alive connections; one the server has just closed after an answer
     * (it does so when a body was left unread, as after a 401 or 405) fails with "received no bytes"
     * before the request reached the server, or, when the close races with the write, waits for an
     * answer until the request's timeout (seen once in CI on a 401 for a kiosk batch). Such a request
     * is sent again once, by a JDK client of its own: on a new connection, and written exactly as the
     * first attempt was (the raw sender writes Connection: close and half-closes the socket; after
     * resending through it, a CI run saw one 400 without a problem document that no other run
     * gave). Resends are counted, so the figures show how often it happened. A server that really
     * hangs still fails: the second attempt has the same timeout.
     */
    private static CompletableFuture<Answer> onAFreshConnection(FuzzRequest request, Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
        boolean staleConnection = cause instanceof IOException
                && String.valueOf(cause.getMessage()).contains("received no bytes");
        if (staleConnection || cause instanceof java.net.http.HttpTimeoutException) {
            (staleConnection ? RESENT : RESENT_AFTER_TIMEOUT).incrementAndGet();
            HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            return fresh.sendAsync(build(request), HttpResponse.BodyHandlers.ofByteArray()).thenApply(response ->
                    new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse("")));
        }
        return CompletableFuture.failedFuture(failure);
    }

    private static HttpRequest build(FuzzRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                + request.target())).timeout(REQUEST_TIMEOUT)
                .method(request.method(), request.body().length == 0 && !request.method().equals("POST")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));

        for (Map.Entry<String, String> header : request.headers()) {
            builder.header(header.getKey(), header.getValue());
        }
        return builder.build();
    }

    /** One request on its own connection, written byte for byte; the answer's status and Content-Type. */
    private static Answer sendRaw(FuzzRequest request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", app.port()), 5_000);
            socket.setSoTimeout((int) REQUEST_TIMEOUT.toMillis());
            StringBuilder head = new StringBuilder();
            if (request.rawHead() != null) {
                head.append(request.rawHead());
            } else {
                head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
                for (Map.Entry<String, String> header : request.headers()) {
                    head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
                }
            }
            head.append("Host: 127.0.0.1:").append(app.port()).append("\r\nConnection: close\r\n");
            boolean framed = head.toString().toLowerCase(Locale.ROOT).contains("content-length:")
                    || head.toString().toLowerCase(Locale.ROOT).contains("transfer-encoding:");
            if (!framed) {
                head.append("Content-Length: ").append(request.body().length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                out.write(request.body());
                out.flush();
                socket.shutdownOutput();
            } catch (IOException refusedWhileWriting) {
                // the server may answer and close before it has read everything (431, 413): read what it said
            }
            return Answer.parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            answer.write(buffer, 0, n);
        }
        return answer.toByteArray();
    }

    /** What came back: a status (0: nothing, the connection was closed) and the Content-Type. */
    record Answer(int status, String contentType) {
        static Answer parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            if (!text.startsWith("HTTP/1.")) {
                return new Answer(0, "");
            }
            int status = Integer.parseInt(text.substring(9, 12));
            String contentType = "";
            int end = text.indexOf("\r\n\r\n");
            for (String line : text.substring(0, end < 0 ? text.length() : end).split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    contentType = line.substring("content-type:".length()).strip();
                }
            }
            return new Answer(status, contentType);
        }
    }

    /** Counts by status class, and the answers that break the rules, described for the failure message. */
    static final class Tally {
        static final int SUCCESS = 0;
        static final int CLIENT_ERROR = 1;
        static final int SERVER_ERROR = 2;
        static final int OTHER = 3;
        static final int RESET = 4;
        private final AtomicLongArray counts = new AtomicLongArray(5);
        private final Map<Integer, Long> statuses = Collections.synchronizedMap(new java.util.TreeMap<>());
        final List<String> problems = Collections.synchronizedList(new ArrayList<>());

        void record(FuzzRequest request, Answer answer, Throwable failure) {
            if (failure != null || answer.status() == 0) {
                counts.incrementAndGet(RESET);
                // Refusing oversized headers (431) or a body over the limit (413), the server closes the
                // connection; a client still writing may then see a reset instead of the answer.
                if (!request.oversizedHeaders() && request.body().length <= MAX_BODY_BYTES) {
                    problem(request, failure == null ? "connection closed without an answer" : failure.toString());
                }
                return;
            }
            int status = answer.status();
            statuses.merge(status, 1L, Long::sum);
            int kind = status >= 200 && status < 300 ? SUCCESS : status >= 400 && status < 500 ? CLIENT_ERROR
                    : status >= 500 ? SERVER_ERROR : OTHER;
            counts.incrementAndGet(kind);
            if (kind == SERVER_ERROR || kind == OTHER) {
                problem(request, "answered " + status);
            } else if (kind == CLIENT_ERROR && !isProblemDocument(request, answer)) {
                problem(request, "answered " + status + " as '" + answer.contentType() + "'");
            }
        }

        private static boolean isProblemDocument(FuzzRequest request, Answer answer) {
            String type = answer.contentType().toLowerCase(Locale.ROOT);
            boolean page = request.target().startsWith("/f/");
            return type.startsWith("application/problem+json") || (page && type.startsWith("text/html"));
        }

        private void problem(FuzzRequest request, String what) {
            if (problems.size() < 20) {
                problems.add(what + ": " + request.method() + " " + abbreviated(request.target()) + " headers "
                        + abbreviated(String.valueOf(request.headers())) + " raw " + request.raw() + " head "
                        + abbreviated(String.valueOf(request.rawHead())) + " body "
                        + abbreviated(new String(request.body(), StandardCharsets.UTF_8)));
            }
        }

        private static String abbreviated(String text) {
            return text.length() > 160 ? text.substring(0, 160) + "...(" + text.length() + " chars)" : text;
        }

        long count(int kind) {
            return counts.get(kind);
        }

        long sent() {
            long total = 0;
            for (int i = 0; i < counts.length(); i++) {
                total += counts.get(i);
            }
            return total;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "sent %5d: 2xx %5d, 4xx %5d, 5xx %d, other %d, closed %d; by status %s",
                    sent(), count(SUCCESS), count(CLIENT_ERROR), count(SERVER_ERROR), count(OTHER), count(RESET),
                    statuses);
        }
    }
}
