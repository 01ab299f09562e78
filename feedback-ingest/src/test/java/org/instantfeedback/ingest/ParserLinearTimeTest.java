package org.instantfeedback.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.instantfeedback.ingest.config.Secret;
import org.instantfeedback.ingest.feedback.FeedbackValidator;
import org.instantfeedback.ingest.feedback.SubjectAllowlist;
import org.instantfeedback.ingest.feedback.SupportedScale;
import org.instantfeedback.ingest.http.FormParameters;
import org.instantfeedback.ingest.http.JsonRequestBody;
import org.instantfeedback.ingest.privacy.PersonalDataMask;
import org.instantfeedback.ingest.privacy.SenderPseudonyms;
import org.instantfeedback.ingest.sms.InboundSms;
import org.instantfeedback.ingest.sms.RatingInText;
import org.instantfeedback.ingest.sms.SmsInterpreter;
import org.instantfeedback.ingest.sms.SmsRules;
import org.instantfeedback.ingest.sms.TwilioSignature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every parser's work is linear in its input, whatever the input holds. Timing is relative (ten
 * times the input may take at most 30 times as long: linear gives about 10, quadratic about 100)
 * and the best of several alternating batches counts, so a busy machine does not fail the test.
 * The inputs are the worst cases of each scanner: long runs of what almost matches.
 */
class ParserLinearTimeTest {
    private static final int SHORT = 4_000;
    private static final int LONG = 40_000;
    private static final double MAX_RATIO = 30.0;
    private static final int ATTEMPTS = 3;
    private static final ObjectMapper JSON = IngestApp.objectMapper();
    private static final JsonRequestBody JSON_BODY = new JsonRequestBody(JSON, Integer.MAX_VALUE - 1);
    private static final SmsInterpreter SMS = new SmsInterpreter(SmsRules.builtIn(), SubjectAllowlist.ANY,
            new SenderPseudonyms(Secret.of("pseudonym-secret-for-timing-0123456789")));
    private static final FeedbackValidator SUBJECTS = new FeedbackValidator();
    private static final Secret TOKEN = Secret.of("twilio-token-for-timing");

    static Stream<Arguments> parsersAndWorstCases() {
        return Stream.of(
                parser("masker: digit groups too short to be phones", PersonalDataMask::mask, n -> "12 ".repeat(n / 3)),
                parser("masker: separators without digits", PersonalDataMask::mask, n -> "(+ -".repeat(n / 4)),
                parser("masker: local parts without domains", PersonalDataMask::mask, n -> "a@".repeat(n / 2)),
                parser("masker: one endless local part", PersonalDataMask::mask, n -> "a".repeat(n) + "@b"),
                parser("masker: endless domain without top level", PersonalDataMask::mask,
                        n -> "a@" + "b".repeat(n)),
                parser("masker: dotted dates", PersonalDataMask::mask, n -> "01.05.2024 ".repeat(n / 11)),
                parser("rating: fractions that never close", text -> RatingInText.find(text, SupportedScale.STARS_5),
                        n -> "4 out of ".repeat(n / 9)),
                parser("rating: keywords without numbers", text -> RatingInText.find(text, SupportedScale.STARS_5),
                        n -> "rate it ".repeat(n / 8)),
                parser("rating: asterisk runs", text -> RatingInText.find(text, SupportedScale.STARS_5),
                        n -> "** ".repeat(n / 3)),
                parser("rating: emoji", text -> RatingInText.find(text, SupportedScale.STARS_5),
                        n -> "🙂".repeat(n / 2)),
                parser("sms: route words without numbers", SmsParse::interpret, n -> "route route- ".repeat(n / 13)),
                parser("sms: long digit runs", SmsParse::interpret, n -> "9".repeat(n)),
                parser("form: escapes", FormParse::parse, n -> "a%41=%42".repeat(n / 8)),
                parser("form: many empty pairs", FormParse::parse, n -> "&".repeat(n)),
                parser("form: one endless name", FormParse::parse, n -> "a".repeat(n)),
                parser("json: long array of numbers", JsonParse::parse,
                        n -> "{\"a\":[" + "1,".repeat(n / 2) + "1]}"),
                parser("json: long string of escapes", JsonParse::parse,
                        n -> "{\"a\":\"" + "\\u00e9".repeat(n / 6) + "\"}"),
                parser("json: many keys", JsonParse::parse, JsonParse::manyKeys),
                parser("subject: long text", SUBJECTS::acceptedSubject, n -> "route-42 ".repeat(n / 9)),
                parser("subject: combining marks", SUBJECTS::acceptedSubject, n -> "e\u0301".repeat(n / 2)),
                parser("twilio signature: many parameters", TwilioParse::verify, n -> "x".repeat(n)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsersAndWorstCases")
    void ten_times_the_input_takes_at_most_thirty_times_the_work(String name, Function<String, Object> parse,
            IntFunction<String> ofLength) {
        String shortInput = ofLength.apply(SHORT);
        String longInput = ofLength.apply(LONG);
        // A pause of the machine can spoil one measurement; a quadratic parser spoils every one.
        double ratio = Double.MAX_VALUE;
        for (int attempt = 0; attempt < ATTEMPTS && ratio >= MAX_RATIO; attempt++) {
            ratio = Math.min(ratio, timeRatio(parse, longInput, shortInput));
        }
        System.out.printf("linear-time %-48s %6d chars -> %6d chars: %5.1fx the time%n",
                name, shortInput.length(), longInput.length(), ratio);
        assertThat(ratio).as("time ratio for %s", name).isLessThan(MAX_RATIO);
    }

    private static Arguments parser(String name, Function<String, Object> parse, IntFunction<String> ofLength) {
        return Arguments.of(name, parse, ofLength);
    }

    /** Time per input of {@code longer} over that of {@code shorter}: best of alternating batches after a warm-up. */
    private static double timeRatio(Function<String, Object> parse, String longer, String shorter) {
        long bestLonger = Long.MAX_VALUE;
        long bestShorter = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            long longerNanos = nanosPerInput(parse, longer, 3);
            long shorterNanos = nanosPerInput(parse, shorter, 30);
            if (round >= 2) {
                bestLonger = Math.min(bestLonger, longerNanos);
                bestShorter = Math.min(bestShorter, shorterNanos);
            }
        }
        return (double) bestLonger / Math.max(1, bestShorter);
    }

    private static long nanosPerInput(Function<String, Object> parse, String input, int repetitions) {
        long start = System.nanoTime();
        int sink = 0;
        for (int i = 0; i < repetitions; i++) {
            sink += String.valueOf(parse.apply(input)).length() & 1;
        }
        long nanos = (System.nanoTime() - start) / repetitions;
        return nanos + (sink & 0); // keeps the results alive
    }

    private static final class SmsParse {
        static Object interpret(String text) {
            return SMS.submission(new InboundSms("sms:1", "+447700900123", null, text, null, List.of())).subject();
        }
    }

    private static final class FormParse {
        static Object parse(String body) {
            return FormParameters.parse(body.getBytes(StandardCharsets.UTF_8)).entries().size();
        }
    }

    private static final class JsonParse {
        static Object parse(String body) {
            return JSON_BODY.parseObject(body.getBytes(StandardCharsets.UTF_8)).size();
        }

        static String manyKeys(int n) {
            StringBuilder json = new StringBuilder("{");
            for (int i = 0; json.length() < n; i++) {
                json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
            }
            return json.append('}').toString();
        }
    }

    private static final class TwilioParse {
        /** The body's length spread over parameters of 10 characters each. */
        static Object verify(String text) {
            List<java.util.Map.Entry<String, String>> parameters = new java.util.ArrayList<>();
            for (int i = 0; i < text.length(); i += 10) {
                parameters.add(java.util.Map.entry("p" + (text.length() - i), text.substring(i, Math.min(text.length(), i + 10))));
            }
            return TwilioSignature.valid(TOKEN, "https://ingest.example.org/v1/sms/twilio", parameters, "x");
        }
    }
}
