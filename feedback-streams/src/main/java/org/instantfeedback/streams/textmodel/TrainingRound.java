package org.instantfeedback.streams.textmodel;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.TextModelPublished;
import org.instantfeedback.scoring.model.ModelInfo;
import org.instantfeedback.scoring.model.TextModel;
import org.instantfeedback.scoring.model.TextModelFile;
import org.instantfeedback.scoring.model.TrainingProgress;
import org.instantfeedback.scoring.training.LabelledText;
import org.instantfeedback.scoring.training.OperatorTraining;

/**
 * One round of the operator loop, without Kafka: a candidate trained on the base model plus the
 * rated texts, judged against the current model, and the record that publishes it.
 */
final class TrainingRound {

    private TrainingRound() {
    }

    static OperatorTraining.Outcome run(ActiveTextModel active, TextModel current, List<LabelledText> examples,
                                        OperatorTraining.Settings settings, String version, Instant createdAt,
                                        TrainingProgress progress) {
        ModelInfo info = new ModelInfo(version, active.base().version(), createdAt, new TreeSet<>(),
                new TreeMap<>(Map.of("trained.on", "the operator's rated texts on " + Topics.RATED_TEXTS)));
        return OperatorTraining.run(active.lexicon(), active.base(), current, examples, settings, info, progress);
    }

    /** The record of a promoted candidate on {@code feedback.text-models.v1}. */
    static TextModelPublished published(OperatorTraining.Outcome outcome, TextModel current, long examplesThrough) {
        TextModel candidate = outcome.candidate();
        return TextModelPublished.newBuilder()
                .setVersion(candidate.version())
                .setParent(candidate.info().parent())
                .setCreatedAt(candidate.info().createdAt())
                .setLanguages(List.copyOf(candidate.info().languages()))
                .setTrainedOn(outcome.trainedOn())
                .setHeldBack(outcome.heldBack())
                .setExamplesThrough(examplesThrough)
                .setJudgedAgainst(current.version())
                .setAccuracy(outcome.candidateFigures().accuracy())
                .setNegativeF1(outcome.candidateFigures().negativeF1())
                .setJudgedAgainstAccuracy(outcome.current().accuracy())
                .setJudgedAgainstNegativeF1(outcome.current().negativeF1())
                .setModel(ByteBuffer.wrap(TextModelFile.toBytes(candidate)))
                .build();
    }
}
