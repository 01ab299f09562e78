package org.instantfeedback.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.instantfeedback.local.simulator.OpsPace;
import org.junit.jupiter.api.Test;

class LocalRunOptionsTest {

    @Test
    void defaults_to_the_documented_ports() {
        LocalRunOptions options = LocalRunOptions.from(new String[0], Map.of());

        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.registryPort()).isEqualTo(8081);
        assertThat(options.ingestPort()).isEqualTo(8080);
        assertThat(options.streamsPort()).isEqualTo(8090);
        assertThat(options.replySenderPort()).isEqualTo(8082);
        assertThat(options.streamsInstances()).isEqualTo(1);
        assertThat(options.simulate()).isFalse();
        assertThat(options.ops()).isEqualTo(new OpsPace(0.7, Duration.ofMinutes(1)));
    }

    @Test
    void the_simulated_ops_can_be_made_quicker_or_left_out() {
        LocalRunOptions quick = LocalRunOptions.from(new String[] {"--simulate", "--ops-wait=PT5S",
                "--ops-answer-share=1", "--reply-sender-port=18082"}, Map.of());
        LocalRunOptions none = LocalRunOptions.from(new String[] {"--simulate"}, Map.of("LOCAL_OPS_ANSWER_SHARE", "0"));

        assertThat(quick.ops()).isEqualTo(new OpsPace(1, Duration.ofSeconds(5)));
        assertThat(quick.replySenderPort()).isEqualTo(18082);
        assertThat(none.ops().answerShare()).isZero();
    }

    @Test
    void flags_win_over_environment_variables() {
        LocalRunOptions options = LocalRunOptions.from(new String[] {"--simulate", "--kafka-port=19092", "--rate=10"},
                Map.of("LOCAL_KAFKA_PORT", "29092", "INGEST_HTTP_PORT", "18080"));

        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.ingestPort()).isEqualTo(18080);
        assertThat(options.feedbackPerSecond()).isEqualTo(10);
        assertThat(options.simulate()).isTrue();
    }

    @Test
    void names_what_it_does_not_understand() {
        assertThatThrownBy(() -> LocalRunOptions.from(new String[] {"--colour=red"}, Map.of()))
                .hasMessageContaining("--colour");
        assertThatThrownBy(() -> LocalRunOptions.from(new String[0], Map.of("LOCAL_KAFKA_PORT", "ninety")))
                .hasMessageContaining("LOCAL_KAFKA_PORT");
        assertThatThrownBy(() -> LocalRunOptions.from(new String[] {"--rate=0"}, Map.of()))
                .hasMessageContaining("rate");
        assertThatThrownBy(() -> LocalRunOptions.from(new String[] {"--streams-instances=5"}, Map.of()))
                .hasMessage("LOCAL_STREAMS_INSTANCES must be a whole number from 1 to 4, was '5'");
        assertThatThrownBy(() -> LocalRunOptions.from(new String[] {"--streams-instances=two"}, Map.of()))
                .hasMessage("LOCAL_STREAMS_INSTANCES must be a whole number from 1 to 4, was 'two'");
        assertThatThrownBy(() -> LocalRunOptions.from(new String[] {"--ops-answer-share=2"}, Map.of()))
                .hasMessageContaining("LOCAL_OPS_ANSWER_SHARE");
        assertThatThrownBy(() -> LocalRunOptions.from(new String[] {"--ops-wait=soon"}, Map.of()))
                .hasMessageContaining("LOCAL_OPS_WAIT");
    }
}
