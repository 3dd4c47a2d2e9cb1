package daal4j.algorithms.kmeans;

import static daal4j.Daal4j.kmeans;
import static daal4j.Daal4j.kmeansInit;
import static daal4j.Daal4j.myProcid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import daal4j.data.Csv;
import daal4j.data.Matrix;
import daal4j.spmd.Spmd;
import daal4j.testing.Fixtures;
import daal4j.testing.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** daal4py 2024.7.0's goldens (toolkit/src/test/golden/make_goldens.py), batch and on 4 local ranks. */
class KMeansGoldenTest {

    private static Matrix golden(String name, String field) {
        return Csv.read(TestData.golden(name).resolve(field + ".csv"));
    }

    private static void assertMatches(String name, KMeansResult r, boolean centroids) {
        if (centroids) {
            Fixtures.assertClose(golden(name, "centroids"), r.centroids, 1e-9, name + " centroids");
        }
        assertEquals(golden(name, "assignments"), r.assignments, name + " assignments");
        double objective = golden(name, "objectiveFunction").get(0, 0);
        assertEquals(objective, r.objectiveFunction, 1e-9 * objective, name + " objectiveFunction");
        assertEquals((int) golden(name, "nIterations").get(0, 0), r.nIterations, name + " nIterations");
    }

    @Test
    void batch() {
        Matrix x = KMeansData.dense();
        Matrix init = kmeansInit(10).method("defaultDense").compute(x).centroids;
        assertEquals(golden("kmeans_init_defaultDense", "centroids"), init);
        assertMatches("kmeans", kmeans(10, 25).assignFlag(true).compute(x, init), true);
        assertMatches("kmeans_accuracyThreshold", kmeans(10, 100).accuracyThreshold(1e-3).assignFlag(true).compute(x, init), true);
        // with maxIterations 0 daal4py leaves its centroids uninitialized: compare the rest
        KMeansResult none = kmeans(10, 0).assignFlag(true).compute(x, init);
        assertMatches("kmeans_maxIterations0", none, false);
        assertEquals(init, none.centroids);
    }

    @Test
    void fourLocalRanksSlicingTheFile() {
        Matrix x = KMeansData.dense();
        List<KMeansResult> rs = Spmd.local(4).call(() -> {
            Matrix mine = x.rowRange(myProcid() * 2500, myProcid() * 2500 + 2500);
            Matrix init = kmeansInit(10).distributed(true).compute(mine).centroids;
            return kmeans(10, 100).accuracyThreshold(1e-3).assignFlag(true).distributed(true).compute(mine, init);
        });
        Matrix expected = golden("kmeans_accuracyThreshold", "assignments");
        for (int r = 0; r < 4; r++) {
            KMeansResult res = rs.get(r);
            Fixtures.assertClose(golden("kmeans_accuracyThreshold", "centroids"), res.centroids, 1e-9, "rank " + r);
            assertEquals(expected.rowRange(r * 2500, r * 2500 + 2500), res.assignments, "rank " + r + " assignments");
            assertEquals(5, res.nIterations);
        }
    }
}
