package org.instantfeedback.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.instantfeedback.local.simulator.OpsPace;
import org.instantfeedback.local.simulator.PassengerTrafficSimulator;
import org.instantfeedback.local.simulator.RouteProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer does first: the local run with the simulator shows CSAT per route. */
class LocalRunIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shows_a_csat_figure_for_every_simulated_route(@TempDir Path stateDir) {
        LocalRunOptions options = new LocalRunOptions(0, 0, 0, 0, 0, 1, true, 25, new OpsPace(0.7, Duration.ofMinutes(1)), stateDir);
        try (LocalRun run = LocalRun.start(options, Map.of())) {
            PassengerTrafficSimulator simulator = run.simulate();
            List<String> routes = RouteProfile.demoRoutes().stream().map(RouteProfile::subject).toList();

            // A deadline, not a measurement: the simulator rates every route many times a minute.
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(routes).allSatisfy(route ->
                            assertCsatFigures(csatOf(run.streamsUri(), route), route)));
            assertThat(simulator.accepted()).isPositive();
            assertThat(simulator.refused()).isZero();
        }
    }

    /** The figures a dashboard shows: rated and satisfied counts, and CSAT as their share. */
    private static void assertCsatFigures(HttpResponse<String> response, String route) throws Exception {
        assertThat(response.statusCode()).as(route).isEqualTo(200);
        JsonNode csat = JSON.readTree(response.body());
        long rated = csat.path("ratedResponses").asLong();
        long satisfied = csat.path("satisfiedResponses").asLong();
        assertThat(rated).as("rated responses on %s", route).isPositive();
        assertThat(satisfied).as("satisfied responses on %s", route).isBetween(0L, rated);
        assertThat(csat.path("csatPercent").isNumber()).as("CSAT of %s in %s", route, response.body()).isTrue();
        assertThat(csat.path("csatPercent").asDouble()).as("CSAT of %s", route)
                .isEqualTo(Math.round(100.0 * satisfied / rated * 10) / 10.0);
    }

    private HttpResponse<String> csatOf(URI streams, String route) throws Exception {
        return http.send(HttpRequest.newBuilder(streams.resolve("/v1/subjects/" + route + "/csat")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
