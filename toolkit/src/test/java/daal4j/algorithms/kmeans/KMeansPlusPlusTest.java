package daal4j.algorithms.kmeans;

import static daal4j.Daal4j.kmeansInit;
import static daal4j.Daal4j.myProcid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import daal4j.data.Matrix;
import daal4j.spmd.Spmd;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * plusPlusDense against k-means++ written out plainly here (every key of every row, then the
 * smallest; a separate pass for the distances): the same rows, bit for bit, in batch and on
 * 1 to 4 local ranks, with one and several trials, and on data with fewer distinct rows than
 * clusters (the uniform fallback).
 */
class KMeansPlusPlusTest {

    /** k-means++ by its definition over all rows of x, with the draws of {@link Draws}. */
    private static Matrix reference(Matrix x, int k, long seed, int nTrials) {
        int n = x.rows();
        int p = x.cols();
        double[] v = x.rowMajorView();
        double[] d = new double[n];
        Arrays.fill(d, Double.POSITIVE_INFINITY);
        double[] centers = new double[k * p];
        for (int r = 0; r < k; r++) {
            int trials = r == 0 ? 1 : nTrials;
            int[] pick = null;
            for (int flat = 0; flat < 2 && pick == null; flat++) {
                pick = new int[trials];
                for (int t = 0; t < trials; t++) {
                    long sequence = Draws.sequence(seed, Draws.PLUS_PLUS, r, t + flat * trials);
                    double best = Double.POSITIVE_INFINITY;
                    int at = -1;
                    for (int i = 0; i < n; i++) {
                        double w = flat == 1 || d[i] == Double.POSITIVE_INFINITY ? 1.0 : d[i];
                        double key = Draws.raceKey(w, Draws.uniform(sequence, i));
                        if (key < best) {
                            best = key;
                            at = i;
                        }
                    }
                    if (at < 0) {
                        pick = null;
                        break;
                    }
                    pick[t] = at;
                }
            }
            int chosen = pick[0];
            double least = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials && trials > 1; t++) {
                double pot = 0;
                for (int i = 0; i < n; i++) {
                    pot += Math.min(d[i], distance(v, i, pick[t], p));
                }
                if (pot < least) {
                    least = pot;
                    chosen = pick[t];
                }
            }
            System.arraycopy(v, chosen * p, centers, r * p, p);
            for (int i = 0; i < n; i++) {
                d[i] = Math.min(d[i], distance(v, i, chosen, p));
            }
        }
        return Matrix.wrap(k, p, centers);
    }

    private static double distance(double[] v, int i, int j, int p) {
        double s = 0;
        for (int f = 0; f < p; f++) {
            double t = v[i * p + f] - v[j * p + f];
            s += t * t;
        }
        return s;
    }

    /** Gaussian blobs around 8 centers far from the origin, with a block of duplicated rows. */
    private static Matrix blobs(int n, int p, long seed) {
        Random r = new Random(seed);
        double[][] centers = new double[8][p];
        for (double[] c : centers) {
            for (int j = 0; j < p; j++) {
                c[j] = 1e4 + r.nextDouble() * 40;
            }
        }
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            double[] c = centers[r.nextInt(8)];
            for (int j = 0; j < p; j++) {
                x[i][j] = i % 10 == 3 ? x[i - 1][j] : c[j] + r.nextGaussian();
            }
        }
        return Matrix.of(x);
    }

    @Test
    void picksTheRowsOfThePlainDefinitionOnAnySplit() {
        Matrix x = blobs(2503, 5, 11);
        for (int trials : new int[] {1, 3}) {
            for (long seed : new long[] {777, 5}) {
                Matrix expected = reference(x, 12, seed, trials);
                assertEquals(expected, kmeansInit(12).method("plusPlusDense").nTrials(trials).seed(seed).compute(x)
                        .centroids, "batch, nTrials " + trials + ", seed " + seed);
                for (int ranks = 1; ranks <= 4; ranks++) {
                    List<Matrix> parts = KMeansData.split(x, ranks);
                    List<Matrix> cs = Spmd.local(ranks).call(() -> kmeansInit(12).method("plusPlusDense")
                            .nTrials(trials).seed(seed).distributed(true).compute(parts.get(myProcid())).centroids);
                    for (Matrix c : cs) {
                        assertEquals(expected, c, ranks + " ranks, nTrials " + trials + ", seed " + seed);
                    }
                }
            }
        }
    }

    @Test
    void fewerDistinctRowsThanClustersFallBackToUniformDrawsAlike() {
        double[][] rows = new double[40][2];
        for (int i = 0; i < rows.length; i++) {
            rows[i][0] = i % 3;
            rows[i][1] = -(i % 3);
        }
        Matrix x = Matrix.of(rows);
        for (int trials : new int[] {1, 2}) {
            Matrix expected = reference(x, 6, 9, trials);
            for (int ranks = 1; ranks <= 3; ranks++) {
                List<Matrix> parts = KMeansData.split(x, ranks);
                List<Matrix> cs = Spmd.local(ranks).call(() -> kmeansInit(6).method("plusPlusDense").nTrials(trials)
                        .seed(9).distributed(true).compute(parts.get(myProcid())).centroids);
                for (Matrix c : cs) {
                    assertEquals(expected, c, ranks + " ranks, nTrials " + trials);
                }
            }
        }
    }
}
