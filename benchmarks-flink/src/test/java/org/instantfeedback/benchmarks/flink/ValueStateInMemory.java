package org.instantfeedback.benchmarks.flink;

import org.apache.flink.api.common.state.ValueState;

/** Keyed value state of one key, in a field: what {@link EvaluateAlerts} reads and writes, without a Flink job. */
final class ValueStateInMemory<T> implements ValueState<T> {
    private T value;

    @Override
    public T value() {
        return value;
    }

    @Override
    public void update(T value) {
        this.value = value;
    }

    @Override
    public void clear() {
        value = null;
    }
}
