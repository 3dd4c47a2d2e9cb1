package daal4j.algorithms.kmeans;

import static daal4j.Daal4j.kmeans;
import static daal4j.Daal4j.myProcid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.data.Matrix;
import daal4j.spmd.Spmd;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bounds-based steps against plain Lloyd (every distance every step) on data made to
 * trouble the bounds: far from the origin (where the expanded distance form loses digits),
 * with many exact and near ties (grid points, duplicated initial centroids that leave
 * clusters empty), on 1, 2 and 3 local ranks.
 */
class KMeansBoundsTest {

    /** Grid points and Gaussian points around {@code offset}, in a shuffled order. */
    private static Matrix troublesome(int n, int p, double offset, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double v;
                if (i % 3 == 0) {
                    v = r.nextInt(4); // exact ties between grid-aligned centroids
                } else if (i % 3 == 1) {
                    v = r.nextInt(4) + 1e-9 * r.nextGaussian(); // near ties
                } else {
                    v = 1.5 + r.nextGaussian();
                }
                x[i][j] = offset + v;
            }
        }
        return Matrix.of(x);
    }

    private static void assertSame(KMeansResult plain, KMeansResult bounded, String what) {
        assertEquals(plain.nIterations, bounded.nIterations, what + ": iterations");
        assertEquals(plain.assignments, bounded.assignments, what + ": assignments");
        double[] a = plain.centroids.rowMajorView();
        double[] b = bounded.centroids.rowMajorView();
        assertEquals(a.length, b.length);
        for (int i = 0; i < a.length; i++) {
            assertTrue(Math.abs(a[i] - b[i]) <= 1e-12 * Math.max(1, Math.abs(a[i])),
                    what + ": centroid value " + i + ": " + a[i] + " vs " + b[i]);
        }
        assertEquals(plain.objectiveFunction, bounded.objectiveFunction,
                1e-12 * Math.max(1, Math.abs(plain.objectiveFunction)), what + ": objective");
    }

    @Test
    void boundedStepsGiveLloydsResultsOnAnySplit() {
        for (double offset : new double[] {0, 1e6, 1e8}) {
            for (int k : new int[] {1, 7, 40}) {
                Matrix x = troublesome(1500, 3, offset, 17 + k);
                // the first k rows: duplicates among the grid rows leave clusters empty
                Matrix c0 = x.rowRange(0, k);
                for (int ranks = 1; ranks <= 3; ranks++) {
                    List<Matrix> parts = KMeansData.split(x, ranks);
                    List<KMeansResult> plain = Spmd.local(ranks).call(() ->
                            kmeans(k, 40).bounds(false).distributed(true).compute(parts.get(myProcid()), c0));
                    List<KMeansResult> bounded = Spmd.local(ranks).call(() ->
                            kmeans(k, 40).distributed(true).compute(parts.get(myProcid()), c0));
                    List<KMeansResult> eager = Spmd.local(ranks).call(() ->
                            kmeans(k, 40).eagerBounds().distributed(true).compute(parts.get(myProcid()), c0));
                    for (int r = 0; r < ranks; r++) {
                        String what = "offset " + offset + ", k " + k + ", rank " + r + " of " + ranks;
                        assertSame(plain.get(r), bounded.get(r), what);
                        assertSame(plain.get(r), eager.get(r), what + ", bounds from the first step");
                    }
                }
            }
        }
    }

    @Test
    void boundedStepsGiveLloydsResultsInBatchOverManyIterations() {
        // past several refreshes of the sums, with a threshold that stops early
        Matrix x = troublesome(4000, 6, 1e6, 5);
        Matrix c0 = x.rowRange(100, 125);
        KMeansResult plain = kmeans(25, 60).bounds(false).accuracyThreshold(1e-10).compute(x, c0);
        assertSame(plain, kmeans(25, 60).accuracyThreshold(1e-10).compute(x, c0), "batch");
        assertSame(plain, kmeans(25, 60).eagerBounds().accuracyThreshold(1e-10).compute(x, c0), "batch, eager");
    }

    @Test
    void reseedsFromTheStepsOwnDistancesAsFromASecondSearch() {
        // duplicated initial centroids empty clusters in the first steps: the plain steps reseed
        // from the distances their search left, a run with a listener from a full search per row
        Matrix x = troublesome(3000, 4, 1e5, 23);
        Matrix c0 = x.rowRange(0, 30);
        for (int ranks = 1; ranks <= 3; ranks++) {
            List<Matrix> parts = KMeansData.split(x, ranks);
            List<KMeansResult> perRow = Spmd.local(ranks).call(() -> kmeans(30, 25).bounds(false).onIteration((i, o) -> { })
                    .distributed(true).compute(parts.get(myProcid()), c0));
            List<KMeansResult> plain = Spmd.local(ranks).call(() ->
                    kmeans(30, 25).bounds(false).distributed(true).compute(parts.get(myProcid()), c0));
            for (int r = 0; r < ranks; r++) {
                assertSame(perRow.get(r), plain.get(r), "rank " + r + " of " + ranks);
            }
        }
    }
}
