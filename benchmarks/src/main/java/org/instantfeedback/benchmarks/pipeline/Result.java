package org.instantfeedback.benchmarks.pipeline;

/**
 * One figure of a run, with the reference it is compared with, measured in the same run.
 *
 * @param item      the item: ingest, streams, flink, end-to-end, scorer, scale
 * @param figure    what was measured
 * @param value     the figure
 * @param unit      its unit
 * @param reference what the figure is compared with, or empty
 * @param referenceValue the reference's figure, or NaN when there is none
 * @param goal      the goal, or empty
 * @param met       whether the goal was met; null when there is no goal
 * @param load      the machine's load average when the figure was recorded
 */
record Result(String item, String figure, double value, String unit, String reference, double referenceValue,
              String goal, Boolean met, String load) {

    static Result of(String item, String figure, double value, String unit) {
        return new Result(item, figure, value, unit, "", Double.NaN, "", null, Machine.loadAverage());
    }

    Result against(String reference, double referenceValue) {
        return new Result(item, figure, value, unit, reference, referenceValue, goal, met, load);
    }

    Result goal(String goal, boolean met) {
        return new Result(item, figure, value, unit, reference, referenceValue, goal, met, load);
    }

    /** The figure as a share of its reference, or NaN. */
    double ratio() {
        return Double.isNaN(referenceValue) || referenceValue == 0 ? Double.NaN : value / referenceValue;
    }
}
