package org.instantfeedback.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The URLs Twilio signs and calls, behind a proxy and without one. */
class PublicUrlsTest {
    private static final String RECEIVED = "http://10.0.3.7:8080/v1/voice/twilio";

    @Test
    void takes_the_url_as_received_when_no_public_base_url_is_set() {
        PublicUrls urls = new PublicUrls(Optional.empty());

        assertThat(urls.requested(RECEIVED + "?a=1", "/v1/voice/twilio", "a=1")).isEqualTo(RECEIVED + "?a=1");
        assertThat(urls.of(RECEIVED, "/v1/voice/twilio/rating?attempt=2"))
                .isEqualTo("http://10.0.3.7:8080/v1/voice/twilio/rating?attempt=2");
    }

    @Test
    void puts_path_and_query_under_the_public_base_url_and_its_prefix() {
        PublicUrls urls = new PublicUrls(Optional.of(URI.create("https://feedback.example.com/ingest/")));

        assertThat(urls.requested(RECEIVED + "/rating?attempt=2", "/v1/voice/twilio/rating", "attempt=2"))
                .isEqualTo("https://feedback.example.com/ingest/v1/voice/twilio/rating?attempt=2");
        assertThat(urls.requested(RECEIVED, "/v1/voice/twilio", null))
                .isEqualTo("https://feedback.example.com/ingest/v1/voice/twilio");
        assertThat(urls.of(RECEIVED, "/v1/voice/twilio/rating"))
                .isEqualTo("https://feedback.example.com/ingest/v1/voice/twilio/rating");
    }
}
