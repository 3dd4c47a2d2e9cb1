package daal4j.algorithms.kmeans;

import static daal4j.Daal4j.kmeans;
import static daal4j.Daal4j.kmeansInit;
import static daal4j.Daal4j.myProcid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.data.Matrix;
import daal4j.spmd.Spmd;
import daal4j.testing.Fixtures;
import daal4j.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lloyd iterations against daal4py 2024.7.0 and scikit-learn, batch and on local ranks. */
class KMeansTest {

    private static final String DENSE = "kmeans_dense";

    @Test
    void batchMatchesDaal4pyWithDefaultInit() {
        Matrix x = KMeansData.dense();
        KMeansInitResult init = kmeansInit(10).compute(x);
        assertEquals(Fixtures.read(DENSE, "daal4py_init"), init.centroids);
        KMeansResult r = kmeans(10, 25).compute(x, init.centroids);
        Fixtures.assertClose(Fixtures.read(DENSE, "daal4py_centroids"), r.centroids, 1e-9, "centroids");
        assertEquals(Fixtures.read(DENSE, "daal4py_assignments"), r.assignments);
        assertEquals(KMeansData.scalar(DENSE, "daal4py_objective"), r.objectiveFunction,
                1e-9 * r.objectiveFunction);
        assertEquals((int) KMeansData.scalar(DENSE, "daal4py_iterations"), r.nIterations);
        for (int it = 1; it <= 3; it++) {
            KMeansResult ri = kmeans(10, it).compute(x, init.centroids);
            Fixtures.assertClose(Fixtures.read(DENSE, "daal4py_centroids_" + it), ri.centroids, 1e-9, "centroids after " + it);
            assertEquals(KMeansData.scalar(DENSE, "daal4py_objective_" + it), ri.objectiveFunction,
                    1e-9 * ri.objectiveFunction, "objective after " + it);
            assertEquals(it, ri.nIterations);
        }
    }

    @Test
    void matchesScikitLearnLloyd() {
        Matrix x = KMeansData.dense();
        KMeansResult r = kmeans(10, 25).compute(TestData.example("batch/kmeans_dense.csv").toString(),
                Fixtures.read(DENSE, "daal4py_init").toArray());
        Fixtures.assertClose(Fixtures.read(DENSE, "sklearn_centroids"), r.centroids, 1e-9, "centroids");
        assertEquals(Fixtures.read(DENSE, "sklearn_labels"), r.assignments);
        assertEquals(KMeansData.scalar(DENSE, "sklearn_inertia"), r.objectiveFunction, 1e-9 * r.objectiveFunction);

        Matrix blobs = Fixtures.read("kmeans_blobs", "data");
        KMeansResult b = kmeans(4, 50).compute(blobs.toTable(), Fixtures.read("kmeans_blobs", "init"));
        Fixtures.assertClose(Fixtures.read("kmeans_blobs", "sklearn_centroids"), b.centroids, 1e-9, "blob centroids");
        assertEquals(Fixtures.read("kmeans_blobs", "sklearn_labels"), b.assignments);
        assertEquals(KMeansData.scalar("kmeans_blobs", "sklearn_inertia"), b.objectiveFunction, 1e-9 * b.objectiveFunction);
        Fixtures.assertClose(Fixtures.read("kmeans_blobs", "daal4py_centroids"), b.centroids, 1e-9, "blob centroids vs daal4py");
        assertEquals((int) KMeansData.scalar("kmeans_blobs", "daal4py_iterations"), b.nIterations);
        assertTrue(x.rows() == 10000);
    }

    @Test
    void emptyClustersTakeTheFarthestRowsAsDaal4py() {
        Matrix x = Fixtures.read("kmeans_empty", "data");
        Matrix c0 = Fixtures.read("kmeans_empty", "init");
        for (int it = 1; it <= 2; it++) {
            KMeansResult r = kmeans(4, it).compute(x, c0);
            Fixtures.assertClose(Fixtures.read("kmeans_empty", "daal4py_centroids_" + it), r.centroids, 1e-12, "centroids " + it);
            assertEquals(Fixtures.read("kmeans_empty", "daal4py_assignments_" + it), r.assignments);
            assertEquals(KMeansData.scalar("kmeans_empty", "daal4py_objective_" + it), r.objectiveFunction, 1e-12);
        }
        // the same on 3 ranks, whose rows hold the farthest candidates on different ranks
        List<Matrix> parts = List.of(x.rowRange(0, 2), x.rowRange(2, 6), x.rowRange(6, 7));
        List<KMeansResult> rs = Spmd.local(3).call(() ->
                kmeans(4, 2).distributed(true).compute(parts.get(myProcid()), c0));
        for (KMeansResult r : rs) {
            Fixtures.assertClose(Fixtures.read("kmeans_empty", "daal4py_centroids_2"), r.centroids, 1e-12, "distributed centroids");
        }
    }

    @Test
    void sameResultOnOneToFourLocalRanks() {
        Matrix x = KMeansData.dense();
        KMeansResult batch = kmeans(10, 25).compute(x, kmeansInit(10).compute(x).centroids);
        for (int ranks = 1; ranks <= 4; ranks++) {
            List<Matrix> parts = KMeansData.split(x, ranks);
            List<KMeansResult> rs = Spmd.local(ranks).call(() -> {
                Matrix mine = parts.get(myProcid());
                KMeansInitResult init = kmeansInit(10).distributed(true).compute(mine);
                return kmeans(10, 25).distributed(true).compute(mine, init.centroids);
            });
            List<Matrix> labels = new ArrayList<>();
            for (int r = 0; r < ranks; r++) {
                KMeansResult res = rs.get(r);
                Fixtures.assertClose(batch.centroids, res.centroids, 1e-10, ranks + " ranks, rank " + r);
                assertEquals(batch.objectiveFunction, res.objectiveFunction, 1e-10 * batch.objectiveFunction);
                assertEquals(25, res.nIterations);
                assertEquals(rs.get(0).centroids, res.centroids, "bit-identical on every rank");
                assertEquals(parts.get(r).rows(), res.assignments.rows());
                labels.add(res.assignments);
            }
            assertEquals(batch.assignments, KMeansData.stack(labels), ranks + " ranks: assignments");
        }
    }

    @Test
    void accuracyThresholdStopsOnTheCentroidShift() {
        Matrix x = KMeansData.dense();
        Matrix c0 = Fixtures.read(DENSE, "daal4py_init");
        double[] shifts = Fixtures.read(DENSE, "shifts").columnAt(0);
        for (int i = 0; i < 4; i++) {
            // just above iteration i's shift (and below the earlier ones): stops after i + 1 iterations
            double threshold = shifts[i] * 1.01;
            KMeansResult r = kmeans(10, 25).accuracyThreshold(threshold).compute(x, c0);
            assertEquals(i + 1, r.nIterations, "threshold " + threshold);
        }
        List<Integer> n = Spmd.local(2).call(() -> kmeans(10, 25).accuracyThreshold(shifts[2] * 1.01).distributed(true)
                .compute(KMeansData.split(x, 2).get(myProcid()), c0).nIterations);
        assertEquals(List.of(3, 3), n);
    }

    @Test
    void resultsToEvaluateAndAssignFlag() {
        Matrix x = Fixtures.read("kmeans_blobs", "data");
        Matrix c0 = Fixtures.read("kmeans_blobs", "init");
        KMeansResult only = kmeans(4, 5).resultsToEvaluate("computeCentroids").compute(x, c0);
        assertNull(only.assignments);
        assertTrue(Double.isNaN(only.objectiveFunction));
        KMeansResult flagged = kmeans(4, 5).resultsToEvaluate("computeCentroids").assignFlag(true).compute(x, c0);
        assertNotNull(flagged.assignments);
        assertEquals(only.centroids, flagged.centroids);
        KMeansResult all = kmeans(4, 5).compute(x, c0);
        assertEquals(flagged.assignments, all.assignments);
        assertArrayEquals(all.assignmentsAsInts(), flagged.assignmentsAsInts());
        KMeansResult none = kmeans(4, 0).compute(x, c0);
        assertEquals(c0, none.centroids);
        assertEquals(0, none.nIterations);
        assertTrue(all.toString().contains("objectiveFunction"));
    }

    @Test
    void listenerSeesEachIterationsObjective() {
        Matrix x = KMeansData.dense();
        Matrix c0 = Fixtures.read(DENSE, "daal4py_init");
        List<double[]> seen = new ArrayList<>();
        kmeans(10, 4).onIteration((it, obj) -> seen.add(new double[] {it, obj})).compute(x, c0);
        assertEquals(4, seen.size());
        for (int i = 2; i <= 4; i++) {
            // iteration i starts from the centroids daal4py has after i - 1 iterations
            assertEquals(i, (int) seen.get(i - 1)[0]);
            assertEquals(KMeansData.scalar(DENSE, "daal4py_objective_" + (i - 1)), seen.get(i - 1)[1], 1e-9 * seen.get(i - 1)[1]);
        }
    }

    @Test
    void movingRowsBetweenClustersSumsAsRecomputingEveryIteration() {
        // without a listener each step moves only the rows that changed cluster (sums refreshed
        // every 16 iterations); with one, every step sums all rows: 60 iterations agree
        Matrix x = KMeansData.dense();
        Matrix c0 = Fixtures.read(DENSE, "daal4py_init");
        KMeansResult moved = kmeans(10, 60).compute(x, c0);
        KMeansResult summed = kmeans(10, 60).onIteration((it, obj) -> { }).compute(x, c0);
        Fixtures.assertClose(summed.centroids, moved.centroids, 1e-12, "centroids");
        assertEquals(summed.assignments, moved.assignments);
        assertEquals(summed.objectiveFunction, moved.objectiveFunction, 1e-12 * summed.objectiveFunction);
        assertEquals(60, moved.nIterations);
    }
}
