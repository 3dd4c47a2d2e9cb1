package daal4j.algorithms.kmeans;

import static daal4j.Daal4j.kmeans;
import static daal4j.Daal4j.kmeansInit;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.data.CsrMatrix;
import daal4j.data.Csv;
import daal4j.data.Matrix;
import daal4j.spmd.Spmd;
import daal4j.testing.Fixtures;
import daal4j.testing.TestData;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * k-means on CSR rows: daal4py 2024.7.0's goldens of deterministicCSR and lloydCSR (made by
 * toolkit/src/test/resources/golden/make_kmeans_csr_goldens.py), batch and on 1, 2, 4 local
 * ranks; every CSR method equal to its dense twin on the dense rows; bad input.
 */
class KMeansCsrTest {

    private static final CsrMatrix X = CsrMatrix.read(TestData.example("distributed/kmeans_csr.csv"));
    private static final int K = 20;

    private static Matrix golden(String name, String field) {
        return Csv.read(TestData.golden(name).resolve(field + ".csv"));
    }

    /** Rank r's rows of m split into size near-equal parts (the first rows of the remainder one more each). */
    static CsrMatrix part(CsrMatrix m, int rank, int size) {
        int base = m.rows() / size;
        int rest = m.rows() % size;
        int from = rank * base + Math.min(rank, rest);
        return m.rowRange(from, from + base + (rank < rest ? 1 : 0));
    }

    private static void assertGolden(KMeansResult r, Matrix assignments, String what) {
        Fixtures.assertClose(golden("kmeans_lloydCSR", "centroids"), r.centroids, 1e-10, what + " centroids");
        assertEquals(assignments, r.assignments, what + " assignments");
        // daal4j's objective is the dense method's (the sum of squared distances); daal4py's
        // lloydCSR sums (x_j - c_j)^2 over the non-zeros only: both from these results
        double objective = golden("kmeans_lloydCSR", "denseObjectiveFunction").get(0, 0);
        assertEquals(objective, r.objectiveFunction, 1e-10 * objective, what + " objectiveFunction");
        assertEquals((int) golden("kmeans_lloydCSR", "nIterations").get(0, 0), r.nIterations, what + " nIterations");
    }

    @Test
    void goldenBatch() {
        assertEquals(8000, X.rows());
        assertEquals(20, X.cols());
        Matrix init = kmeansInit(K).method("deterministicCSR").compute(X).centroids;
        assertEquals(golden("kmeans_init_deterministicCSR", "centroids"), init);
        assertEquals(init, kmeansInit(K).method("defaultCSR").compute(X).centroids);
        // a CSR file path works as the matrix does
        assertEquals(init, kmeansInit(K).method("defaultCSR")
                .compute(TestData.example("distributed/kmeans_csr.csv").toString()).centroids);
        KMeansResult r = kmeans(K, 5).method("lloydCSR").assignFlag(true).compute(X, init);
        assertGolden(r, golden("kmeans_lloydCSR", "assignments"), "batch");
    }

    /** daal4py's lloydCSR objective: over the non-zeros only, sum (x_j - c_j)^2 to the row's centroid. */
    private static double nonZerosOnlyObjective(CsrMatrix x, Matrix centroids, Matrix assignments) {
        double s = 0;
        for (int i = 0; i < x.rows(); i++) {
            int l = (int) assignments.get(i, 0);
            for (int q = x.rowOffsetsView()[i]; q < x.rowOffsetsView()[i + 1]; q++) {
                double d = x.valuesView()[q] - centroids.get(l, x.columnIndicesView()[q]);
                s += d * d;
            }
        }
        return s;
    }

    @Test
    void daal4pysCsrObjectiveIsOverTheNonZeros() {
        Matrix init = golden("kmeans_init_deterministicCSR", "centroids");
        KMeansResult r = kmeans(K, 5).method("lloydCSR").assignFlag(true).compute(X, init);
        double daal4py = golden("kmeans_lloydCSR", "objectiveFunction").get(0, 0);
        assertEquals(daal4py, nonZerosOnlyObjective(X, r.centroids, r.assignments), 1e-10 * daal4py);
    }

    @Test
    void goldenOnOneTwoFourLocalRanks() {
        Matrix expected = golden("kmeans_lloydCSR", "assignments");
        for (int n : new int[] {1, 2, 4}) {
            List<KMeansResult> rs = Spmd.local(n).call(() -> {
                CsrMatrix mine = part(X, myProcid(), numProcs());
                Matrix init = kmeansInit(K).method("defaultCSR").distributed(true).compute(mine).centroids;
                assertEquals(golden("kmeans_init_deterministicCSR", "centroids"), init);
                return kmeans(K, 5).method("lloydCSR").assignFlag(true).distributed(true).compute(mine, init);
            });
            int from = 0;
            for (int r = 0; r < n; r++) {
                KMeansResult res = rs.get(r);
                int rows = res.assignments.rows();
                assertGolden(res, expected.rowRange(from, from + rows), n + " ranks, rank " + r);
                from += rows;
            }
            assertEquals(8000, from);
        }
    }

    /** A random CSR matrix with clusters: rows near one of a few sparse centres, few non-zeros each. */
    static CsrMatrix blobs(int n, int p, int nnzPerRow, long seed) {
        Random rnd = new Random(seed);
        double[][] centres = new double[5][p];
        for (double[] c : centres) {
            for (int j = 0; j < p; j++) {
                c[j] = rnd.nextInt(4) == 0 ? 10 * rnd.nextGaussian() : 0;
            }
        }
        double[][] d = new double[n][p];
        for (int i = 0; i < n; i++) {
            double[] c = centres[rnd.nextInt(5)];
            for (int t = 0; t < nnzPerRow; t++) {
                int j = rnd.nextInt(p);
                d[i][j] = c[j] + rnd.nextGaussian();
            }
        }
        return CsrMatrix.fromDense(Matrix.of(d));
    }

    @Test
    void everyCsrMethodEqualsItsDenseTwin() {
        CsrMatrix x = blobs(1500, 40, 6, 3);
        Matrix dense = x.toDense();
        for (String m : new String[] {"deterministic", "random", "plusPlus", "parallelPlus"}) {
            for (long seed : new long[] {777, 1, 42}) {
                Matrix a = kmeansInit(7).method(m + "CSR").seed(seed).nTrials(2).compute(x).centroids;
                Matrix b = kmeansInit(7).method(m + "Dense").seed(seed).nTrials(2).compute(dense).centroids;
                Fixtures.assertClose(b, a, 1e-10, m + " seed " + seed);
                KMeansResult rc = kmeans(7, 30).method("lloydCSR").assignFlag(true).compute(x, a);
                KMeansResult rd = kmeans(7, 30).assignFlag(true).compute(dense, a);
                Fixtures.assertClose(rd.centroids, rc.centroids, 1e-10, m + " centroids");
                assertEquals(rd.assignments, rc.assignments, m + " assignments");
                assertEquals(rd.objectiveFunction, rc.objectiveFunction, 1e-10 * rd.objectiveFunction, m + " objective");
                assertEquals(rd.nIterations, rc.nIterations);
            }
        }
    }

    @Test
    void emptyClustersAndThresholdAsDense() {
        CsrMatrix x = blobs(600, 12, 4, 9);
        Matrix dense = x.toDense();
        double[][] start = new double[6][12];
        for (int l = 0; l < 6; l++) {
            start[l][l] = l < 3 ? 1 : 1e4; // three centroids far away: their clusters start empty
        }
        KMeansResult rc = kmeans(6, 50).method("lloydCSR").accuracyThreshold(1e-8).assignFlag(true).compute(x, start);
        KMeansResult rd = kmeans(6, 50).accuracyThreshold(1e-8).assignFlag(true).compute(dense, start);
        Fixtures.assertClose(rd.centroids, rc.centroids, 1e-10, "centroids");
        assertEquals(rd.assignments, rc.assignments);
        assertEquals(rd.objectiveFunction, rc.objectiveFunction, 1e-10 * rd.objectiveFunction);
        assertEquals(rd.nIterations, rc.nIterations);
        // with an iteration listener (every row's distance each step) the same again
        double[] last = new double[1];
        KMeansResult rl = kmeans(6, 50).method("lloydCSR").accuracyThreshold(1e-8).onIteration((it, goal) -> last[0] = goal)
                .compute(x, start);
        Fixtures.assertClose(rd.centroids, rl.centroids, 1e-10, "centroids with a listener");
        assertTrue(last[0] > 0);
    }

    @Test
    void noDependenceOnTheSplit() {
        CsrMatrix x = blobs(1001, 30, 5, 5);
        for (String m : new String[] {"random", "plusPlus", "parallelPlus"}) {
            Matrix init1 = kmeansInit(6).method(m + "CSR").compute(x).centroids;
            KMeansResult one = kmeans(6, 20).method("lloydCSR").compute(x, init1);
            for (int n : new int[] {2, 3, 4}) {
                List<Object[]> rs = Spmd.local(n).call(() -> {
                    // uneven parts: rank r has about (r + 1) shares, the last maybe none
                    int total = x.rows();
                    int shares = numProcs() * (numProcs() + 1) / 2;
                    int r = myProcid();
                    int from = Math.min(total, total * (r * (r + 1) / 2) / shares);
                    int to = r == numProcs() - 1 ? total : Math.min(total, total * ((r + 1) * (r + 2) / 2) / shares);
                    CsrMatrix mine = x.rowRange(from, to);
                    Matrix init = kmeansInit(6).method(m + "CSR").distributed(true).compute(mine).centroids;
                    KMeansResult res = kmeans(6, 20).method("lloydCSR").distributed(true).compute(mine, init);
                    return new Object[] {init, res};
                });
                for (Object[] o : rs) {
                    Fixtures.assertClose(init1, (Matrix) o[0], 1e-12, m + " on " + n + " ranks: init");
                    KMeansResult res = (KMeansResult) o[1];
                    Fixtures.assertClose(one.centroids, res.centroids, 1e-10, m + " on " + n + " ranks");
                    assertEquals(one.objectiveFunction, res.objectiveFunction, 1e-10 * one.objectiveFunction);
                }
            }
        }
    }

    @Test
    void badInput() {
        Matrix dense = X.toDense();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> kmeansInit(K).method("plusPlusCSR").compute(dense));
        assertTrue(e.getMessage().contains("use method plusPlusDense"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> kmeans(K, 5).method("lloydCSR").compute(dense.toArray(),
                dense.rowRange(0, K)));
        assertTrue(e.getMessage().contains("method lloydCSR takes CSR data") && e.getMessage().contains("use method defaultDense"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> kmeans(K, 5).compute(X, dense.rowRange(0, K)));
        assertTrue(e.getMessage().contains("use method lloydCSR"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> kmeansInit(K).method("randomDense").compute(X));
        assertTrue(e.getMessage().contains("use method randomCSR"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> kmeansInit(8001).method("defaultCSR").compute(X));
        assertTrue(e.getMessage().contains("nClusters = 8001 is larger than the number of rows (8000)"), e.getMessage());
        double[] v = X.valuesView().clone();
        v[5] = Double.NaN;
        CsrMatrix nan = CsrMatrix.of(X.rows(), X.cols(), X.rowOffsetsView(), X.columnIndicesView(), v);
        e = assertThrows(IllegalArgumentException.class, () -> kmeansInit(K).method("defaultCSR").compute(nan));
        assertTrue(e.getMessage().contains("NaN at row 0"), e.getMessage());

        Fixtures.failsOnEveryRank(3, () -> kmeansInit(K).method("plusPlusCSR").distributed(true)
                .compute(myProcid() == 1 ? part(X, 1, 3).toDense() : part(X, myProcid(), 3)), "rank 1", "plusPlusDense");
        Fixtures.failsOnEveryRank(3, () -> kmeansInit(9000).method("randomCSR").distributed(true).compute(part(X, myProcid(), 3)),
                "nClusters = 9000 is larger than the number of rows (8000 over all 3 ranks)");
        Fixtures.failsOnEveryRank(3, () -> {
            CsrMatrix mine = part(X, myProcid(), 3);
            if (myProcid() == 2) {
                mine = CsrMatrix.of(mine.rows(), 25, mine.rowOffsetsView(), mine.columnIndicesView(), mine.valuesView());
            }
            return kmeansInit(K).method("defaultCSR").distributed(true).compute(mine);
        }, "feature counts differ between ranks", "rank 2 has 25");
        Matrix init = X.rowRange(0, K).toDense();
        Fixtures.failsOnEveryRank(3, () -> {
            CsrMatrix mine = part(X, myProcid(), 3);
            if (myProcid() == 2) {
                mine = CsrMatrix.of(mine.rows(), 25, mine.rowOffsetsView(), mine.columnIndicesView(), mine.valuesView());
            }
            return kmeans(K, 3).method("lloydCSR").distributed(true).compute(mine, init);
        }, "rank 2");
    }
}
