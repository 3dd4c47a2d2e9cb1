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
        long h = mix(sequence + row);
        return ((h >>> 11) + 1) * 0x1.0p-53;
    }

    /**
     * The key of an exponential race: the smallest key over all rows picks row i with
     * probability weight_i / sum(weights); infinite for weight 0 (never picked).
     */
    static double raceKey(double weight, double uniform) {
        return weight > 0 ? -Math.log(uniform) / weight : Double.POSITIVE_INFINITY;
    }

    /**
     * Whether the race key of (weight, uniform) is certainly above {@code best}, without its
     * logarithm: -log(u) >= 1 - u, so the key is at least (1 - u) / weight. Lets a search for
     * the smallest key take the logarithm of only the few rows that could still win. The
     * margin keeps rounding (of 1 - u, of the product, of the logarithm itself) from ever
     * skipping a key that equals or beats the best.
     */
    static boolean certainlyAbove(double weight, double uniform, double best) {
        return weight > 0 && (1 - uniform) > best * weight * (1 + 1e-12);
    }

    /** SplitMix64's finalizer: a bijective avalanche of 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
