package org.instantfeedback.ingest;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.instantfeedback.ingest.config.Secret;
import org.instantfeedback.ingest.sms.TwilioSignature;

/**
 * Generates HTTP requests for one endpoint of feedback-ingest from a seeded {@link Random}: about
 * a quarter valid, the rest slightly broken or hostile (huge and truncated bodies, invalid UTF-8,
 * JSON nested 10,000 levels deep, wrong and odd content types, duplicate and oversized headers,
 * broken form encoding, random unicode, numbers at the integer limits, forged credentials). The
 * same seed gives the same requests. Requests the JDK client cannot send (malformed header lines,
 * conflicting Content-Length, broken chunking, raw request targets) are marked {@code raw}.
 */
final class RequestFuzzer {
    enum Endpoint {
        FEEDBACK("POST", "/v1/feedback"),
        BATCH("POST", "/v1/feedback/batch"),
        SMS("POST", "/v1/sms"),
        TWILIO("POST", "/v1/sms/twilio"),
        PAGE_GET("GET", "/f/route-42"),
        PAGE_POST("POST", "/f/route-42"),
        ANY_PATH("PUT", "/");

        final String method;
        final String path;

        Endpoint(String method, String path) {
            this.method = method;
            this.path = path;
        }
    }

    /** One request; {@code target} is the request-target as sent (path and query, already encoded). */
    record FuzzRequest(Endpoint endpoint, String method, String target, List<Map.Entry<String, String>> headers,
            byte[] body, boolean raw, boolean oversizedHeaders, String rawHead) {
    }

    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";
    private static final String[] INTEGER_LIMITS = {"2147483647", "2147483648", "-2147483649", "9223372036854775807",
            "9223372036854775808", "-9223372036854775809", "1e400", "-0", "4.0", "4.5", "1E2", "\"4\"", "null", "true",
            "99999999999999999999999999999999999999", "0x10", "NaN", "Infinity", "[]", "{}"};
    private static final String[] CONTENT_TYPES = {null, "", "text/plain", "application/json; charset=latin1",
            "APPLICATION/JSON", "application/json;;", ";", "application/json; charset=\"utf-8\"", "multipart/form-data",
            "application/x-www-form-urlencoded; charset=utf-16", "application/json, application/xml", "*/*",
            "application/jsonx", "application/problem+json", "text/html; charset=utf-8", "application/json; charset",
            "application/json; charset=UTF-8; charset=latin1", "application/x-www-form-urlencoded;charset=UTF-8"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE"};
    private static final String[] PATHS = {"/", "/v1", "/v1/", "/v1/feedback/", "/v1/feedback/batch/x", "/v1/sms/",
            "/v1/sms/twilio/", "/f/", "/f/a/b", "/f/%20", "/f/route%2D42", "/health/live", "/health/ready", "/metrics",
            "/assets/feedback-page.css", "/assets/../v1/feedback", "//v1//feedback", "/V1/FEEDBACK", "/%2e%2e/%2e%2e/etc",
            "/f/" + "x".repeat(300), "/v1/feedback?" + "a=1&".repeat(200), "/f/%F0%9F%99%82", "/f/%00", "/f/..%2f"};

    private final Random random;
    private final int port;
    private final int maxBodyBytes;
    private final int maxBatchBodyBytes;
    private final String smsKey;
    private final String kioskKey;
    private final Secret twilioToken;
    private int counter;

    RequestFuzzer(long seed, int port, int maxBodyBytes, int maxBatchBodyBytes, String smsKey, String kioskKey,
            String twilioToken) {
        this.random = new Random(seed);
        this.port = port;
        this.maxBodyBytes = maxBodyBytes;
        this.maxBatchBodyBytes = maxBatchBodyBytes;
        this.smsKey = smsKey;
        this.kioskKey = kioskKey;
        this.twilioToken = Secret.of(twilioToken);
    }

    FuzzRequest next(Endpoint endpoint) {
        counter++;
        if (random.nextInt(100) < 6) {
            return rawRequest(endpoint);
        }
        return switch (endpoint) {
            case FEEDBACK -> jsonRequest(endpoint, validFeedback(), maxBodyBytes, List.of());
            case BATCH -> jsonRequest(endpoint, validBatch(), maxBatchBodyBytes, credentials(kioskKey));
            case SMS -> random.nextInt(4) == 0 ? formRequest(endpoint, validGatewayForm(), credentials(smsKey), false)
                    : jsonRequest(endpoint, validGatewaySms(), maxBodyBytes, credentials(smsKey));
            case TWILIO -> formRequest(endpoint, validTwilioForm(), List.of(), true);
            case PAGE_GET -> pageGet();
            case PAGE_POST -> formRequest(endpoint, validPageForm(), List.of(), false);
            case ANY_PATH -> anyPath();
        };
    }

    // ---- valid payloads ----

    private String validFeedback() {
        return "{\"subject\":\"route-" + random.nextInt(100) + "\",\"rating\":" + (1 + random.nextInt(5))
                + ",\"comment\":" + jsonString(someText()) + "}";
    }

    private String validBatch() {
        StringBuilder items = new StringBuilder();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            items.append(i == 0 ? "" : ",").append("{\"itemId\":\"fz").append(counter).append('-').append(i)
                    .append("\",\"rating\":").append(1 + random.nextInt(4)).append('}');
        }
        return "{\"kioskId\":\"kiosk-fuzz\",\"subject\":\"branch-central\",\"scale\":\"smiley-4\",\"items\":["
                + items + "]}";
    }

    private String validGatewaySms() {
        return "{\"from\":\"+4477009" + (10000 + random.nextInt(89999)) + "\",\"text\":" + jsonString("route "
                + random.nextInt(99) + " " + (1 + random.nextInt(5)) + "/5 " + someText()) + ",\"messageId\":\"fz"
                + counter + "\"}";
    }

    private List<Map.Entry<String, String>> validGatewayForm() {
        return new ArrayList<>(List.of(Map.entry("from", "+447700900" + (100 + random.nextInt(800))),
                Map.entry("message", "bus 7 rating 4 " + someText()), Map.entry("id", "fz" + counter)));
    }

    private List<Map.Entry<String, String>> validTwilioForm() {
        return new ArrayList<>(List.of(Map.entry("MessageSid", "SMfz" + counter), Map.entry("From", "+447700900123"),
                Map.entry("To", "+442079460001"), Map.entry("Body", "route 42 " + (1 + random.nextInt(5)) + "/5 "
                        + someText()), Map.entry("NumMedia", "0")));
    }

    private List<Map.Entry<String, String>> validPageForm() {
        return new ArrayList<>(List.of(Map.entry("rating", String.valueOf(1 + random.nextInt(5))),
                Map.entry("comment", someText()), Map.entry("token", "fuzzTokenFuzzToken" + counter)));
    }

    // ---- JSON requests ----

    private FuzzRequest jsonRequest(Endpoint endpoint, String valid, int limit, List<Map.Entry<String, String>> auth) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        byte[] body = valid.getBytes(StandardCharsets.UTF_8);
        int roll = random.nextInt(100);
        if (roll < 25) {
            // valid as generated
        } else if (roll < 35) {
            body = Arrays.copyOf(body, random.nextInt(body.length));
        } else if (roll < 42) {
            body = withInvalidUtf8(body);
        } else if (roll < 47) {
            body = deeplyNested(random.nextBoolean() ? 10_000 : 900 + random.nextInt(300));
        } else if (roll < 50) {
            body = huge(limit);
        } else if (roll < 62) {
            body = jsonWithOddValues(endpoint).getBytes(StandardCharsets.UTF_8);
        } else if (roll < 68) {
            body = randomBytes(random.nextInt(300));
        } else if (roll < 74) {
            body = (valid + pick("", " {}", "}", ",", "\u0000", " // c", "\n[]")).getBytes(StandardCharsets.UTF_8);
        } else if (roll < 78) {
            body = duplicateKeys(valid).getBytes(StandardCharsets.UTF_8);
        } else if (roll < 82) {
            body = pick("", " ", "null", "[]", "\"text\"", "42", "{", "\uFEFF" + valid, "[" + valid + "]")
                    .getBytes(StandardCharsets.UTF_8);
        } else if (roll < 86 && endpoint == Endpoint.SMS) {
            body = infobipResults().getBytes(StandardCharsets.UTF_8);
        }
        addContentType(headers, JSON);
        addCredentials(endpoint, auth, headers, body);
        addOddHeaders(headers);
        return new FuzzRequest(endpoint, endpoint.method, endpoint.path + query(endpoint), headers, body, false,
                false, null);
    }

    private String jsonWithOddValues(Endpoint endpoint) {
        StringBuilder json = new StringBuilder("{");
        String[] fields = switch (endpoint) {
            case BATCH -> new String[] {"kioskId", "subject", "scale", "items"};
            case SMS -> new String[] {"from", "text", "messageId", "to", "receivedAt", "gateway", "msisdn", "results"};
            default -> new String[] {"subject", "rating", "scale", "comment", "occurredAt", "channel"};
        };
        int n = 1 + random.nextInt(fields.length);
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(fields[random.nextInt(fields.length)].equals("items")
                    && random.nextBoolean() ? "items" : fields[i % fields.length]).append("\":").append(oddValue());
        }
        return json.append('}').toString();
    }

    private String oddValue() {
        return switch (random.nextInt(9)) {
            case 0, 1 -> pick(INTEGER_LIMITS);
            case 2 -> jsonString(randomUnicode(random.nextInt(40)));
            case 3 -> jsonString("x".repeat(random.nextInt(3000)));
            case 4 -> "[" + pick("", "1", "{}", "{\"rating\":5,\"itemId\":\"a\"}", "null,null", "{\"itemId\":\""
                    + "i".repeat(70) + "\"}") + "]";
            case 5 -> jsonString(pick("route-42", "+447700900123", "2024-05-01T08:30:00Z", "1970-01-01T00:00:00Z",
                    "9999-12-31T23:59:59Z", "stars-5", "nps-0-10", "smiley-4", "thumbs", "web", "qr", "sms", "kiosk",
                    "0176 12345678", "route 123456789", "<script>alert(1)</script>", "\\u0000", "kiosk fuzz"));
            case 6 -> "{\"nested\":" + pick(INTEGER_LIMITS) + "}";
            case 7 -> "[" + "1,".repeat(random.nextInt(600)) + "1]";
            default -> "null";
        };
    }

    private String infobipResults() {
        StringBuilder results = new StringBuilder("{\"results\":[");
        int n = random.nextInt(4) == 0 ? 100 + random.nextInt(3) : random.nextInt(4);
        for (int i = 0; i < n; i++) {
            results.append(i == 0 ? "" : ",").append(random.nextInt(5) == 0 ? pick(INTEGER_LIMITS)
                    : "{\"from\":\"447700900" + (100 + random.nextInt(800)) + "\",\"text\":\"bus 5 4/5\","
                            + "\"messageId\":\"fz" + counter + "-" + i + "\"}");
        }
        return results.append("]}").toString();
    }

    private String duplicateKeys(String valid) {
        return "{\"subject\":\"route-1\"," + valid.substring(1);
    }

    // ---- form requests ----

    private FuzzRequest formRequest(Endpoint endpoint, List<Map.Entry<String, String>> fields,
            List<Map.Entry<String, String>> auth, boolean twilioSigned) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        int roll = random.nextInt(100);
        byte[] body;
        if (roll < 30) {
            body = encode(fields);
        } else if (roll < 45) {
            fields.add(Map.entry(pick("", "Body", "rating", "x", "MessageSid", "token", "comment", "\u00e9"),
                    random.nextBoolean() ? randomUnicode(random.nextInt(30)) : pick(INTEGER_LIMITS)));
            if (random.nextBoolean()) {
                fields.set(random.nextInt(fields.size()), Map.entry(fields.get(0).getKey(),
                        pick("", "0", "6", "-1", "2147483648", "99999999999999999999", " 4 ", "four", "4.0", "%")));
            }
            body = encode(fields);
        } else if (roll < 62) {
            body = (new String(encode(fields), StandardCharsets.US_ASCII) + pick("&%", "&%zz=1", "&+=+", "&=", "&==",
                    "&&&", "&noequals", "&rating=1&rating=2", "&%C3%28=x", "&a=%ED%A0%80", "&%", "&comment=%2",
                    "&Body=%F0%9F")).getBytes(StandardCharsets.US_ASCII);
        } else if (roll < 70) {
            body = withInvalidUtf8(encode(fields));
        } else if (roll < 74) {
            body = huge(maxBodyBytes);
        } else if (roll < 82) {
            body = randomBytes(random.nextInt(300));
        } else if (roll < 88) {
            byte[] full = encode(fields);
            body = Arrays.copyOf(full, random.nextInt(full.length + 1));
        } else {
            body = validFeedback().getBytes(StandardCharsets.UTF_8);
        }
        addContentType(headers, FORM);
        String target = endpoint.path + query(endpoint);
        if (twilioSigned) {
            addTwilioSignature(target, body, headers);
        } else {
            addCredentials(endpoint, auth, headers, body);
        }
        addOddHeaders(headers);
        return new FuzzRequest(endpoint, endpoint.method, target, headers, body, false, false, null);
    }

    private void addTwilioSignature(String target, byte[] body, List<Map.Entry<String, String>> headers) {
        int roll = random.nextInt(10);
        if (roll < 6) {
            List<Map.Entry<String, String>> parameters;
            try {
                parameters = org.instantfeedback.ingest.http.FormParameters.parse(body).entries();
            } catch (RuntimeException unparseable) {
                parameters = List.of();
            }
            headers.add(Map.entry("X-Twilio-Signature", TwilioSignature.compute(twilioToken,
                    "http://127.0.0.1:" + port + target, parameters)));
        } else if (roll < 8) {
            headers.add(Map.entry("X-Twilio-Signature", pick("", " ", "forged", "GvWf1cFY/Q7PnoempGyD5oXAezc=",
                    "x".repeat(500), "====", "\u00e9")));
        }
    }

    private static byte[] encode(List<Map.Entry<String, String>> fields) {
        StringBuilder form = new StringBuilder();
        for (Map.Entry<String, String> field : fields) {
            form.append(form.length() == 0 ? "" : "&").append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        return form.toString().getBytes(StandardCharsets.US_ASCII);
    }

    // ---- pages and other paths ----

    private FuzzRequest pageGet() {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String subject = switch (random.nextInt(6)) {
            case 0, 1 -> "route-" + random.nextInt(1000);
            case 2 -> URLEncoder.encode(randomUnicode(random.nextInt(20)), StandardCharsets.UTF_8).replace("+", "%20");
            case 3 -> pick("%20", "route%2042", "0176%2012345678", "%3Cscript%3E", "a".repeat(65), "branch-central",
                    "%E2%80%AE", "x%00", ".", "..", "~");
            case 4 -> URLEncoder.encode(pick(INTEGER_LIMITS), StandardCharsets.UTF_8);
            default -> "r" + "%C3%A9".repeat(random.nextInt(80));
        };
        addOddHeaders(headers);
        return new FuzzRequest(Endpoint.PAGE_GET, "GET", "/f/" + subject + (random.nextInt(5) == 0 ? "?x=%zz" : ""),
                headers, new byte[0], false, false, null);
    }

    private FuzzRequest anyPath() {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String method = pick(METHODS);
        String path = random.nextInt(3) == 0
                ? "/" + URLEncoder.encode(randomUnicode(random.nextInt(30)), StandardCharsets.UTF_8)
                : pick(PATHS);
        byte[] body = method.equals("GET") || method.equals("HEAD") || method.equals("TRACE") ? new byte[0]
                : randomBytes(random.nextInt(100));
        if (body.length > 0) {
            headers.add(Map.entry("Content-Type", pick(JSON, FORM, "text/plain")));
        }
        addOddHeaders(headers);
        return new FuzzRequest(Endpoint.ANY_PATH, method, path, headers, body, false, false, null);
    }

    // ---- headers ----

    private List<Map.Entry<String, String>> credentials(String key) {
        return List.of(Map.entry("X-Api-Key", key));
    }

    private void addCredentials(Endpoint endpoint, List<Map.Entry<String, String>> auth,
            List<Map.Entry<String, String>> headers, byte[] body) {
        int roll = random.nextInt(20);
        if (auth.isEmpty() || roll == 0) {
            return; // missing
        }
        if (roll == 1) {
            headers.add(Map.entry("X-Api-Key", "wrong-" + random.nextInt(1000)));
        } else if (roll == 2) {
            headers.add(Map.entry("Authorization", pick("Bearer ", "Bearer wrong", "Basic !!!", "Basic "
                    + java.util.Base64.getEncoder().encodeToString("nocolon".getBytes(StandardCharsets.UTF_8)),
                    "Basic " + java.util.Base64.getEncoder().encodeToString(("gw:" + auth.get(0).getValue())
                            .getBytes(StandardCharsets.UTF_8)), "Digest x", "bearer " + auth.get(0).getValue())));
        } else if (roll == 3) {
            headers.addAll(auth);
            headers.add(Map.entry("X-Api-Key", "second-key")); // duplicate header, different value
        } else if (roll == 4 && endpoint == Endpoint.SMS) {
            headers.add(Map.entry("X-Signature", pick("sha256=", "sha256=" + "0".repeat(64), "md5=abc", "")));
        } else {
            headers.addAll(auth);
        }
    }

    private void addOddHeaders(List<Map.Entry<String, String>> headers) {
        int roll = random.nextInt(100);
        if (roll < 70) {
            return;
        }
        if (roll < 76) {
            headers.add(Map.entry("Content-Type", contentTypeNotNull())); // a second Content-Type
        } else if (roll < 82) {
            headers.add(Map.entry("Idempotency-Key", pick("", " ", "k".repeat(129), "k".repeat(2000), "key with spaces",
                    "\u00e9t\u00e9", "fz-" + counter)));
            if (random.nextBoolean()) {
                headers.add(Map.entry("Idempotency-Key", "other-" + counter));
            }
        } else if (roll < 88) {
            headers.add(Map.entry("X-Forwarded-For", pick("", "not-an-ip", "1.2.3.4, 5.6.7.8", "::1", "999.1.1.1",
                    "1.2.3.4".repeat(300))));
        } else if (roll < 94) {
            headers.add(Map.entry("X-Fuzz", "v".repeat(1000 + random.nextInt(3000))));
        } else {
            headers.add(Map.entry("Accept", pick("text/html", "application/xml", "*/*;q=0", "")));
            headers.add(Map.entry("Accept-Charset", "latin1"));
        }
    }

    /** Mostly the right one; else none, or an odd or wrong one. */
    private void addContentType(List<Map.Entry<String, String>> headers, String right) {
        String type = random.nextInt(100) < 80 ? right : contentType();
        if (type != null) {
            headers.add(Map.entry("Content-Type", type));
        }
    }

    private String contentType() {
        return random.nextInt(4) == 0 ? randomPrintable(random.nextInt(40)) : pick(CONTENT_TYPES);
    }

    private String contentTypeNotNull() {
        String type = contentType();
        return type == null ? "text/plain" : type;
    }

    private String query(Endpoint endpoint) {
        int roll = random.nextInt(20);
        if (roll == 0) {
            return "?gateway=" + pick("vonage", "46elks", "UPPER", "x".repeat(40), "", "%C3%A9");
        }
        if (roll == 1) {
            return "?" + pick("a", "a=", "=", "&&", "a=1&a=2", "%25", "x=" + "y".repeat(1000));
        }
        return "";
    }

    // ---- raw requests: what the JDK client will not send ----

    private FuzzRequest rawRequest(Endpoint endpoint) {
        String path = endpoint == Endpoint.ANY_PATH ? "/v1/feedback" : endpoint.path;
        String method = endpoint.method.equals("PUT") ? "POST" : endpoint.method;
        byte[] body = validFeedback().getBytes(StandardCharsets.UTF_8);
        String contentType = endpoint == Endpoint.TWILIO || endpoint == Endpoint.PAGE_POST ? FORM : JSON;
        int roll = random.nextInt(12);
        String head;
        boolean oversized = false;
        switch (roll) {
            case 0 -> {
                head = method + " " + path + " HTTP/1.1\r\nContent-Type: " + contentType + "\r\nX-Big: "
                        + "b".repeat(pick(10_000, 20_000, 70_000)) + "\r\n";
                oversized = true;
            }
            case 1 -> {
                StringBuilder many = new StringBuilder();
                for (int i = 0; i < 400; i++) {
                    many.append("X-Many-").append(i).append(": ").append("m".repeat(40)).append("\r\n");
                }
                head = method + " " + path + " HTTP/1.1\r\nContent-Type: " + contentType + "\r\n" + many;
                oversized = true;
            }
            case 2 -> head = method + " " + path + " HTTP/1.1\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + body.length + "\r\nContent-Length: " + (body.length + 5) + "\r\n";
            case 3 -> head = method + " " + path + " HTTP/1.1\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                    + pick("abc", "-1", "99999999999999999999", "1e3", " ") + "\r\n";
            case 4 -> head = method + " " + path + " HTTP/1.1\r\nContent-Type: " + contentType
                    + "\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n";
            case 5 -> {
                head = method + " " + path + " HTTP/1.1\r\nContent-Type: " + contentType
                        + "\r\nTransfer-Encoding: chunked\r\n";
                body = pick("zz\r\nabc\r\n0\r\n\r\n", "5\r\nab", "ffffffffffffffff\r\nx\r\n", "3\r\n{}\r\n0\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
            }
            case 6 -> head = method + " " + pick("/f/%zz", "/f/%C3%28", "/v1/feedback?%zz", "/f/%", "/v1/%00/x",
                    "http://evil.example/v1/feedback", "*", "/f/a b") + " HTTP/1.1\r\nContent-Type: " + contentType + "\r\n";
            case 7 -> head = method + " " + path + " HTTP/1.1\r\nContent-Type: " + contentType + "\r\nX-Bin: caf\u00e9\u0001\r\n";
            case 8 -> head = method + " " + path + " HTTP/1.1\r\nContent-Type: " + contentType + "\r\nBad Header: x\r\n";
            case 9 -> head = method + " " + path + " HTTP/1.0\r\nContent-Type: " + contentType + "\r\n";
            case 10 -> head = method + " " + path + " HTTP/1.1\r\nContent-Type: " + contentType
                    + "\r\nContent-Type: text/plain\r\n";
            default -> head = method + " " + path + " HTTP/1.1\r\nContent-Type: " + contentType + "\r\n :folded\r\n";
        }
        return new FuzzRequest(endpoint, method, path, List.of(), body, true, oversized, head);
    }

    // ---- building blocks ----

    private byte[] withInvalidUtf8(byte[] body) {
        byte[][] broken = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF0, (byte) 0x9F}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0x80}};
        byte[] bad = broken[random.nextInt(broken.length)];
        int at = body.length == 0 ? 0 : random.nextInt(body.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.writeBytes(bad);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    private static byte[] deeplyNested(int depth) {
        return ("{\"subject\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] huge(int limit) {
        int size = limit + 1 + random.nextInt(limit * 2);
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        body[0] = '{';
        return body;
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private String someText() {
        return pick("great", "late again", "driver was rude 😡", "★★★★☆", "call me on +44 7700 900123",
                "me@example.com", "", "ok", "Zürich → Genève", "\u202Eevil", "tab\there", "line\nbreak");
    }

    private String randomUnicode(int n) {
        StringBuilder text = new StringBuilder();
        while (text.length() < n) {
            int codePoint = random.nextInt(4) == 0 ? random.nextInt(0x110000) : random.nextInt(0x3000);
            if (Character.isValidCodePoint(codePoint) && !(codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    private String randomPrintable(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append((char) (0x20 + random.nextInt(0x5F)));
        }
        return text.toString();
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
