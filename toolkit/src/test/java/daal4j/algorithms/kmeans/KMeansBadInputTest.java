package daal4j.algorithms.kmeans;

import static daal4j.Daal4j.kmeans;
import static daal4j.Daal4j.kmeansInit;
import static daal4j.Daal4j.myProcid;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.data.Matrix;
import daal4j.testing.Fixtures;
import daal4j.spmd.SpmdException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Bad input: one clear error on every rank, never a hang. */
class KMeansBadInputTest {

    private static final Matrix X = Fixtures.read("kmeans_blobs", "data");
    private static final Matrix C0 = Fixtures.read("kmeans_blobs", "init");

    /** Runs body on 3 local ranks; every rank must fail with a message containing each of {@code words}. */
    private static void failsOnEveryRank(Callable<Object> body, String... words) {
        for (RuntimeException e : Fixtures.failsOnEveryRank(3, body, words)) {
            if (e instanceof SpmdException se) {
                assertTrue(se.isBadInput(), se.getMessage());
            }
        }
    }

    private static Matrix part() {
        return X.rowRange(myProcid() * 200, myProcid() * 200 + 200);
    }

    @Test
    void batch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kmeansInit(601).compute(X));
        assertTrue(e.getMessage().contains("nClusters = 601 is larger than the number of rows (600)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> kmeans(0, 10));
        assertThrows(IllegalArgumentException.class, () -> kmeansInit(0));
        e = assertThrows(IllegalArgumentException.class, () -> kmeans(4, 10).compute(X, C0.rowRange(0, 3)));
        assertTrue(e.getMessage().contains("inputCentroids have 3 rows, nClusters is 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> kmeans(4, 10).compute(X, Matrix.zeros(4, 3)));
        assertTrue(e.getMessage().contains("inputCentroids have 3 columns, the data has 5"), e.getMessage());
        double[][] nan = X.toArray();
        nan[17][2] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> kmeans(4, 10).compute(nan, C0));
        assertTrue(e.getMessage().contains("NaN at row 17, column 2"), e.getMessage());
        double[][] inf = C0.toArray();
        inf[1][0] = Double.POSITIVE_INFINITY;
        e = assertThrows(IllegalArgumentException.class, () -> kmeans(4, 10).compute(X, inf));
        assertTrue(e.getMessage().contains("inputCentroids: Infinity"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> kmeansInit(3).method("plusPlusSparse"));
        assertThrows(IllegalArgumentException.class, () -> kmeans(3, 3).method("lloydSparse"));
        assertThrows(IllegalArgumentException.class, () -> kmeans(3, 3).resultsToEvaluate("computeEverything"));
        assertThrows(IllegalArgumentException.class, () -> kmeansInit(3).method("parallelPlusDense")
                .oversamplingFactor(0.1).nRounds(5).compute(X));
    }

    @Test
    void tooManyClustersOverAllRanks() {
        failsOnEveryRank(() -> kmeansInit(601).distributed(true).method("plusPlusDense").compute(part()),
                "nClusters = 601 is larger than the number of rows (600 over all 3 ranks)");
        failsOnEveryRank(() -> kmeans(601, 5).distributed(true).compute(part(), Matrix.zeros(601, 5)),
                "nClusters = 601");
    }

    @Test
    void centroidsOfTheWrongWidthOnOneRank() {
        failsOnEveryRank(() -> kmeans(4, 5).distributed(true)
                .compute(part(), myProcid() == 1 ? Matrix.zeros(4, 6) : C0), "rank 1", "inputCentroids have 6 columns, the data has 5");
    }

    @Test
    void featureCountsDifferBetweenRanks() {
        failsOnEveryRank(() -> kmeansInit(4).distributed(true)
                .compute(myProcid() == 2 ? Matrix.zeros(10, 4) : part()), "feature counts differ between ranks", "rank 2 has 4");
    }

    @Test
    void nanOnOneRank() {
        failsOnEveryRank(() -> {
            double[][] mine = part().toArray();
            if (myProcid() == 2) {
                mine[5][1] = Double.NaN;
            }
            return kmeans(4, 5).distributed(true).compute(mine, C0);
        }, "rank 2", "NaN at row 5, column 1");
    }

    /** plusPlusDense checks the values in its first distance pass: the same errors as a check on reading. */
    @Test
    void plusPlusNotFinite() {
        for (int k : new int[] {1, 4}) {
            for (int row : new int[] {0, 17, 599}) {
                double[][] bad = X.toArray();
                bad[row][2] = row == 17 ? Double.NEGATIVE_INFINITY : Double.NaN;
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> kmeansInit(k).method("plusPlusDense").compute(bad));
                assertTrue(e.getMessage().contains("data: " + bad[row][2] + " at row " + row + ", column 2"),
                        e.getMessage());
            }
        }
        // finite values whose distances overflow are not an error
        double[][] huge = X.toArray();
        huge[3][0] = 1e300;
        kmeansInit(4).method("plusPlusDense").compute(huge);
        failsOnEveryRank(() -> {
            double[][] mine = part().toArray();
            if (myProcid() == 1) {
                mine[5][1] = Double.NaN;
            }
            return kmeansInit(4).method("plusPlusDense").distributed(true).compute(mine);
        }, "rank 1", "NaN at row 5, column 1");
    }

    @Test
    void missingFileOnOneRank() {
        failsOnEveryRank(() -> kmeansInit(4).distributed(true).method("parallelPlusDense")
                .compute("/nonexistent/kmeans_{}.csv", myProcid()), "rank 0", "kmeans_0.csv");
    }
}
