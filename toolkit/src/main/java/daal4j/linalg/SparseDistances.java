package daal4j.linalg;

import daal4j.data.CsrMatrix;
import java.util.Arrays;

/**
 * The distance kernels of {@link Distances} on CSR rows against dense centroids: each costs
 * O(non-zeros) per centroid, the rows are never made dense. A squared distance is
 * ||x||^2 - 2 x.c + ||c||^2 with x.c summed over the row's non-zeros.
 */
public final class SparseDistances {

    private SparseDistances() {
    }

    /** Squared Euclidean norms of rows [from, to) of {@code a}, into out[from..to). */
    public static void squaredRowNorms(CsrMatrix a, int from, int to, double[] out) {
        int[] off = a.rowOffsetsView();
        double[] v = a.valuesView();
        for (int i = from; i < to; i++) {
            double s = 0;
            for (int q = off[i]; q < off[i + 1]; q++) {
                s += v[q] * v[q];
            }
            out[i] = s;
        }
    }

    /** The k x p row-major centroids c as p x k row-major (each feature's k values side by side). */
    public static double[] transpose(double[] c, int k, int p) {
        double[] t = new double[k * p];
        for (int l = 0; l < k; l++) {
            for (int j = 0; j < p; j++) {
                t[j * k + l] = c[l * p + j];
            }
        }
        return t;
    }

    /**
     * The nearest-centroid search of {@link Distances#nearestInBlock} for rows [from, to) of
     * {@code a}: min_l (||c_l||^2 - 2 x.c_l) into {@code s.least()} and the first l reaching it
     * into {@code s.labels()}; {@code ct} is the centroids transposed ({@link #transpose}),
     * cNorms their squared norms.
     */
    public static void nearestInBlock(CsrMatrix a, int from, int to, double[] ct, int k, double[] cNorms,
                                      NearestScratch s) {
        int b = to - from;
        s.check(b, k);
        double[] work = s.dots;
        int[] off = a.rowOffsetsView();
        int[] col = a.columnIndicesView();
        double[] v = a.valuesView();
        // four centroids per pass over the row, summed in registers: the reads of ct do not wait
        // on one another through an accumulator array, so many cache misses are in flight at
        // once (wide rows read ct from memory); each dot sums in the same order as before
        for (int i = 0; i < b; i++) {
            int start = off[from + i];
            int end = off[from + i + 1];
            int l = 0;
            for (; l + 4 <= k; l += 4) {
                double a0 = 0;
                double a1 = 0;
                double a2 = 0;
                double a3 = 0;
                for (int q = start; q < end; q++) {
                    double x = v[q];
                    int base = col[q] * k + l;
                    a0 += x * ct[base];
                    a1 += x * ct[base + 1];
                    a2 += x * ct[base + 2];
                    a3 += x * ct[base + 3];
                }
                work[l * b + i] = -2.0 * a0;
                work[(l + 1) * b + i] = -2.0 * a1;
                work[(l + 2) * b + i] = -2.0 * a2;
                work[(l + 3) * b + i] = -2.0 * a3;
            }
            for (; l < k; l++) {
                double a0 = 0;
                for (int q = start; q < end; q++) {
                    a0 += v[q] * ct[col[q] * k + l];
                }
                work[l * b + i] = -2.0 * a0;
            }
        }
        Distances.nearestFromDots(b, k, cNorms, s);
    }

    /**
     * For rows [from, to) of {@code a}, the nearest centroid's index into label[from..to) and
     * the squared distance to it, max(0, ||x||^2 + least), into dist[from..to), as {@link
     * Distances#nearest} gives them; xNorms are the rows' squared norms.
     */
    public static void nearest(CsrMatrix a, int from, int to, double[] xNorms, double[] ct, int k, double[] cNorms,
                               int[] label, double[] dist, NearestScratch s) {
        int b = to - from;
        if (b <= 0) {
            return;
        }
        nearestInBlock(a, from, to, ct, k, cNorms, s);
        System.arraycopy(s.label, 0, label, from, b);
        for (int i = 0; i < b; i++) {
            dist[from + i] = Math.max(0.0, xNorms[from + i] + s.min[i]);
        }
    }

    /**
     * Squared distances of rows [from, to) of {@code a} to the point c[offset .. offset + p)
     * of squared norm cNorm, into out[0 .. to - from): cNorm plus, over the row's non-zeros,
     * (x_j - c_j)^2 - c_j^2 (the zeros' terms are in cNorm), never below 0.
     */
    public static void squaredDistances(CsrMatrix a, int from, int to, double[] c, int offset, double cNorm,
                                        double[] out) {
        int[] off = a.rowOffsetsView();
        int[] col = a.columnIndicesView();
        double[] v = a.valuesView();
        for (int i = from; i < to; i++) {
            double s = 0;
            for (int q = off[i]; q < off[i + 1]; q++) {
                double cj = c[offset + col[q]];
                double d = v[q] - cj;
                s += d * d - cj * cj;
            }
            out[i - from] = Math.max(0.0, cNorm + s);
        }
    }

    /**
     * Squared distance of each row i in [from, to) of {@code a} to row label[i] of row-major
     * c (p columns, squared norms cNorms), into out[0 .. to - from), as {@link #squaredDistances}.
     */
    public static void squaredDistancesToLabelled(CsrMatrix a, int from, int to, double[] c, int p, double[] cNorms,
                                                  int[] label, double[] out) {
        int[] off = a.rowOffsetsView();
        int[] col = a.columnIndicesView();
        double[] v = a.valuesView();
        for (int i = from; i < to; i++) {
            int l = label[i];
            int co = l * p;
            double s = 0;
            for (int q = off[i]; q < off[i + 1]; q++) {
                double cj = c[co + col[q]];
                double d = v[q] - cj;
                s += d * d - cj * cj;
            }
            out[i - from] = Math.max(0.0, cNorms[l] + s);
        }
    }
}
