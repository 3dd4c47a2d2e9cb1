package daal4j.algorithms.kmeans;

import daal4j.algorithms.Summary;

/**
 * The partial of one Lloyd iteration: per cluster the count and the sum of its rows, and the
 * rows' summed squared distances to their centroids (the objective, when an iteration
 * listener wants it), laid out as [counts k, sums k x p, objective]. Merged over ranks each
 * iteration, by addition in rank order, so every rank moves the centroids alike.
 */
final class ClusterSums implements Summary<ClusterSums> {

    private final int k;
    private final int p;
    /** [counts k, sums k x p row-major, objective]. */
    final double[] values;

    /** The sums laid out in {@code values} (kept, not copied: Lloyd hands over a fresh array). */
    ClusterSums(int k, int p, double[] values) {
        if (values.length != k + k * p + 1) {
            throw new IllegalArgumentException("cluster sums of " + k + " clusters and " + p + " features need "
                    + (k + k * p + 1) + " values, got " + values.length);
        }
        this.k = k;
        this.p = p;
        this.values = values;
    }

    /** Reads the sums of {@code k} clusters of {@code p} features back from {@link #encode()}. */
    static Summary.Decoder<ClusterSums> decoder(int k, int p) {
        return e -> new ClusterSums(k, p, e);
    }

    @Override
    public long rows() {
        long n = 0;
        for (int l = 0; l < k; l++) {
            n += (long) values[l];
        }
        return n;
    }

    @Override
    public int width() {
        return p;
    }

    @Override
    public ClusterSums merge(ClusterSums later) {
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += later.values[i];
        }
        return new ClusterSums(k, p, v);
    }

    @Override
    public double[] encode() {
        return values;
    }
}
