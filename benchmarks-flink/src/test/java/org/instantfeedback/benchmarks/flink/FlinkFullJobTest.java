package org.instantfeedback.benchmarks.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlinkFullJobTest {
    @TempDir
    Path checkpoints;

    @Test
    void the_whole_job_builds_with_no_type_left_to_kryo() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(FlinkFullJob.settings(checkpoints));
        FlinkFullJob.addJob(env, "localhost:9092", "feedback.received.v1", OutputTopics.withPrefix("test"));

        StreamGraph graph = env.getStreamGraph();

        assertThat(graph.getStreamNodes()).extracting(node -> node.getOperatorName())
                .contains("deduplicate", "score", "evaluate-alerts", "csat-to-record");
        assertThatCode(() -> graph.getJobGraph()).doesNotThrowAnyException();
    }
}
