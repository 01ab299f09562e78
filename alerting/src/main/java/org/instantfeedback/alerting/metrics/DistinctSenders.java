package org.instantfeedback.alerting.metrics;

import java.util.Arrays;

/**
 * How many different people sent something, in bounded space. Up to {@value #EXACT_CAP} senders
 * it keeps their 64-bit hashes and counts exactly, which covers every distinct-sender threshold an
 * alert rule uses; beyond that it folds them into a HyperLogLog of {@value #REGISTERS} one-byte
 * registers (1 KiB) whose standard error is 1.04/&radic;1024 &asymp; 3.3 % ({@link #STANDARD_ERROR}),
 * so 99.7 % of estimates land within &plusmn;10 % of the truth. Collisions of 64-bit hashes are
 * negligible at these counts.
 *
 * <p>Immutable. Merging is exact union in both modes and the switch depends only on the union, so
 * {@code merge} is associative and commutative: windows can be assembled from buckets in any order.
 */
public final class DistinctSenders {
    public static final int EXACT_CAP = 128;
    private static final int REGISTER_BITS = 10;
    static final int REGISTERS = 1 << REGISTER_BITS;
    static final double STANDARD_ERROR = 1.04 / Math.sqrt(REGISTERS);
    private static final int MAX_RANK = Long.SIZE - REGISTER_BITS + 1;
    private static final double ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);
    private static final DistinctSenders NONE = new DistinctSenders(new long[0], null);

    /** Sorted sender hashes while exact; null once approximate. */
    private final long[] exact;
    /** HyperLogLog registers once approximate; null while exact. */
    private final byte[] registers;

    private DistinctSenders(long[] exact, byte[] registers) {
        this.exact = exact;
        this.registers = registers;
    }

    public static DistinctSenders none() {
        return NONE;
    }

    public DistinctSenders with(String pseudonym) {
        return withHash(SenderHash.of(pseudonym));
    }

    public DistinctSenders withHash(long hash) {
        if (registers != null) {
            byte[] copy = registers.clone();
            record(copy, hash);
            return new DistinctSenders(null, copy);
        }
        int at = Arrays.binarySearch(exact, hash);
        if (at >= 0) {
            return this;
        }
        int insert = -at - 1;
        long[] grown = new long[exact.length + 1];
        System.arraycopy(exact, 0, grown, 0, insert);
        grown[insert] = hash;
        System.arraycopy(exact, insert, grown, insert + 1, exact.length - insert);
        return ofExact(grown);
    }

    /** Everyone counted in either. */
    public DistinctSenders merge(DistinctSenders other) {
        if (registers == null && other.registers == null) {
            return ofExact(union(exact, other.exact));
        }
        byte[] merged = new byte[REGISTERS];
        foldInto(merged);
        other.foldInto(merged);
        return new DistinctSenders(null, merged);
    }

    /** The number of distinct senders: exact while {@link #isExact()}, an estimate beyond. */
    public long count() {
        return registers == null ? exact.length : estimate(registers);
    }

    public boolean isExact() {
        return registers == null;
    }

    long[] exactHashes() {
        return exact.clone();
    }

    byte[] registers() {
        return registers.clone();
    }

    static DistinctSenders ofExact(long[] sortedHashes) {
        if (sortedHashes.length <= EXACT_CAP) {
            return new DistinctSenders(sortedHashes, null);
        }
        byte[] folded = new byte[REGISTERS];
        for (long hash : sortedHashes) {
            record(folded, hash);
        }
        return new DistinctSenders(null, folded);
    }

    static DistinctSenders ofRegisters(byte[] registers) {
        if (registers.length != REGISTERS) {
            throw new IllegalArgumentException("expected " + REGISTERS + " registers, got " + registers.length);
        }
        return new DistinctSenders(null, registers.clone());
    }

    private void foldInto(byte[] target) {
        if (registers == null) {
            for (long hash : exact) {
                record(target, hash);
            }
            return;
        }
        for (int i = 0; i < REGISTERS; i++) {
            target[i] = (byte) Math.max(target[i], registers[i]);
        }
    }

    // The top bits choose the register; the rank of the first 1-bit in the rest is what it remembers.
    private static void record(byte[] target, long hash) {
        int index = (int) (hash >>> (Long.SIZE - REGISTER_BITS));
        int rank = Math.min(Long.numberOfLeadingZeros(hash << REGISTER_BITS) + 1, MAX_RANK);
        if (rank > target[index]) {
            target[index] = (byte) rank;
        }
    }

    // Flajolet et al.'s estimator with linear counting for small cardinalities; a 64-bit hash needs
    // no large-range correction.
    private static long estimate(byte[] registers) {
        double sum = 0;
        int zeros = 0;
        for (byte rank : registers) {
            sum += Math.scalb(1.0, -rank);
            if (rank == 0) {
                zeros++;
            }
        }
        double m = REGISTERS;
        double raw = ALPHA * m * m / sum;
        if (raw <= 2.5 * m && zeros > 0) {
            return Math.round(m * Math.log(m / zeros));
        }
        return Math.round(raw);
    }

    private static long[] union(long[] a, long[] b) {
        long[] out = new long[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length || j < b.length) {
            long next;
            if (j >= b.length || i < a.length && a[i] < b[j]) {
                next = a[i++];
            } else if (i >= a.length || b[j] < a[i]) {
                next = b[j++];
            } else {
                next = a[i++];
                j++;
            }
            out[n++] = next;
        }
        return Arrays.copyOf(out, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DistinctSenders other
                && Arrays.equals(exact, other.exact) && Arrays.equals(registers, other.registers);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(exact) + Arrays.hashCode(registers);
    }

    @Override
    public String toString() {
        return (isExact() ? "" : "~") + count() + " senders";
    }
}
