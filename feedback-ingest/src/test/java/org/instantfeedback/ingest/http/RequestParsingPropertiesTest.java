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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.instantfeedback.events.Channel;
import org.instantfeedback.ingest.feedback.FeedbackSubmission;

/**
 * Generated bodies and headers through the request parsers: they answer with a value or with one
 * of the documented {@link RejectedRequestException}s (which become 4xx), never anything else.
 */
class RequestParsingPropertiesTest {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final JsonRequestBody body = new JsonRequestBody(JSON, 16 * 1024);

    @Property(tries = 3000)
    void a_form_body_parses_or_is_refused_as_malformed(@ForAll("formBytes") byte[] bytes) {
        try {
            FormParameters form = FormParameters.parse(bytes);
            assertThat(form.entries().size()).isLessThanOrEqualTo(bytes.length / 2 + 1);
            int decodedChars = form.entries().stream().mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
            assertThat(decodedChars).isLessThanOrEqualTo(bytes.length);
        } catch (MalformedFormException | InvalidEncodingException refused) {
            assertThat(refused.status()).isEqualTo(400);
        }
    }

    @Property(tries = 2000)
    void a_form_encoded_by_a_browser_reads_back_as_sent(@ForAll("parameters") List<Map.Entry<String, String>> sent) {
        String encoded = sent.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));

        assertThat(FormParameters.parse(encoded.getBytes(StandardCharsets.US_ASCII)).entries())
                .containsExactlyElementsOf(sent);
    }

    @Property(tries = 3000)
    void a_json_body_parses_to_an_object_or_is_refused(@ForAll("jsonBytes") byte[] bytes) {
        try {
            ObjectNode parsed = body.parseObject(bytes);
            assertThat(parsed.isObject()).isTrue();
            assertThatCode(() -> FeedbackJson.webSubmission(parsed, null)).doesNotThrowAnyException();
        } catch (MalformedJsonException | InvalidEncodingException refused) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.getMessage()).hasSizeLessThan(2_000);
        }
    }

    @Property(tries = 2000)
    void any_json_object_reads_as_a_submission_with_errors_named_by_field(@ForAll("feedbackObjects") ObjectNode json) {
        FeedbackSubmission submission = FeedbackJson.webSubmission(json, "key-1");

        assertThat(submission.channel()).isIn(Channel.WEB, Channel.QR, Channel.API);
        assertThat(submission.readErrors()).allSatisfy(error -> assertThat(error.field())
                .isIn("channel", "subject", "rating", "scale", "comment", "occurredAt"));
        assertThat(submission.readErrors()).hasSizeLessThanOrEqualTo(6);
    }

    @Property(tries = 3000)
    void a_content_type_is_accepted_or_refused_as_unsupported(@ForAll("contentTypes") String contentType) {
        try {
            String mediaType = BoundedBody.requireMediaType(contentType, BoundedBody.JSON, BoundedBody.FORM);
            assertThat(mediaType).isIn(BoundedBody.JSON, BoundedBody.FORM);
        } catch (UnsupportedMediaTypeException refused) {
            assertThat(refused.status()).isEqualTo(415);
        }
    }

    /** Found by the property above: Jackson's nesting limit fails without a location, which was a 500. */
    @Example
    void refuses_json_nested_ten_thousand_levels_deep_as_malformed() {
        byte[] nested = ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> body.parseObject(nested)).isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("nesting depth");
    }

    /** Found by the property above: a Content-Type of semicolons alone split into nothing, which was a 500. */
    @Example
    void refuses_a_content_type_of_semicolons_alone_as_unsupported() {
        assertThatThrownBy(() -> BoundedBody.requireMediaType(";;", BoundedBody.JSON))
                .isInstanceOf(UnsupportedMediaTypeException.class);
    }

    @Provide
    Arbitrary<byte[]> formBytes() {
        Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> formLike = Arbitraries.strings().withChars("ab=&%+09fFzZ\u00e9\u20ac").ofMaxLength(120)
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> escapes = Arbitraries.of("%", "%z", "%zz", "%2", "%41", "%ff", "%c3%28", "%e2%82", "a=%",
                "=", "&&&", "==", "a", "a&a=1&a=2", "+=+", "%00=%00", "%ed%a0%80").list().ofMaxSize(8)
                .map(parts -> String.join("", parts).getBytes(StandardCharsets.US_ASCII));
        return Arbitraries.oneOf(anyBytes, formLike, escapes);
    }

    @Provide
    Arbitrary<List<Map.Entry<String, String>>> parameters() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(12)
                .filter(s -> StandardCharsets.UTF_8.newEncoder().canEncode(s));
        return Combinators.combine(text, text).as((k, v) -> (Map.Entry<String, String>) new SimpleImmutableEntry<>(k, v))
                .list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<byte[]> jsonBytes() {
        Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> jsonLike = Arbitraries.strings().withChars("{}[]\":,0123456789.eE+-truefalsn \\u\u00e9")
                .ofMaxLength(120).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> nested = Arbitraries.integers().between(1, 3_000).map(depth ->
                ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> truncated = Combinators.combine(feedbackObjects(), Arbitraries.integers().between(0, 100))
                .as((object, cut) -> {
                    byte[] full = object.toString().getBytes(StandardCharsets.UTF_8);
                    return java.util.Arrays.copyOf(full, Math.min(full.length, full.length * cut / 100));
                });
        return Arbitraries.oneOf(anyBytes, jsonLike, nested, truncated);
    }

    @Provide
    Arbitrary<ObjectNode> feedbackObjects() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        Arbitrary<com.fasterxml.jackson.databind.JsonNode> value = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(20).map(nodes::textNode),
                Arbitraries.of("web", "QR", " api ", "sms", "route-42", "stars-5", "nps-0-10", "2024-05-01T08:30:00Z")
                        .map(nodes::textNode),
                Arbitraries.longs().map(nodes::numberNode),
                Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L, -1L, (long) Integer.MAX_VALUE + 1).map(nodes::numberNode),
                Arbitraries.of(new BigInteger("9".repeat(40)), new BigInteger("-" + "9".repeat(40))).map(nodes::numberNode),
                Arbitraries.doubles().map(nodes::numberNode),
                Arbitraries.of(nodes.nullNode(), nodes.booleanNode(true), nodes.arrayNode(), nodes.objectNode()));
        Arbitrary<String> field = Arbitraries.of("subject", "rating", "scale", "comment", "occurredAt", "channel",
                "other");
        return Combinators.combine(field, value).as(SimpleImmutableEntry::new).list().ofMaxSize(8).map(fields -> {
            ObjectNode object = nodes.objectNode();
            fields.forEach(f -> object.set(f.getKey(), f.getValue()));
            return object;
        });
    }

    @Provide
    Arbitrary<String> contentTypes() {
        Arbitrary<String> known = Arbitraries.of("application/json", "APPLICATION/JSON", "application/json;",
                "application/x-www-form-urlencoded", "application/json; charset=utf-8",
                "application/json; charset=\"UTF-8\"", "application/json; charset=latin1", "application/json; charset",
                "application/json;;;charset=", "text/plain", "multipart/form-data; boundary=x", ";", "", " ",
                "application/json, text/plain", "*/*", "application/json; charset=utf-16");
        return Arbitraries.oneOf(known, Arbitraries.strings().all().ofMaxLength(60),
                Combinators.combine(known, Arbitraries.strings().withChars(";= \"abc-8utf").ofMaxLength(20))
                        .as(String::concat));
    }
}
