package daal4j.algorithms.kmeans;

import daal4j.linalg.Distances;
import daal4j.linalg.NearestScratch;

/**
 * The per-cluster counts and sums a Lloyd step keeps, laid out as one allreduce sums them
 * (counts acc[0..k), then each cluster's sum, p values): rows added to their nearest
 * centroid's, or moved between clusters when their nearest one changed.
 */
final class ClusterMoves {

    private ClusterMoves() {
    }

    /**
     * One Lloyd step on rows [from, to) of row-major x (n x p): each row's nearest of the k
     * rows of row-major c (k x p), chosen exactly as {@link Distances#nearest} chooses it, gets the row
     * added to its count, {@code acc[l]}, and to its sum, {@code acc[k + l p .. k + l p + p)}
     * (the layout one allreduce sums); cNorms are the squared norms of c's rows. Rows are
     * added in row order, so the sums do not depend on the block size.
     */
    static void addToNearest(double[] x, int p, int from, int to, double[] c, int k, double[] cNorms,
                                    double[] acc, NearestScratch s) {
        int b = to - from;
        if (b <= 0) {
            return;
        }
        // the row norms only shift each row's distances: the nearest centroid does not need them
        Distances.nearestInBlock(x, p, from, to, c, k, cNorms, s);
        int[] label = s.labels();
        for (int i = 0; i < b; i++) {
            int l = label[i];
            acc[l] += 1;
            int at = k + l * p;
            int o = (from + i) * p;
            for (int j = 0; j < p; j++) {
                acc[at + j] += x[o + j];
            }
        }
    }

    /**
     * {@link #addToNearest} for a Lloyd step after the first: {@code acc} already holds every
     * row under its previous cluster label[from..to) (-1: under none), and only the rows whose
     * nearest cluster changed move, taken from the old cluster's count and sum and added to the
     * new one's (after a few iterations few rows move, so this skips most of the additions);
     * label is updated. Returns the number of rows that moved.
     */
    static int moveToNearest(double[] x, int p, int from, int to, double[] c, int k, double[] cNorms,
                                    int[] label, double[] acc, NearestScratch s) {
        return moveToNearest(x, p, from, to, c, k, cNorms, label, acc, null, s);
    }

    /**
     * {@link #moveToNearest} that also writes each row's squared distance to its nearest
     * centroid minus the row's squared norm into least[from..to) (when not null): {@link
     * Distances#nearest}'s distance is max(0, ||x||^2 + least), bit for bit, without a second search.
     */
    static int moveToNearest(double[] x, int p, int from, int to, double[] c, int k, double[] cNorms,
                                    int[] label, double[] acc, double[] least, NearestScratch s) {
        int b = to - from;
        if (b <= 0) {
            return 0;
        }
        Distances.nearestInBlock(x, p, from, to, c, k, cNorms, s);
        if (least != null) {
            System.arraycopy(s.least(), 0, least, from, b);
        }
        int[] nearest = s.labels();
        int moved = 0;
        for (int i = 0; i < b; i++) {
            int l = nearest[i];
            int old = label[from + i];
            if (l == old) {
                continue;
            }
            moved++;
            label[from + i] = l;
            moveRow(x, p, from + i, old, l, k, acc);
        }
        return moved;
    }

    /**
     * Moves row {@code row} of row-major x (n x p) from cluster {@code old} (-1: from none) to
     * cluster {@code l} in {@code acc}, laid out as in {@link #addToNearest}: counts acc[0..k),
     * then the clusters' sums, p values each.
     */
    static void moveRow(double[] x, int p, int row, int old, int l, int k, double[] acc) {
        int o = row * p;
        if (old >= 0) {
            acc[old] -= 1;
            int at = k + old * p;
            for (int j = 0; j < p; j++) {
                acc[at + j] -= x[o + j];
            }
        }
        acc[l] += 1;
        int at = k + l * p;
        for (int j = 0; j < p; j++) {
            acc[at + j] += x[o + j];
        }
    }
}
