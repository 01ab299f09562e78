package org.instantfeedback.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.instantfeedback.local.simulator.PassengerTrafficSimulator;
import org.instantfeedback.local.simulator.RouteProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer does first: the local run with the simulator shows CSAT per route within a minute. */
class LocalRunIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shows_csat_for_every_simulated_route_within_a_minute(@TempDir Path stateDir) {
        LocalRunOptions options = new LocalRunOptions(0, 0, 0, 0, 1, true, 25, stateDir);
        try (LocalRun run = LocalRun.start(options, Map.of())) {
            PassengerTrafficSimulator simulator = run.simulate(options.feedbackPerSecond());
            List<String> routes = RouteProfile.demoRoutes().stream().map(RouteProfile::subject).toList();

            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(routes).allSatisfy(route ->
                            assertThat(csatOf(run.streamsUri(), route)).as(route).isEqualTo(200)));
            assertThat(simulator.accepted()).isPositive();
            assertThat(simulator.refused()).isZero();
        }
    }

    private int csatOf(URI streams, String route) throws Exception {
        return http.send(HttpRequest.newBuilder(streams.resolve("/v1/subjects/" + route + "/csat")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
