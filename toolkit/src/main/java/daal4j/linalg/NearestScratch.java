package daal4j.linalg;

/**
 * Reusable scratch of the nearest-centroid kernels of {@link Distances} for row blocks of up to
 * {@code rows} rows against up to {@code k} centroids, so a pass allocates nothing per block.
 * Separate arrays, not regions of one, so that no pass writes an array it also reads at another
 * offset, a form the JIT may not vectorize.
 */
public final class NearestScratch {

    final int rows;
    final int k;
    /** Cluster-major distances (up to the row norms) of a block: dots[j rows + i]. */
    final double[] dots;
    /** Each row's smallest distance (up to its norm). */
    final double[] min;
    /** Each row's first cluster at the minimum, as a double (the branch-free pass). */
    final double[] first;
    /** Each row's nearest cluster. */
    final int[] label;

    /** Scratch for blocks of up to {@code rows} rows and up to {@code k} centroids. */
    public NearestScratch(int rows, int k) {
        if (rows < 1 || k < 1) {
            throw new IllegalArgumentException("NearestScratch needs rows >= 1 and k >= 1, got " + rows + " and " + k);
        }
        this.rows = rows;
        this.k = k;
        this.dots = new double[Math.multiplyExact(rows, k)];
        this.min = new double[rows];
        this.first = new double[rows];
        this.label = new int[rows];
    }

    /**
     * The last search's nearest cluster of each row of its block (a view, valid until the
     * next search with this scratch).
     */
    public int[] labels() {
        return label;
    }

    /**
     * The last search's squared distance of each row of its block to its nearest cluster,
     * minus the row's squared norm (a view, valid until the next search with this scratch).
     */
    public double[] least() {
        return min;
    }

    /** Rows per block this scratch holds. */
    public int rows() {
        return rows;
    }

    void check(int b, int clusters) {
        if (b > rows || clusters > k) {
            throw new IllegalArgumentException("NearestScratch for " + rows + " rows and " + k
                    + " clusters cannot hold " + b + " rows and " + clusters + " clusters");
        }
    }
}
