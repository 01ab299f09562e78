package org.instantfeedback.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.instantfeedback.local.simulator.OpsPace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local run with two instances of feedback-streams and the simulator: the rated texts teach a
 * text model, one instance trains and promotes it, and both read with it.
 */
class LocalRunTextModelIT {
    private static final Pattern GENERATION =
            Pattern.compile("feedback_text_model_generation\\{[^}]*} (\\d+)\\.0");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void two_instances_read_with_the_model_the_simulators_rated_texts_taught(@TempDir Path stateDir) {
        LocalRunOptions options = new LocalRunOptions(0, 0, 0, 0, 0, 2, true, 25, new OpsPace(0.7, Duration.ofMinutes(1)), stateDir);
        try (LocalRun run = LocalRun.start(options, Map.of())) {
            run.simulate();

            assertThat(run.streamsUris()).hasSize(2);
            await("a promoted text model read by both instances").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(run.streamsUris()).allSatisfy(streams ->
                            assertThat(generation(streams)).isGreaterThanOrEqualTo(1)));
            await("both instances on the same model").atMost(Duration.ofMinutes(1))
                    .until(() -> generation(run.streamsUris().get(0)) == generation(run.streamsUris().get(1)));
        }
    }

    private int generation(URI streams) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(streams.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = GENERATION.matcher(metrics);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }
}
