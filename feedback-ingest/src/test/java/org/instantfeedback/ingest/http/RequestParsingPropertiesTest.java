package org.instantfeedback.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.instantfeedback.events.Channel;
import org.instantfeedback.ingest.RandomInputs;
import org.instantfeedback.ingest.feedback.FeedbackSubmission;
import org.junit.jupiter.api.Test;

/**
 * Generated bodies and headers through the request parsers: they answer with a value or with one
 * of the documented {@link org.instantfeedback.service.problem.ProblemException}s (which become 4xx), never anything else.
 */
class RequestParsingPropertiesTest {
    private static final long SEED = 0x5EED_0002L;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final JsonRequestBody body = new JsonRequestBody(JSON, 16 * 1024);

    @Test
    void a_form_body_parses_or_is_refused_as_malformed() {
        RandomInputs random = inputs("a_form_body_parses_or_is_refused_as_malformed");
        random.forAll(3000, () -> formBytes(random), bytes -> {
            try {
                FormParameters form = FormParameters.parse(bytes);
                assertThat(form.entries().size()).isLessThanOrEqualTo(bytes.length / 2 + 1);
                int decodedChars = form.entries().stream()
                        .mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
                assertThat(decodedChars).isLessThanOrEqualTo(bytes.length);
            } catch (RejectedRequestException refused) {
                assertThat(refused.slug()).isIn("malformed-form", "invalid-encoding");
                assertThat(refused.status()).isEqualTo(400);
            }
        });
    }

    @Test
    void a_form_encoded_by_a_browser_reads_back_as_sent() {
        RandomInputs random = inputs("a_form_encoded_by_a_browser_reads_back_as_sent");
        random.forAll(2000, () -> parameters(random), sent -> {
            String encoded = sent.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));

            assertThat(FormParameters.parse(encoded.getBytes(StandardCharsets.US_ASCII)).entries())
                    .containsExactlyElementsOf(sent);
        });
    }

    @Test
    void a_json_body_parses_to_an_object_or_is_refused() {
        RandomInputs random = inputs("a_json_body_parses_to_an_object_or_is_refused");
        random.forAll(3000, () -> jsonBytes(random), bytes -> {
            try {
                ObjectNode parsed = body.parseObject(bytes);
                assertThat(parsed.isObject()).isTrue();
                assertThatCode(() -> FeedbackJson.webSubmission(parsed, null)).doesNotThrowAnyException();
            } catch (RejectedRequestException refused) {
                assertThat(refused.slug()).isIn("malformed-json", "invalid-encoding");
                assertThat(refused.status()).isEqualTo(400);
                assertThat(refused.getMessage()).hasSizeLessThan(2_000);
            }
        });
    }

    @Test
    void any_json_object_reads_as_a_submission_with_errors_named_by_field() {
        RandomInputs random = inputs("any_json_object_reads_as_a_submission_with_errors_named_by_field");
        random.forAll(2000, () -> feedbackObject(random), json -> {
            FeedbackSubmission submission = FeedbackJson.webSubmission(json, "key-1");

            assertThat(submission.channel()).isIn(Channel.WEB, Channel.QR, Channel.API);
            assertThat(submission.readErrors()).allSatisfy(error -> assertThat(error.field())
                    .isIn("channel", "subject", "rating", "scale", "comment", "occurredAt"));
            assertThat(submission.readErrors()).hasSizeLessThanOrEqualTo(6);
        });
    }

    @Test
    void a_content_type_is_accepted_or_refused_as_unsupported() {
        RandomInputs random = inputs("a_content_type_is_accepted_or_refused_as_unsupported");
        random.forAll(3000, () -> contentType(random), contentType -> {
            try {
                String mediaType = BoundedBody.requireMediaType(contentType, BoundedBody.JSON, BoundedBody.FORM);
                assertThat(mediaType).isIn(BoundedBody.JSON, BoundedBody.FORM);
            } catch (UnsupportedMediaTypeException refused) {
                assertThat(refused.status()).isEqualTo(415);
            }
        });
    }

    /** Found by the property above: Jackson's nesting limit fails without a location, which was a 500. */
    @Test
    void refuses_json_nested_ten_thousand_levels_deep_as_malformed() {
        byte[] nested = ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> body.parseObject(nested)).isInstanceOf(RejectedRequestException.class)
                .hasMessageContaining("nesting depth").extracting("slug").isEqualTo("malformed-json");
    }

    /** Found by the property above: a Content-Type of semicolons alone split into nothing, which was a 500. */
    @Test
    void refuses_a_content_type_of_semicolons_alone_as_unsupported() {
        assertThatThrownBy(() -> BoundedBody.requireMediaType(";;", BoundedBody.JSON))
                .isInstanceOf(UnsupportedMediaTypeException.class);
    }

    private static RandomInputs inputs(String property) {
        return RandomInputs.seeded(RequestParsingPropertiesTest.class, property, SEED);
    }

    private static final List<String> FORM_ESCAPES = List.of("%", "%z", "%zz", "%2", "%41", "%ff", "%c3%28",
            "%e2%82", "a=%", "=", "&&&", "==", "a", "a&a=1&a=2", "+=+", "%00=%00", "%ed%a0%80");

    private static byte[] formBytes(RandomInputs random) {
        return random.oneOf(
                () -> random.bytes(200),
                () -> random.string("ab=&%+09fFzZ\u00e9\u20ac", 120).getBytes(StandardCharsets.UTF_8),
                () -> String.join("", random.list(8, () -> random.pick(FORM_ESCAPES)))
                        .getBytes(StandardCharsets.US_ASCII));
    }

    private static List<Map.Entry<String, String>> parameters(RandomInputs random) {
        return random.list(6, () -> (Map.Entry<String, String>) new SimpleImmutableEntry<>(
                encodableText(random), encodableText(random)));
    }

    /** Any text of up to 12 characters that UTF-8 can encode (no lone surrogates). */
    private static String encodableText(RandomInputs random) {
        String text;
        do {
            text = random.anyString(12);
        } while (!StandardCharsets.UTF_8.newEncoder().canEncode(text));
        return text;
    }

    private static byte[] jsonBytes(RandomInputs random) {
        return random.oneOf(
                () -> random.bytes(200),
                () -> random.string("{}[]\":,0123456789.eE+-truefalsn \\u\u00e9", 120)
                        .getBytes(StandardCharsets.UTF_8),
                () -> {
                    int depth = random.between(1, 3_000);
                    return ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8);
                },
                () -> {
                    byte[] full = feedbackObject(random).toString().getBytes(StandardCharsets.UTF_8);
                    int cut = random.between(0, 100);
                    return Arrays.copyOf(full, Math.min(full.length, full.length * cut / 100));
                });
    }

    private static final List<String> FIELDS = List.of("subject", "rating", "scale", "comment", "occurredAt",
            "channel", "other");

    private static ObjectNode feedbackObject(RandomInputs random) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode object = nodes.objectNode();
        random.list(8, () -> new SimpleImmutableEntry<>(random.pick(FIELDS), value(random, nodes)))
                .forEach(f -> object.set(f.getKey(), f.getValue()));
        return object;
    }

    private static com.fasterxml.jackson.databind.JsonNode value(RandomInputs random, JsonNodeFactory nodes) {
        return random.oneOf(
                () -> nodes.textNode(random.anyString(20)),
                () -> nodes.textNode(random.pick("web", "QR", " api ", "sms", "route-42", "stars-5", "nps-0-10",
                        "2024-05-01T08:30:00Z")),
                () -> nodes.numberNode(random.anyLong()),
                () -> nodes.numberNode(random.pick(Long.MAX_VALUE, Long.MIN_VALUE, 0L, -1L,
                        (long) Integer.MAX_VALUE + 1)),
                () -> nodes.numberNode(random.pick(new BigInteger("9".repeat(40)),
                        new BigInteger("-" + "9".repeat(40)))),
                () -> nodes.numberNode(random.anyDouble()),
                () -> random.pick(nodes.nullNode(), nodes.booleanNode(true), nodes.arrayNode(), nodes.objectNode()));
    }

    private static final List<String> KNOWN_CONTENT_TYPES = List.of("application/json", "APPLICATION/JSON",
            "application/json;", "application/x-www-form-urlencoded", "application/json; charset=utf-8",
            "application/json; charset=\"UTF-8\"", "application/json; charset=latin1", "application/json; charset",
            "application/json;;;charset=", "text/plain", "multipart/form-data; boundary=x", ";", "", " ",
            "application/json, text/plain", "*/*", "application/json; charset=utf-16");

    private static String contentType(RandomInputs random) {
        return random.oneOf(
                () -> random.pick(KNOWN_CONTENT_TYPES),
                () -> random.anyString(60),
                () -> random.pick(KNOWN_CONTENT_TYPES).concat(random.string(";= \"abc-8utf", 20)));
    }
}
