package org.instantfeedback.streams.alerting;

import org.apache.kafka.streams.state.KeyValueStore;
import org.instantfeedback.alerting.FeedbackObservation;
import org.instantfeedback.alerting.baseline.BaselineLearner;
import org.instantfeedback.alerting.baseline.SubjectBaseline;
import org.instantfeedback.alerting.baseline.SubjectBaselineCodec;

/**
 * The baseline of every subject and group of one task ({@value AlertingTopology#BASELINE_STORE}):
 * learnt by {@link ReportsAndActions} from each response, read by {@link JudgeWindows} to judge
 * the windows against.
 */
final class Baselines {
    private final KeyValueStore<String, byte[]> store;
    private final BaselineLearner learner;

    Baselines(KeyValueStore<String, byte[]> store, BaselineLearner learner) {
        this.store = store;
        this.learner = learner;
    }

    SubjectBaseline of(ScopeKey key) {
        byte[] stored = store.get(key.toString());
        return stored == null ? SubjectBaseline.NONE : SubjectBaselineCodec.decode(stored);
    }

    void observe(ScopeKey key, FeedbackObservation observation) {
        store.put(key.toString(), SubjectBaselineCodec.encode(learner.observe(of(key), observation)));
    }
}
