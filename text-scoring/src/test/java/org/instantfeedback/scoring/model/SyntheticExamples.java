package org.instantfeedback.scoring.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Small made-up training problems for the model tests: a layout of 256 hashed slots and 2 dense
 * ones, and texts whose class is told by one word, so that training takes milliseconds.
 */
final class SyntheticExamples {

    static final FeatureLayout LAYOUT = new FeatureLayout(1, 8, 2);
    static final int NEGATIVE_WORD = 3;
    static final int POSITIVE_WORD = 5;
    static final int NEUTRAL_WORD = 7;
    static final Instant CREATED = Instant.parse("2026-03-01T12:00:00Z");
    static final TrainingSettings SETTINGS = new TrainingSettings(10, 0.1, 1e-4, 7L, 1);

    private SyntheticExamples() {
    }

    /**
     * {@code count} examples, the three classes in turn, each with its class's word and two noise
     * words from slots 20 to 59 that say nothing about the class.
     */
    static List<TrainingExample> separable(int count, long seed) {
        Random random = new Random(seed);
        List<TrainingExample> examples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int label = i % ModelClasses.COUNT;
            examples.add(example(label, classWord(label), 20 + random.nextInt(40), 20 + random.nextInt(40)));
        }
        return examples;
    }

    static int classWord(int label) {
        return switch (label) {
            case ModelClasses.NEGATIVE -> NEGATIVE_WORD;
            case ModelClasses.POSITIVE -> POSITIVE_WORD;
            default -> NEUTRAL_WORD;
        };
    }

    static TrainingExample example(int label, int... features) {
        FeatureVector vector = new FeatureVector();
        for (int feature : features) {
            vector.add(feature, 1f);
        }
        return new TrainingExample(vector, label, 1f, "en");
    }

    static ModelInfo info(String version) {
        return new ModelInfo(version, null, CREATED, new TreeSet<>(List.of("en", "und")), new TreeMap<>());
    }

    static TextModel train(List<TrainingExample> examples, TrainingSettings settings) {
        return Trainer.train(examples, List.of(), LAYOUT, null, settings, info("test-1"), TrainingProgress.SILENT);
    }

    static TextModel model() {
        return train(separable(60, 1L), SETTINGS);
    }
}
