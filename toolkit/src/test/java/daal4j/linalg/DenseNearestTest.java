package daal4j.linalg;

import static daal4j.testing.NearestData.N;
import static daal4j.testing.NearestData.P;
import static daal4j.testing.NearestData.data;
import static daal4j.testing.NearestData.direct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Distances.nearest, nearestIndex and nearestTwo against a direct computation, over a row range,
 * with exact ties; k = 13 takes the branch-free index pass, k = 40 the per-row search.
 */
class DenseNearestTest {

    @ParameterizedTest
    @ValueSource(ints = {13, 40})
    void nearestRowsAsComputedDirectly(int k) {
        double[][] d = data(k);
        double[] x = d[0];
        double[] c = d[1];
        double[] xn = d[2];
        double[] cn = d[3];
        int[] label = new int[N];
        int[] index = new int[N];
        double[] dist = new double[N];
        NearestScratch work = new NearestScratch(100, k);
        for (int from = 20; from < N; from += 100) {
            Distances.nearest(x, P, from, Math.min(N, from + 100), xn, c, k, cn, label, dist, work);
            Distances.nearestIndex(x, P, from, Math.min(N, from + 100), c, k, cn, index, work);
        }
        int ties = 0;
        for (int i = 0; i < N; i++) {
            if (i < 20) {
                assertEquals(0, label[i], "rows before the range are untouched");
                assertEquals(0, index[i], "rows before the range are untouched");
                continue;
            }
            double[] e = direct(x, c, k, i);
            assertEquals((int) e[0], label[i], "row " + i);
            assertEquals((int) e[0], index[i], "nearestIndex, row " + i);
            assertEquals(e[1], dist[i], 1e-9, "row " + i);
            ties += label[i] == 0 ? 1 : 0;
        }
        assertTrue(ties > 0, "some rows are nearest to the duplicated cluster 0");
    }

    /** Second smallest squared distance of row i over the clusters other than {@code skip}. */
    private static double directSecond(double[] x, double[] c, int k, int i, int skip) {
        double min = Double.POSITIVE_INFINITY;
        for (int l = 0; l < k; l++) {
            if (l == skip) {
                continue;
            }
            double d = 0;
            for (int j = 0; j < P; j++) {
                double t = x[i * P + j] - c[l * P + j];
                d += t * t;
            }
            min = Math.min(min, d);
        }
        return min;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 13, 40})
    void nearestTwoAsComputedDirectly(int k) {
        double[][] d = data(Math.max(k, 6));
        double[] x = d[0];
        double[] c = java.util.Arrays.copyOf(d[1], k * P);
        double[] xn = new double[N];
        double[] cn = new double[k];
        Distances.squaredRowNorms(x, P, 0, N, xn);
        Distances.squaredRowNorms(c, P, 0, k, cn);
        int from = 17;
        int to = 250;
        int[] label = new int[to - from];
        double[] min = new double[to - from];
        double[] second = new double[to - from];
        Distances.nearestTwo(x, P, from, to, c, k, cn, label, min, second, new NearestScratch(256, k));
        for (int i = from; i < to; i++) {
            double[] want = direct(x, c, k, i);
            assertEquals((int) want[0], label[i - from], "row " + i);
            // integer data: the expanded form is exact
            assertEquals(want[1], xn[i] + min[i - from], 0.0, "row " + i);
            double other = directSecond(x, c, k, i, label[i - from]);
            if (k == 1) {
                assertEquals(Double.POSITIVE_INFINITY, second[i - from], "row " + i);
            } else {
                assertEquals(other, xn[i] + second[i - from], 0.0, "row " + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 20})
    void squaredDistancesAreThePlainLoopsBits(int p) {
        Random r = new Random(p);
        int n = 103; // not a multiple of the four rows done together
        double[] x = new double[n * p];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1e3 + r.nextGaussian() * Math.exp(r.nextGaussian() * 5);
        }
        double[] c = new double[3 + p];
        for (int j = 0; j < c.length; j++) {
            c[j] = 1e3 + r.nextGaussian();
        }
        for (int from : new int[] {0, 1, 5}) {
            int to = n - from / 2;
            double[] out = new double[to - from];
            Distances.squaredDistances(x, p, from, to, c, 3, out);
            for (int i = from; i < to; i++) {
                double s = 0;
                for (int j = 0; j < p; j++) {
                    double t = x[i * p + j] - c[3 + j];
                    s += t * t;
                }
                assertEquals(Double.doubleToRawLongBits(s), Double.doubleToRawLongBits(out[i - from]),
                        "row " + i + " from " + from);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 6, 20})
    void squaredDistancesToLabelledAreThePlainLoopsBits(int p) {
        Random r = new Random(31 + p);
        int n = 99;
        int k = 5;
        double[] x = new double[n * p];
        for (int i = 0; i < x.length; i++) {
            x[i] = -1e4 + r.nextGaussian() * Math.exp(r.nextGaussian() * 5);
        }
        double[] c = new double[k * p];
        for (int j = 0; j < c.length; j++) {
            c[j] = -1e4 + r.nextGaussian();
        }
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            label[i] = r.nextInt(k);
        }
        double[] out = new double[n];
        Distances.squaredDistancesToLabelled(x, p, 2, n, c, label, out);
        for (int i = 2; i < n; i++) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                double t = x[i * p + j] - c[label[i] * p + j];
                s += t * t;
            }
            assertEquals(Double.doubleToRawLongBits(s), Double.doubleToRawLongBits(out[i - 2]), "row " + i);
        }
    }
}
