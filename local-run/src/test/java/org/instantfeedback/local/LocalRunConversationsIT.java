package org.instantfeedback.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.instantfeedback.embedded.twilio.TwilioApiStandIn;
import org.instantfeedback.local.simulator.OpsPace;
import org.instantfeedback.local.simulator.PassengerTrafficSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop closed on one machine: with {@code --simulate}, passengers' texts open conversations,
 * the simulated ops answer them, the reply sender texts the answers to the Twilio stand-in, and the
 * query API measures how fast ops answered. Deadlines are generous for a loaded two-core machine.
 */
class LocalRunConversationsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Ops answer every message within two seconds, so the test waits on the pipeline, not on them. */
    private static final OpsPace QUICK_OPS = new OpsPace(1.0, Duration.ofSeconds(2));
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void simulated_passengers_get_answers_delivered_through_the_twilio_stand_in_and_the_first_response_time_shows(
            @TempDir Path stateDir) {
        LocalRunOptions options = new LocalRunOptions(0, 0, 0, 0, 0, 1, true, 10, QUICK_OPS, stateDir);
        try (LocalRun run = LocalRun.start(options, Map.of())) {
            TwilioApiStandIn twilio = run.twilioStandIn().orElseThrow();
            PassengerTrafficSimulator simulator = run.simulate();

            await("a conversation in the inbox").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(get(run.streamsUri(), "/v1/conversations")
                            .path("conversations")).isNotEmpty());
            await("an answer at the Twilio stand-in").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(twilio.messages()).anySatisfy(answer -> {
                        assertThat(answer.to()).matches("\\+447700900\\d{3}");
                        assertThat(answer.statusCallback()).isPresent();
                    }));
            await("a first response time").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(HandlingSummary.of(get(run.streamsUri(), HandlingBoard.QUERY)
                            .path("entries")).hasFirstResponse()).isTrue());

            await("an answer reported delivered").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(answersIn(run.streamsUri()))
                            .anySatisfy(delivery -> assertThat(delivery).isEqualTo("delivered")));

            assertThat(twilio.refusals()).isEmpty();
            assertThat(simulator.refused()).isZero();
        }
    }

    /** The delivery of every answer in the conversations ops answered. */
    private List<String> answersIn(URI streams) throws Exception {
        List<String> deliveries = new ArrayList<>();
        for (JsonNode listed : get(streams, "/v1/conversations?status=open,waiting,closed").path("conversations")) {
            if (listed.path("replies").asInt() > 0) {
                String id = URLEncoder.encode(listed.path("conversationId").asText(), StandardCharsets.UTF_8);
                for (JsonNode message : get(streams, "/v1/conversations/" + id).path("messages")) {
                    if (message.path("direction").asText().equals("out")) {
                        deliveries.add(message.path("delivery").asText());
                    }
                }
            }
        }
        return deliveries;
    }

    private JsonNode get(URI base, String pathAndQuery) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", pathAndQuery, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
