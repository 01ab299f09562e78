package org.instantfeedback.service.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ServiceTelemetryTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void publishes_jvm_and_process_figures_tagged_with_the_application() {
        try (ServiceTelemetry telemetry = ServiceTelemetry.create("feedback-test")) {
            String scrape = telemetry.registry().scrape(PrometheusEndpoint.CONTENT_TYPE);

            assertThat(scrape).contains("jvm_memory_used_bytes{", "jvm_threads_live_threads{", "jvm_gc_",
                    "jvm_classes_loaded_classes{", "process_uptime_seconds{", "system_cpu_count{",
                    "process_cpu_usage{");
            assertThat(scrape).contains("application=\"feedback-test\"");
        }
    }

    @Test
    void closes_the_registry_with_the_jvm_binder() {
        ServiceTelemetry telemetry = ServiceTelemetry.create("feedback-test");

        telemetry.close();

        assertThat(telemetry.registry().isClosed()).isTrue();
    }

    @Test
    void times_requests_by_route_template_status_and_outcome_as_a_histogram() throws Exception {
        try (ServiceTelemetry telemetry = ServiceTelemetry.create("feedback-test")) {
            HttpRequestTimer timer = new HttpRequestTimer(telemetry.registry());
            Javalin server = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                timer.installOn(config);
                config.routes.get("/v1/subjects/{subject}", ctx -> ctx.result("ok"));
                PrometheusEndpoint.serve(config.routes, telemetry.registry());
            }).start(0);
            try {
                get(server, "/v1/subjects/route-42");
                get(server, "/no/such/route");

                HttpResponse<String> scrape = get(server, PrometheusEndpoint.PATH);

                assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
                assertThat(scrape.body())
                        .contains("http_server_requests_seconds_bucket{")
                        .contains("uri=\"/v1/subjects/{subject}\"")
                        .contains("uri=\"NOT_FOUND\"")
                        .contains("outcome=\"SUCCESS\"", "outcome=\"CLIENT_ERROR\"", "status=\"404\"")
                        .contains("http_server_requests_in_flight")
                        .doesNotContain("route-42");
            } finally {
                server.stop();
            }
        }
    }

    private static HttpResponse<String> get(Javalin server, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
