package daal4j.linalg;

import java.util.Arrays;

/**
 * Distance kernels on row-major data: squared norms and distances, and the nearest-centroid
 * searches of k-means, whose dot products are one BLAS dgemm per block of rows.
 */
public final class Distances {

    /**
     * Up to this many clusters, the nearest-centroid search finds each row's index with one
     * branch-free pass per cluster (measured about 10% faster per Lloyd step at 10 clusters),
     * above it by a search per row (measured faster at 100 clusters).
     */
    private static final int FEW_CLUSTERS = 32;

    /** Squared, this turns any positive difference into more than any cluster index. */
    private static final double HUGE = 1e300;

    /** Squared Euclidean norms of rows [from, to) of row-major x (n x p), into out[from..to). */
    public static void squaredRowNorms(double[] x, int p, int from, int to, double[] out) {
        for (int i = from; i < to; i++) {
            double s = 0;
            int o = i * p;
            for (int j = 0; j < p; j++) {
                s += x[o + j] * x[o + j];
            }
            out[i] = s;
        }
    }

    /**
     * Squared Euclidean distances of rows [from, to) of row-major x (n x p) to the point at
     * c[offset .. offset + p), into out[0 .. to - from): each the sum of the squared
     * differences in feature order, the same bits as a plain loop per row ({@link
     * Kernels#squaredDistances}, native where the kernels are).
     */
    public static void squaredDistances(double[] x, int p, int from, int to, double[] c, int offset, double[] out) {
        Kernels.squaredDistances(x, p, from, to, c, offset, out);
    }

    /**
     * Squared Euclidean distance of each row i in [from, to) of row-major x (n x p) to row
     * label[i] of row-major c (p columns), into out[0 .. to - from), with the bits of {@link
     * #squaredDistances} (feature order), four rows at a time. (The two are kept apart: one
     * kernel choosing the centroid per row for both measured ~12% slower in k-means++.)
     */
    public static void squaredDistancesToLabelled(double[] x, int p, int from, int to, double[] c, int[] label,
                                                  double[] out) {
        int i = from;
        for (; i + 3 < to; i += 4) {
            int o0 = i * p;
            int o1 = o0 + p;
            int o2 = o1 + p;
            int o3 = o2 + p;
            int c0 = label[i] * p;
            int c1 = label[i + 1] * p;
            int c2 = label[i + 2] * p;
            int c3 = label[i + 3] * p;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int j = 0; j < p; j++) {
                double d0 = x[o0 + j] - c[c0 + j];
                double d1 = x[o1 + j] - c[c1 + j];
                double d2 = x[o2 + j] - c[c2 + j];
                double d3 = x[o3 + j] - c[c3 + j];
                s0 += d0 * d0;
                s1 += d1 * d1;
                s2 += d2 * d2;
                s3 += d3 * d3;
            }
            out[i - from] = s0;
            out[i - from + 1] = s1;
            out[i - from + 2] = s2;
            out[i - from + 3] = s3;
        }
        for (; i < to; i++) {
            int o = i * p;
            int co = label[i] * p;
            double s = 0;
            for (int j = 0; j < p; j++) {
                double d = x[o + j] - c[co + j];
                s += d * d;
            }
            out[i - from] = s;
        }
    }

    /**
     * For rows [from, to) of row-major x (n x p), the nearest of the k rows of row-major c
     * (k x p) by Euclidean distance: its index into label[from..to) (the lowest index on
     * ties) and the squared distance into dist[from..to). xNorms and cNorms are the squared
     * row norms ({@link #squaredRowNorms}); {@code s} holds at least to - from rows and k.
     */
    public static void nearest(double[] x, int p, int from, int to, double[] xNorms,
                               double[] c, int k, double[] cNorms, int[] label, double[] dist, NearestScratch s) {
        int b = to - from;
        if (b <= 0) {
            return;
        }
        nearestInBlock(x, p, from, to, c, k, cNorms, s);
        System.arraycopy(s.label, 0, label, from, b);
        for (int i = 0; i < b; i++) {
            // rounding can push a zero distance slightly below zero
            dist[from + i] = Math.max(0.0, xNorms[from + i] + s.min[i]);
        }
    }

    /**
     * For rows [from, to) of row-major x (n x p), the index of the nearest of the k rows of
     * row-major c (k x p) into label[from..to), chosen exactly as {@link #nearest} chooses it,
     * without needing the rows' norms; cNorms are the squared norms of c's rows.
     */
    public static void nearestIndex(double[] x, int p, int from, int to, double[] c, int k, double[] cNorms,
                                    int[] label, NearestScratch s) {
        int b = to - from;
        if (b > 0) {
            nearestInBlock(x, p, from, to, c, k, cNorms, s);
            System.arraycopy(s.label, 0, label, from, b);
        }
    }

    /**
     * For rows [from, to) of row-major x (n x p) and the k rows of row-major c (k x p): the
     * nearest centroid, chosen exactly as {@link #nearest} chooses it, into label[0..to - from),
     * and, up to each row's squared norm, the squared distance to it into min[0..to - from) and
     * the smallest squared distance to any other centroid into second[0..to - from) (+infinity
     * when k = 1); cNorms are the squared norms of c's rows (bounds-based k-means needs both).
     */
    public static void nearestTwo(double[] x, int p, int from, int to, double[] c, int k, double[] cNorms,
                                  int[] label, double[] min, double[] second, NearestScratch s) {
        int b = to - from;
        if (b <= 0) {
            return;
        }
        nearestInBlock(x, p, from, to, c, k, cNorms, s);
        double[] work = s.dots;
        System.arraycopy(s.label, 0, label, 0, b);
        System.arraycopy(s.min, 0, min, 0, b);
        // the two smallest values of each row in one branch-free pass (min and max only, which
        // the JIT vectorizes): the second smallest is the nearest other centroid's, also on ties
        double[] least = s.first;
        Arrays.fill(least, 0, b, Double.POSITIVE_INFINITY);
        Arrays.fill(second, 0, b, Double.POSITIVE_INFINITY);
        for (int j = 0; j < k; j++) {
            int o = j * b;
            for (int i = 0; i < b; i++) {
                double v = work[o + i];
                second[i] = Math.min(second[i], Math.max(least[i], v));
                least[i] = Math.min(least[i], v);
            }
        }
    }

    /**
     * The nearest-centroid search of {@link #nearest} without the row norms: for rows [from,
     * to), min_l (||c_l||^2 - 2 x.c_l) into {@code s.least()} and the first l reaching it into
     * {@code s.labels()} (what k-means moves its rows between clusters by).
     */
    public static void nearestInBlock(double[] x, int p, int from, int to, double[] c, int k, double[] cNorms,
                                       NearestScratch s) {
        int b = to - from;
        s.check(b, k);
        double[] work = s.dots;
        // ||x - c||^2 = ||x||^2 + ||c||^2 - 2 x.c: all the dot products are one dgemm, which adds
        // them to the centroids' norms laid out first (beta = 1: BLAS then skips its own pass
        // zeroing the block, and the search no pass adding the norms; -2 x.c is exact in
        // binary, so each value rounds once, as the sum of the two computed apart did)
        for (int j = 0; j < k; j++) {
            Arrays.fill(work, j * b, j * b + b, cNorms[j]);
        }
        if (p > 0) {
            // column-major W (b x k) = X (b x p, the column-major view of row-major x transposed) C' + W
            Linalg.blas().dgemm("T", "N", b, k, p, -2.0, x, from * p, p, c, 0, p, 1.0, work, 0, b);
        }
        double[] min = s.min;
        System.arraycopy(work, 0, min, 0, b);
        for (int j = 1; j < k; j++) {
            int o = j * b;
            for (int i = 0; i < b; i++) {
                min[i] = Math.min(min[i], work[o + i]);
            }
        }
        firstAtMinimum(b, k, s);
    }

    /**
     * The search of {@link #nearestInBlock} once {@code s.dots} holds -2 x_i.c_l (column-major,
     * b x k): adds cNorms, then the minimum and the first cluster reaching it per row.
     */
    static void nearestFromDots(int b, int k, double[] cNorms, NearestScratch s) {
        double[] work = s.dots;
        double[] min = s.min;
        // cluster by cluster over the block's rows: branch-free unit-stride loops the JIT
        // vectorizes; the label is then the first cluster reaching the minimum (lowest on ties)
        double c0 = cNorms[0];
        for (int i = 0; i < b; i++) {
            double v = work[i] + c0;
            work[i] = v;
            min[i] = v;
        }
        for (int j = 1; j < k; j++) {
            double cj = cNorms[j];
            int o = j * b;
            for (int i = 0; i < b; i++) {
                double v = work[o + i] + cj;
                work[o + i] = v;
                min[i] = Math.min(min[i], v);
            }
        }
        firstAtMinimum(b, k, s);
    }

    /** Each row's first cluster at the row's minimum in {@code s.min}, into {@code s.labels()}. */
    private static void firstAtMinimum(int b, int k, NearestScratch s) {
        double[] work = s.dots;
        double[] min = s.min;
        if (k <= FEW_CLUSTERS) {
            firstAtMinimumBranchFree(b, k, s);
        } else {
            // cluster by cluster in index order, unit stride: the first match of each row wins
            // (its branch is rarely taken, so it predicts well, unlike a search's exit per row)
            int[] label = s.label;
            Arrays.fill(label, 0, b, -1);
            for (int j = 0; j < k; j++) {
                int o = j * b;
                for (int i = 0; i < b; i++) {
                    if (work[o + i] == min[i] && label[i] < 0) {
                        label[i] = j;
                    }
                }
            }
            for (int i = 0; i < b; i++) {
                if (label[i] < 0) {
                    label[i] = k - 1; // not finite (overflow): no value equals the minimum
                }
            }
        }
    }

    /**
     * The first cluster j with dots[j b + i] equal to row i's minimum, for every row of the
     * block, without a branch per row (a search's exit mispredicts about once a row): the
     * difference to the minimum is 0 there and otherwise at least the smallest subnormal,
     * which times 1e600 exceeds any index, so the minimum over j of difference * 1e600 + j is
     * the first j at the minimum. A row whose values are not finite (overflow) falls back to
     * a search.
     */
    private static void firstAtMinimumBranchFree(int b, int k, NearestScratch s) {
        double[] work = s.dots;
        double[] min = s.min;
        double[] first = s.first;
        for (int i = 0; i < b; i++) {
            first[i] = (work[i] - min[i]) * HUGE * HUGE;
        }
        for (int j = 1; j < k; j++) {
            int o = j * b;
            double index = j;
            for (int i = 0; i < b; i++) {
                first[i] = Math.min(first[i], (work[o + i] - min[i]) * HUGE * HUGE + index);
            }
        }
        int[] label = s.label;
        for (int i = 0; i < b; i++) {
            double f = first[i];
            if (f < k) {
                label[i] = (int) f;
            } else {
                int j = 0;
                while (j < k - 1 && work[j * b + i] != min[i]) {
                    j++;
                }
                label[i] = j;
            }
        }
    }

    private Distances() {
    }
}
