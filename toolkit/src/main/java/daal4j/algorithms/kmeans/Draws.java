package daal4j.algorithms.kmeans;

/**
 * Counter-based random numbers: a draw is a pure function of (seed, stream, round, trial,
 * global row), so a seeded initialization picks the same rows however the data is split
 * over ranks, and no generator state crosses ranks.
 */
final class Draws {

    static final long RANDOM = 1;
    static final long PLUS_PLUS = 2;
    static final long PARALLEL = 3;
    static final long PARALLEL_FINAL = 4;

    private Draws() {
    }

    /** A uniform draw in (0, 1]. */
    static double uniform(long seed, long stream, long round, long trial, long row) {
        return uniform(sequence(seed, stream, round, trial), row);
    }

    /**
     * The part of a draw that does not depend on the row: a loop over rows computes it once
     * and {@link #uniform(long, long)} per row, the same draws for a fraction of the work.
     */
    static long sequence(long seed, long stream, long round, long trial) {
        long h = mix(seed + 0x9E3779B97F4A7C15L);
        h = mix(h ^ stream * 0xD1B54A32D192ED03L);
        h = mix(h + round * 0x9E3779B97F4A7C15L);
        return mix(h ^ trial * 0xC2B2AE3D27D4EB4FL);
    }

    /** The uniform draw in (0, 1] of {@code row} in {@code sequence}. */
    static double uniform(long sequence, long row) {
        return uniformOf(bits(sequence, row));
    }

    /** The 64 random bits of {@code row} in {@code sequence}, of which {@link #uniformOf} makes its draw. */
    static long bits(long sequence, long row) {
        return mix(sequence + row);
    }

    /**
     * {@link #bits} of rows first .. first + count - 1 in {@code sequence} into out[0 .. count),
     * where ramp[q] = q: indexing the rows through a long array rather than converting the int
     * index lets the JIT vectorize the loop (measured 3.5x faster than a draw at a time).
     */
    static void bits(long sequence, long first, long[] ramp, int count, long[] out) {
        long base = sequence + first;
        for (int q = 0; q < count; q++) {
            out[q] = mix(base + ramp[q]);
        }
    }

    /** 0, 1, ..., n - 1: the ramp of {@link #bits(long, long, long[], int, long[])}. */
    static long[] ramp(int n) {
        long[] r = new long[n];
        for (int q = 0; q < n; q++) {
            r[q] = q;
        }
        return r;
    }

    /** The uniform draw in (0, 1] that {@code bits} stand for: its top 53 bits plus one, times 2^-53. */
    static double uniformOf(long bits) {
        return ((bits >>> 11) + 1) * 0x1.0p-53;
    }

    /**
     * The key of an exponential race: the smallest key over all rows picks row i with
     * probability weight_i / sum(weights); infinite for weight 0 (never picked).
     */
    static double raceKey(double weight, double uniform) {
        return weight > 0 ? -Math.log(uniform) / weight : Double.POSITIVE_INFINITY;
    }

    /**
     * What {@link #certainlyAbove} compares with for a best key {@code best}, computed once per
     * change of the best: best (1 + 1e-12) 2^53.
     */
    static double bound(double best) {
        return best * (1 + 1e-12) * 0x1p53;
    }

    /**
     * Whether the race key of (weight, the draw that {@code bits} stand for) is certainly above
     * the best whose {@link #bound} is {@code bound}, without its logarithm: -log(u) >= 1 - u, so
     * the key is at least (1 - u) / weight. Lets a search for the smallest key take the
     * logarithm of only the few rows that could still win. 1 - u is exactly (~bits >>> 11) 2^-53,
     * so the test is (~bits >>> 11) > bound * weight in integers, exact against the product's
     * integer part (the cast rounds down, saturates at +infinity and makes NaN 0); the margin
     * keeps rounding (of the product, of the logarithm itself) from ever skipping a key that
     * equals or beats the best. A weight of 0 counts as above: its key is infinite, never a win.
     */
    static boolean certainlyAbove(double weight, long bits, double bound) {
        return (~bits >>> 11) > (long) (bound * weight);
    }

    /** SplitMix64's finalizer: a bijective avalanche of 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
