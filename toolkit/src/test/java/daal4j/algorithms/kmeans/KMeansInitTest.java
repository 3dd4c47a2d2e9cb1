package daal4j.algorithms.kmeans;

import static daal4j.Daal4j.kmeansInit;
import static daal4j.Daal4j.myProcid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.data.Matrix;
import daal4j.spmd.Spmd;
import daal4j.testing.Fixtures;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The four initializations: daal4py's definitions, and independence of the number of ranks. */
class KMeansInitTest {

    private static final List<String> RANDOM_METHODS = List.of("randomDense", "plusPlusDense", "parallelPlusDense");

    /** Sum over rows of the squared distance to the nearest centroid. */
    static double potential(Matrix x, Matrix c) {
        double s = 0;
        for (int i = 0; i < x.rows(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int l = 0; l < c.rows(); l++) {
                double d = 0;
                for (int j = 0; j < x.cols(); j++) {
                    double t = x.get(i, j) - c.get(l, j);
                    d += t * t;
                }
                best = Math.min(best, d);
            }
            s += best;
        }
        return s;
    }

    @Test
    void defaultDenseIsTheFirstGlobalRowsOnAnyNumberOfRanks() {
        Matrix x = KMeansData.dense().rowRange(0, 40);
        for (int ranks = 1; ranks <= 4; ranks++) {
            // uneven parts: the first ranks hold fewer than nClusters rows
            List<Matrix> parts = KMeansData.split(x, ranks);
            List<Matrix> cs = Spmd.local(ranks).call(() -> kmeansInit(7).distributed(true).compute(parts.get(myProcid())).centroids);
            for (Matrix c : cs) {
                assertEquals(x.rowRange(0, 7), c, ranks + " ranks");
            }
        }
        // a rank without rows takes no part
        List<Matrix> cs = Spmd.local(3).call(() -> kmeansInit(5).distributed(true)
                .compute(myProcid() == 1 ? Matrix.zeros(0, 20) : x.rowRange(myProcid() * 3, myProcid() * 3 + 3)).centroids);
        Matrix expected = KMeansData.stack(List.of(x.rowRange(0, 3), x.rowRange(6, 8)));
        assertEquals(expected, cs.get(0));
        assertEquals(expected, cs.get(2));
    }

    @Test
    void seededMethodsGiveTheSameCentroidsOnOneToFourRanks() {
        Matrix x = KMeansData.dense();
        for (String method : RANDOM_METHODS) {
            for (int trials : new int[] {1, 3}) {
                Matrix batch = kmeansInit(10).method(method).nTrials(trials).seed(42).compute(x).centroids;
                for (int ranks = 2; ranks <= 4; ranks++) {
                    List<Matrix> parts = KMeansData.split(x, ranks);
                    List<Matrix> cs = Spmd.local(ranks).call(() -> kmeansInit(10).method(method).nTrials(trials)
                            .seed(42).distributed(true).compute(parts.get(myProcid())).centroids);
                    for (Matrix c : cs) {
                        assertTrue(batch.approxEquals(c, 1e-10), method + ", nTrials " + trials + ", " + ranks + " ranks");
                    }
                }
                assertRowsOfData(x, batch, method);
                Matrix other = kmeansInit(10).method(method).nTrials(trials).seed(43).compute(x).centroids;
                assertNotEquals(batch, other, method + ": another seed, other centroids");
            }
        }
    }

    private static void assertRowsOfData(Matrix x, Matrix c, String method) {
        Set<List<Double>> rows = new HashSet<>();
        for (int i = 0; i < x.rows(); i++) {
            rows.add(Arrays.stream(x.rowAt(i)).boxed().toList());
        }
        Set<List<Double>> picked = new HashSet<>();
        for (int l = 0; l < c.rows(); l++) {
            List<Double> row = Arrays.stream(c.rowAt(l)).boxed().toList();
            assertTrue(rows.contains(row), method + ": centroid " + l + " is a row of the data");
            picked.add(row);
        }
        assertEquals(c.rows(), picked.size(), method + ": distinct rows");
    }

    @Test
    void potentialWithinDaal4pysSpreadOverTwentySeeds() {
        Matrix x = KMeansData.dense();
        double[] medians = new double[RANDOM_METHODS.size()];
        for (String method : RANDOM_METHODS) {
            double[] ref = Fixtures.read("kmeans_init_spread", method).columnAt(0);
            double[] ours = new double[20];
            for (int s = 0; s < 20; s++) {
                ours[s] = potential(x, kmeansInit(10).method(method).seed(s).compute(x).centroids);
            }
            Arrays.sort(ref);
            Arrays.sort(ours);
            System.out.printf("%s daal4py [%.4g, %.4g] median %.4g; daal4j [%.4g, %.4g] median %.4g%n", method,
                    ref[0], ref[19], (ref[9] + ref[10]) / 2, ours[0], ours[19], (ours[9] + ours[10]) / 2);
            double refMedian = (ref[9] + ref[10]) / 2;
            double median = (ours[9] + ours[10]) / 2;
            assertTrue(median >= ref[0] && median <= ref[19], method + ": median within daal4py's range");
            assertEquals(refMedian, median, 0.05 * refMedian, method + ": median within 5% of daal4py's");
            medians[RANDOM_METHODS.indexOf(method)] = median;
        }
        // seeding by distance beats uniform rows, as it does in daal4py
        assertTrue(medians[1] < medians[0] && medians[2] < medians[0], Arrays.toString(medians));
    }
}
