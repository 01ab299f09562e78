package org.instantfeedback.benchmarks.flink;

import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.java.tuple.Tuple3;
import org.instantfeedback.measures.Csat;

/**
 * Sums ratings per window as (rated, satisfied, rating sum), the counts the Kafka Streams
 * topology's {@code CsatTally} keeps; satisfied as {@link Csat} counts it.
 */
final class CsatTallies implements AggregateFunction<Tuple3<String, Long, Integer>, long[], long[]> {
    @Override
    public long[] createAccumulator() {
        return new long[3];
    }

    @Override
    public long[] add(Tuple3<String, Long, Integer> rating, long[] tally) {
        tally[0]++;
        tally[1] += Csat.isSatisfied(rating.f2) ? 1 : 0;
        tally[2] += rating.f2;
        return tally;
    }

    @Override
    public long[] getResult(long[] tally) {
        return tally;
    }

    @Override
    public long[] merge(long[] a, long[] b) {
        return new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }
}
