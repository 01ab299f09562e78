package org.instantfeedback.scoring.model;

import java.util.Arrays;

/**
 * The features of one text for a {@link TextModel}: indices into the model's weights and their
 * values, in the order they were found (an index may repeat; the model adds up its occurrences).
 * Mutable while features are added; hand it on only when complete.
 */
public final class FeatureVector {

    private int[] indices;
    private float[] values;
    private int size;

    public FeatureVector() {
        this(64);
    }

    public FeatureVector(int capacity) {
        indices = new int[Math.max(4, capacity)];
        values = new float[indices.length];
    }

    public void add(int index, float value) {
        if (size == indices.length) {
            indices = Arrays.copyOf(indices, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        indices[size] = index;
        values[size] = value;
        size++;
    }

    public int size() {
        return size;
    }

    public int index(int i) {
        return indices[i];
    }

    public float value(int i) {
        return values[i];
    }

    /** Multiplies the values of features {@code from} (inclusive) to {@code to} (exclusive). */
    public void scale(int from, int to, float factor) {
        for (int i = from; i < to; i++) {
            values[i] *= factor;
        }
    }

    /** A copy that holds exactly its features, for keeping many in memory while training. */
    public FeatureVector compact() {
        FeatureVector copy = new FeatureVector(size);
        System.arraycopy(indices, 0, copy.indices, 0, size);
        System.arraycopy(values, 0, copy.values, 0, size);
        copy.size = size;
        return copy;
    }
}
