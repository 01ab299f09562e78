package org.instantfeedback.embedded.twilio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in of Twilio's Messages API ({@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}),
 * for tests and the local run. It checks each request as Twilio documents it (path account, HTTP Basic
 * auth with the auth token or an API key, form encoding, {@code To}, {@code From} or
 * {@code MessagingServiceSid}, {@code Body}, {@code StatusCallback}, opted-out recipients) and answers
 * with Twilio's JSON; it records what it created and what it refused, so a test can assert that a reply
 * reached Twilio exactly once.
 *
 * <p>Faults on demand: {@link #failNext} (a 5xx, nothing created), {@link #stallNext} (created, then
 * answered too late: the outcome the sender cannot know), {@link #stop()} and {@link #restart()} on the
 * same port. Status callbacks are posted and signed as Twilio does, by hand with {@link #deliver} or on
 * their own with {@link #autoDeliver}.
 *
 * <pre>{@code
 * try (TwilioApiStandIn twilio = TwilioApiStandIn.start(accountSid, authToken)) {
 *     provider = TwilioMessagesProvider.create(settingsWith(twilio.baseUrl()));
 * }
 * }</pre>
 */
public final class TwilioApiStandIn implements AutoCloseable {
    public static final String API_VERSION = "2010-04-01";

    private static final Logger log = LoggerFactory.getLogger(TwilioApiStandIn.class);
    private static final Pattern MESSAGES_PATH = Pattern.compile("/" + API_VERSION + "/Accounts/([^/]+)/Messages\\.json");
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
    /** A backlog that takes a burst of a test's concurrent senders without refusing connections. */
    private static final int BACKLOG = 50;

    private final String accountSid;
    private final Map<String, String> secretsByUsername;
    private final TwilioSignature signature;
    private final ObjectMapper json = new ObjectMapper();
    private final List<ReceivedMessage> messages = new CopyOnWriteArrayList<>();
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    private final Set<String> optedOut = ConcurrentHashMap.newKeySet();
    private final MessageRequestCheck check = new MessageRequestCheck(optedOut);
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final ExecutorService handlers = Executors.newCachedThreadPool(daemonThreads("twilio-stand-in"));
    private final ScheduledExecutorService callbacks =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("twilio-stand-in-callbacks"));
    private final StatusCallbackSender callbackSender;
    private final int port;
    private volatile Duration autoDeliverDelay;
    private HttpServer server;

    /** A planned misbehaviour for one request. */
    private record Fault(int failWithStatus, Duration stall) {
    }

    /** What the stand-in answers to one request, and the message it created, if any. */
    private record Answer(int status, Map<String, Object> body, Optional<ReceivedMessage> created, Duration delay) {
        static Answer refused(TwilioError error) {
            return new Answer(error.httpStatus(), error.json(), Optional.empty(), Duration.ZERO);
        }
    }

    private TwilioApiStandIn(String accountSid, Map<String, String> secretsByUsername, String authToken) {
        this.accountSid = accountSid;
        this.secretsByUsername = Map.copyOf(secretsByUsername);
        this.signature = new TwilioSignature(authToken);
        this.callbackSender = new StatusCallbackSender(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5)).build(), signature);
        this.server = bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.port = server.getAddress().getPort();
    }

    /** A stand-in of the account {@code accountSid} that accepts Basic auth with its auth token. */
    public static TwilioApiStandIn start(String accountSid, String authToken) {
        return start(accountSid, authToken, Map.of());
    }

    /** As {@link #start(String, String)}, and also accepting the API key {@code apiKeySid} with its secret. */
    public static TwilioApiStandIn start(String accountSid, String authToken, String apiKeySid, String apiKeySecret) {
        if (!TwilioSid.isSid("SK", apiKeySid)) {
            throw new IllegalArgumentException("An API key SID is SK followed by 32 hex digits");
        }
        return start(accountSid, authToken, Map.of(apiKeySid, Objects.requireNonNull(apiKeySecret, "apiKeySecret")));
    }

    private static TwilioApiStandIn start(String accountSid, String authToken, Map<String, String> apiKeys) {
        if (!TwilioSid.isSid("AC", accountSid)) {
            throw new IllegalArgumentException("An account SID is AC followed by 32 hex digits");
        }
        Map<String, String> secrets = new LinkedHashMap<>(apiKeys);
        secrets.put(accountSid, Objects.requireNonNull(authToken, "authToken"));
        TwilioApiStandIn standIn = new TwilioApiStandIn(accountSid, secrets, authToken);
        standIn.server.start();
        log.info("Twilio API stand-in for account {} at {}", accountSid, standIn.baseUrl());
        return standIn;
    }

    /** The base URL a client uses instead of {@code https://api.twilio.com}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String accountSid() {
        return accountSid;
    }

    /** Every message created, in the order the requests arrived. */
    public List<ReceivedMessage> messages() {
        return List.copyOf(messages);
    }

    /** Every request answered with an error, in order. */
    public List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    /** Later messages to {@code number} are refused with 21610, as after the passenger texted STOP. */
    public void optOut(String number) {
        optedOut.add(number);
    }

    /** The next {@code count} requests for the Messages resource get {@code httpStatus} and create nothing. */
    public void failNext(int count, int httpStatus) {
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("A failure is an HTTP status from 400 to 599, was " + httpStatus);
        }
        plan(count, new Fault(httpStatus, Duration.ZERO));
    }

    /**
     * The next {@code count} valid requests create and record their message, then wait {@code delay}
     * before answering: past the client's timeout, the client cannot know the message was created.
     */
    public void stallNext(int count, Duration delay) {
        plan(count, new Fault(0, Objects.requireNonNull(delay, "delay")));
    }

    /**
     * After each message with a {@code StatusCallback} is created, posts "sent" after {@code delay} and
     * "delivered" after twice that, on a background thread, as a handset receiving it would; for the
     * local run. {@code null} turns it off.
     */
    public void autoDeliver(Duration delay) {
        this.autoDeliverDelay = delay;
    }

    /**
     * Posts the status callback Twilio sends when message {@code sid} reaches {@code status}
     * ({@code sent}, {@code delivered}, {@code failed}, {@code undelivered}, ...) to the message's
     * {@code StatusCallback}, signed with the auth token.
     *
     * @param errorCode Twilio's error code of a failed or undelivered message; null for none
     * @return the HTTP status the callback endpoint answered
     * @throws CallbackNotDeliveredException when the endpoint could not be reached
     */
    public int deliver(String sid, String status, String errorCode) {
        ReceivedMessage message = messages.stream().filter(each -> each.sid().equals(sid)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No message " + sid + " was created"));
        URI callback = message.statusCallback().orElseThrow(
                () -> new IllegalStateException("Message " + sid + " was created without a StatusCallback"));
        return callbackSender.post(callback, callbackParameters(message, status, errorCode));
    }

    /** Stops listening on the port: clients get "connection refused" until {@link #restart()}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listens again on the same port after {@link #stop()}. */
    public synchronized void restart() {
        if (server == null) {
            server = bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server.start();
        }
    }

    @Override
    public void close() {
        stop();
        handlers.shutdownNow();
        callbacks.shutdownNow();
    }

    private void plan(int count, Fault fault) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        synchronized (faults) {
            for (int i = 0; i < count; i++) {
                faults.addLast(fault);
            }
        }
    }

    private Optional<Fault> nextFault() {
        synchronized (faults) {
            return Optional.ofNullable(faults.pollFirst());
        }
    }

    private HttpServer bind(InetSocketAddress address) {
        try {
            HttpServer bound = HttpServer.create(address, BACKLOG);
            bound.createContext("/", this::handle);
            // A stalled answer holds its own thread; other requests must not wait behind it.
            bound.setExecutor(handlers);
            return bound;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on " + address, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Answer answer = answer(exchange, body);
            if (!answer.delay().isZero() && !answer.delay().isNegative()) {
                Thread.sleep(answer.delay().toMillis()); // the planned slowness itself, not synchronisation
            }
            byte[] bytes = json.writeValueAsBytes(answer.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Answer answer(HttpExchange exchange, String body) {
        if (!exchange.getRequestMethod().equals("POST")) {
            return refuse(TwilioError.methodNotAllowed(exchange.getRequestMethod()));
        }
        Matcher path = MESSAGES_PATH.matcher(exchange.getRequestURI().getPath());
        if (!path.matches()) {
            return refuse(TwilioError.notFound("no resource at " + exchange.getRequestURI().getPath()));
        }
        Optional<String> authProblem = authenticationProblem(exchange.getRequestHeaders().getFirst("Authorization"));
        if (authProblem.isPresent()) {
            return refuse(TwilioError.authenticate(authProblem.get()));
        }
        if (!path.group(1).equals(accountSid)) {
            return refuse(TwilioError.notFound("the path's account SID is not this account's"));
        }
        Optional<Fault> fault = nextFault();
        if (fault.isPresent() && fault.get().failWithStatus() != 0) {
            return refuse(TwilioError.injected(fault.get().failWithStatus()));
        }
        String contentType = Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("Content-Type"), "");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith(FormEncoding.CONTENT_TYPE)) {
            // Twilio reads parameters only from a form body, so it finds no 'To' in any other.
            return refuse(TwilioError.badRequest(21604, "A 'To' phone number is required.",
                    "Content-Type is '" + contentType + "', not " + FormEncoding.CONTENT_TYPE));
        }
        Map<String, String> parameters = FormEncoding.decode(body);
        Optional<TwilioError> problem = check.problemWith(parameters);
        if (problem.isPresent()) {
            return refuse(problem.get());
        }
        ReceivedMessage message = create(parameters);
        return new Answer(201, messageJson(message), Optional.of(message),
                fault.map(Fault::stall).orElse(Duration.ZERO));
    }

    private Answer refuse(TwilioError error) {
        refusals.add(error.asRefusal(Instant.now()));
        log.debug("Refused a request with {} {}: {}", error.httpStatus(), error.code(), error.reason());
        return Answer.refused(error);
    }

    /** Basic auth as Twilio takes it: the account SID with its auth token, or an API key SID with its secret. */
    private Optional<String> authenticationProblem(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.of("no Basic credentials");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.of("Basic credentials are not base64");
        }
        int colon = decoded.indexOf(':');
        String username = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        String expected = secretsByUsername.get(username);
        if (expected == null) {
            return Optional.of("unknown username " + username);
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("wrong secret for " + username);
        }
        return Optional.empty();
    }

    private ReceivedMessage create(Map<String, String> parameters) {
        ReceivedMessage message = new ReceivedMessage(TwilioSid.random("SM"), parameters.get("To"),
                nonBlank(parameters.get("From")), nonBlank(parameters.get("MessagingServiceSid")),
                parameters.get("Body"), nonBlank(parameters.get("StatusCallback")).map(URI::create), Instant.now());
        messages.add(message);
        log.debug("Created message {}", message.sid());
        Duration delay = autoDeliverDelay;
        if (delay != null && message.statusCallback().isPresent()) {
            scheduleDelivery(message.sid(), delay);
        }
        return message;
    }

    private void scheduleDelivery(String sid, Duration delay) {
        callbacks.schedule(() -> deliverInBackground(sid, "sent"), delay.toMillis(), TimeUnit.MILLISECONDS);
        callbacks.schedule(() -> deliverInBackground(sid, "delivered"), delay.toMillis() * 2, TimeUnit.MILLISECONDS);
    }

    private void deliverInBackground(String sid, String status) {
        try {
            int answered = deliver(sid, status, null);
            log.debug("Status callback '{}' for {} answered {}", status, sid, answered);
        } catch (CallbackNotDeliveredException e) {
            // Twilio does not retry a status callback either; the local run shows why it got none.
            log.warn("Status callback '{}' for {} not delivered: {}", status, sid, e.getCause().toString());
        }
    }

    private Map<String, String> callbackParameters(ReceivedMessage message, String status, String errorCode) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("MessageSid", message.sid());
        parameters.put("SmsSid", message.sid());
        parameters.put("MessageStatus", status);
        parameters.put("SmsStatus", status);
        parameters.put("AccountSid", accountSid);
        message.messagingServiceSid().ifPresent(service -> parameters.put("MessagingServiceSid", service));
        message.from().ifPresent(from -> parameters.put("From", from));
        parameters.put("To", message.to());
        parameters.put("ApiVersion", API_VERSION);
        if (errorCode != null) {
            parameters.put("ErrorCode", errorCode);
        }
        return parameters;
    }

    private Map<String, Object> messageJson(ReceivedMessage message) {
        String created = RFC_2822.format(message.receivedAt());
        String uri = "/" + API_VERSION + "/Accounts/" + accountSid + "/Messages/" + message.sid();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account_sid", accountSid);
        body.put("api_version", API_VERSION);
        body.put("body", message.body());
        body.put("date_created", created);
        body.put("date_sent", null);
        body.put("date_updated", created);
        body.put("direction", "outbound-api");
        body.put("error_code", null);
        body.put("error_message", null);
        body.put("from", message.from().orElse(null));
        body.put("messaging_service_sid", message.messagingServiceSid().orElse(null));
        body.put("num_media", "0");
        body.put("num_segments", Integer.toString(SmsSegments.count(message.body())));
        body.put("price", null);
        body.put("price_unit", "USD");
        body.put("sid", message.sid());
        // Twilio answers "accepted" while a Messaging Service has yet to pick the sender, else "queued".
        body.put("status", message.from().isEmpty() ? "accepted" : "queued");
        body.put("subresource_uris", Map.of("media", uri + "/Media.json"));
        body.put("to", message.to());
        body.put("uri", uri + ".json");
        return body;
    }

    private static Optional<String> nonBlank(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public String toString() {
        return "TwilioApiStandIn[" + accountSid + " at " + baseUrl() + "]";
    }
}
