package daal4j.algorithms.kmeans;

import static daal4j.testing.NearestData.N;
import static daal4j.testing.NearestData.P;
import static daal4j.testing.NearestData.data;
import static daal4j.testing.NearestData.direct;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.linalg.Distances;
import daal4j.linalg.NearestScratch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ClusterMoves (moved here from linalg's Dense with its tests) against a direct computation,
 * over a row range, with exact ties; k = 13 takes the branch-free index pass, k = 40 the
 * per-row search.
 */
class ClusterMovesTest {

    @ParameterizedTest
    @ValueSource(ints = {13, 40})
    void addToNearestAddsEachRowToItsNearestCluster(int k) {
        double[][] d = data(k);
        double[] x = d[0];
        double[] c = d[1];
        double[] cn = d[3];
        double[] acc = new double[k + k * P];
        NearestScratch scratch = new NearestScratch(64, k);
        for (int from = 20; from < N; from += 64) {
            ClusterMoves.addToNearest(x, P, from, Math.min(N, from + 64), c, k, cn, acc, scratch);
        }
        double[] expected = new double[k + k * P];
        for (int i = 20; i < N; i++) {
            int l = (int) direct(x, c, k, i)[0];
            expected[l] += 1;
            for (int j = 0; j < P; j++) {
                expected[k + l * P + j] += x[i * P + j];
            }
        }
        assertArrayEquals(expected, acc, 0.0, "counts then sums, exact for integer data");
        assertEquals(0.0, acc[5], "the duplicate of cluster 0 gets no rows");
    }

    @ParameterizedTest
    @ValueSource(ints = {13, 40})
    void moveToNearestMovesOnlyTheRowsWhoseClusterChanged(int k) {
        double[][] d = data(k);
        double[] x = d[0];
        double[] c = d[1];
        double[] cn = d[3];
        NearestScratch scratch = new NearestScratch(64, k);
        int[] label = new int[N];
        java.util.Arrays.fill(label, -1);
        double[] held = new double[k + k * P];
        int moved = 0;
        for (int from = 0; from < N; from += 64) {
            moved += ClusterMoves.moveToNearest(x, P, from, Math.min(N, from + 64), c, k, cn, label, held, scratch);
        }
        assertEquals(N, moved, "from no cluster, every row moves");
        // new centroids: every third one shifted, so some rows change cluster and most do not
        double[] c2 = c.clone();
        for (int l = 0; l < k; l += 3) {
            for (int j = 0; j < P; j++) {
                c2[l * P + j] += 1;
            }
        }
        Distances.squaredRowNorms(c2, P, 0, k, cn);
        moved = 0;
        for (int from = 0; from < N; from += 64) {
            moved += ClusterMoves.moveToNearest(x, P, from, Math.min(N, from + 64), c2, k, cn, label, held, scratch);
        }
        double[] expected = new double[k + k * P];
        int changed = 0;
        int[] before = new int[N];
        for (int i = 0; i < N; i++) {
            before[i] = (int) direct(x, c, k, i)[0];
            int l = (int) direct(x, c2, k, i)[0];
            assertEquals(l, label[i], "row " + i);
            changed += l != before[i] ? 1 : 0;
            expected[l] += 1;
            for (int j = 0; j < P; j++) {
                expected[k + l * P + j] += x[i * P + j];
            }
        }
        assertEquals(changed, moved, "only the rows whose cluster changed move");
        assertTrue(changed > 0 && changed < N / 2, "some rows change cluster: " + changed);
        assertArrayEquals(expected, held, 1e-9, "counts then sums of the rows under their new clusters");
    }

    @ParameterizedTest
    @ValueSource(ints = {13, 40})
    void moveToNearestGivesNearestsDistancesUpToTheRowNorms(int k) {
        double[][] d = data(k);
        double[] x = d[0];
        double[] c = d[1];
        double[] xn = d[2];
        double[] cn = d[3];
        NearestScratch scratch = new NearestScratch(64, k);
        int[] label = new int[N];
        double[] dist = new double[N];
        for (int from = 0; from < N; from += 64) {
            Distances.nearest(x, P, from, Math.min(N, from + 64), xn, c, k, cn, label, dist, scratch);
        }
        int[] moved = new int[N];
        java.util.Arrays.fill(moved, -1);
        double[] least = new double[N];
        double[] held = new double[k + k * P];
        for (int from = 0; from < N; from += 64) {
            ClusterMoves.moveToNearest(x, P, from, Math.min(N, from + 64), c, k, cn, moved, held, least, scratch);
        }
        assertArrayEquals(label, moved);
        for (int i = 0; i < N; i++) {
            assertEquals(Double.doubleToRawLongBits(dist[i]), Double.doubleToRawLongBits(Math.max(0.0, xn[i] + least[i])),
                    "row " + i);
        }
    }
}
