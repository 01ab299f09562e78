package org.instantfeedback.service.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Javalin server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void answers_a_thrown_problem_with_its_type_title_status_detail_fields_and_headers() throws Exception {
        start(ProblemMapper.writingWith(JSON), routes -> routes.get("/ratings", ctx -> {
            throw ProblemException.withErrors(400, "invalid-request", "The request is not valid", "1 field is invalid",
                    List.of(new FieldError("rating", "must be from 1 to 5"))).withHeader("Retry-After", "3");
        }));

        HttpResponse<String> response = get("/ratings");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(Problem.CONTENT_TYPE));
        assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:instantfeedback:problem:invalid-request");
        assertThat(problem.get("title").asText()).isEqualTo("The request is not valid");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).isEqualTo("1 field is invalid");
        assertThat(problem.get("instance").asText()).isEqualTo("/ratings");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("rating");
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("must be from 1 to 5");
    }

    @Test
    void reads_a_service_exception_as_the_problem_the_service_names() throws Exception {
        ProblemMapper mapper = ProblemMapper.writingWith(JSON).translating(IllegalStateException.class,
                (failure, ctx) -> new ProblemException(503, "store-not-queryable", "Not available yet",
                        failure.getMessage()));
        start(mapper, routes -> routes.get("/figures", ctx -> {
            throw new IllegalStateException("the store is restoring");
        }));

        JsonNode problem = JSON.readTree(get("/figures").body());

        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("type").asText()).isEqualTo("urn:instantfeedback:problem:store-not-queryable");
        assertThat(problem.get("detail").asText()).isEqualTo("the store is restoring");
        assertThat(problem.has("errors")).as("no field errors, no errors member").isFalse();
    }

    @Test
    void answers_an_unexpected_failure_with_a_500_that_shows_no_stack_trace() throws Exception {
        start(ProblemMapper.writingWith(JSON), routes -> routes.get("/boom", ctx -> {
            throw new NullPointerException("secret.internal.Thing was null");
        }));

        HttpResponse<String> response = get("/boom");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(response.body()).get("type").asText())
                .isEqualTo("urn:instantfeedback:problem:internal-error");
        assertThat(response.body()).doesNotContain("secret.internal", "NullPointerException", "at org.");
    }

    @Test
    void answers_an_unknown_path_as_a_problem() throws Exception {
        start(ProblemMapper.writingWith(JSON), routes -> routes.post("/feedback", ctx -> ctx.result("ok")));

        HttpResponse<String> unknown = get("/nothing-here");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("type").asText()).isEqualTo("urn:instantfeedback:problem:not-found");
        assertThat(JSON.readTree(unknown.body()).get("detail").asText()).isEqualTo("there is no GET /nothing-here");
    }

    @Test
    void lets_another_view_answer_the_requests_it_claims() throws Exception {
        ProblemMapper mapper = ProblemMapper.writingWith(JSON).answeringSomeWith(new ProblemMapper.ProblemView() {
            @Override
            public boolean answers(Context ctx) {
                return ctx.path().startsWith("/f/");
            }

            @Override
            public void write(Context ctx, Problem problem) {
                ctx.status(problem.status()).html("<h1>" + problem.title() + "</h1>");
            }
        });
        start(mapper, routes -> routes.get("/f/{subject}", ctx -> {
            throw new ProblemException(404, "not-found", "Not found", "no such page");
        }));

        HttpResponse<String> page = get("/f/route-1");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).isEqualTo("<h1>Not found</h1>");
    }

    @Test
    void names_a_problem_only_the_status_explains_after_its_reason_phrase() {
        ProblemException problem = ProblemException.ofStatus(403, "This origin may not call the API.");

        assertThat(problem.slug()).isEqualTo("forbidden");
        assertThat(problem.title()).isEqualTo("Forbidden");
        assertThat(problem.problemAt("/x").type()).isEqualTo("urn:instantfeedback:problem:forbidden");
    }

    private void start(ProblemMapper mapper, Consumer<RoutesConfig> routes) {
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            routes.accept(config.routes);
            mapper.registerOn(config.routes);
        }).start(0);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
