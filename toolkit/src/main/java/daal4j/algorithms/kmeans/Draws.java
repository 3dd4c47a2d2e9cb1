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
        long h = mix(seed + 0x9E3779B97F4A7C15L);
        h = mix(h ^ stream * 0xD1B54A32D192ED03L);
        h = mix(h + round * 0x9E3779B97F4A7C15L);
        h = mix(h ^ trial * 0xC2B2AE3D27D4EB4FL);
        h = mix(h + row);
        return ((h >>> 11) + 1) * 0x1.0p-53;
    }

    /**
     * The key of an exponential race: the smallest key over all rows picks row i with
     * probability weight_i / sum(weights); infinite for weight 0 (never picked).
     */
    static double raceKey(double weight, double uniform) {
        return weight > 0 ? -Math.log(uniform) / weight : Double.POSITIVE_INFINITY;
    }

    /** SplitMix64's finalizer: a bijective avalanche of 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
