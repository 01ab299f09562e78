package org.instantfeedback.local.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.instantfeedback.ingest.config.Secret;
import org.instantfeedback.ingest.sms.TwilioSignature;
import org.junit.jupiter.api.Test;

class TwilioInboundSmsTest {
    private static final String TOKEN = "local-auth-token-0123456789abcdef";

    /** Checked with ingest's own reading of Twilio's scheme, not the stand-in's that signed it. */
    @Test
    void signs_a_passengers_text_as_twilio_does_so_ingest_accepts_it() throws Exception {
        TwilioInboundSms texts = new TwilioInboundSms(URI.create("http://localhost:8080"),
                "AC00000000000000000000000000010ca1", TOKEN);

        HttpRequest request = texts.request("+447700900401", "+447700900999", "2/5 route 42 - bus late");
        List<Map.Entry<String, String>> form = form(body(request));

        assertThat(request.uri()).hasToString("http://localhost:8080/v1/sms/twilio");
        assertThat(request.headers().firstValue("Content-Type")).hasValue("application/x-www-form-urlencoded");
        assertThat(form).contains(Map.entry("From", "+447700900401"), Map.entry("To", "+447700900999"),
                Map.entry("Body", "2/5 route 42 - bus late"));
        assertThat(TwilioSignature.valid(Secret.of(TOKEN), "http://localhost:8080/v1/sms/twilio", form,
                request.headers().firstValue("X-Twilio-Signature").orElseThrow())).isTrue();
        assertThat(TwilioSignature.valid(Secret.of("another token"), "http://localhost:8080/v1/sms/twilio", form,
                request.headers().firstValue("X-Twilio-Signature").orElseThrow())).isFalse();
    }

    @Test
    void gives_every_text_a_message_sid_of_its_own_so_ingest_stores_each() throws Exception {
        TwilioInboundSms texts = new TwilioInboundSms(URI.create("http://localhost:8080"),
                "AC00000000000000000000000000010ca1", TOKEN);

        String first = sid(texts.request("+447700900401", "+447700900999", "thanks"));
        String second = sid(texts.request("+447700900401", "+447700900999", "thanks"));

        assertThat(first).matches("SM[0-9a-f]{32}").isNotEqualTo(second);
    }

    private static String sid(HttpRequest request) throws Exception {
        return form(body(request)).stream().filter(e -> e.getKey().equals("MessageSid")).findFirst().orElseThrow()
                .getValue();
    }

    private static List<Map.Entry<String, String>> form(String body) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        for (String pair : body.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            parameters.add(new AbstractMap.SimpleEntry<>(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8)));
        }
        return parameters;
    }

    /** The body a request would send, read from its publisher. */
    private static String body(HttpRequest request) throws Exception {
        CompletableFuture<String> body = new CompletableFuture<>();
        request.bodyPublisher().orElseThrow().subscribe(new Flow.Subscriber<ByteBuffer>() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                text.append(StandardCharsets.UTF_8.decode(item));
            }

            @Override
            public void onError(Throwable throwable) {
                body.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                body.complete(text.toString());
            }
        });
        return body.get(5, TimeUnit.SECONDS);
    }
}
