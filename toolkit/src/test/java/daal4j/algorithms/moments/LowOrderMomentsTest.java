package daal4j.algorithms.moments;

import static daal4j.Daal4j.lowOrderMoments;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;
import static daal4j.testing.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.data.Csv;
import daal4j.data.Matrix;
import daal4j.examples.Examples;
import daal4j.spmd.Spmd;
import daal4j.spmd.SpmdException;
import daal4j.testing.Fixtures;
import daal4j.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LowOrderMomentsTest {

    static final String[] FIELDS = {"minimum", "maximum", "sum", "sumSquares", "sumSquaresCentered", "mean",
        "secondOrderRawMoment", "variance", "standardDeviation", "variation"};

    private static Matrix example() {
        return Csv.read(TestData.example("batch/covcormoments_dense.csv"));
    }

    /** Every field against the exact reference of fixture {@code name}. */
    static void assertMatchesReference(String name, LowOrderMomentsResult r, double tol) {
        for (String f : FIELDS) {
            assertClose(Fixtures.read("moments", name + "." + f), (Matrix) r.get(f), tol, name + "." + f);
        }
    }

    @Test
    void batchMatchesTheExactReference() {
        assertMatchesReference("covcormoments_dense", lowOrderMoments().compute(example()), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void everySplitOverLocalRanksEqualsOneRank(int ranks) {
        Matrix x = example();
        LowOrderMomentsResult one = lowOrderMoments().compute(x);
        List<LowOrderMomentsResult> all = Spmd.local(ranks).call(() ->
                lowOrderMoments().distributed(true).compute(Examples.slice(x, myProcid(), numProcs())));
        for (LowOrderMomentsResult r : all) {
            for (String f : FIELDS) {
                assertClose((Matrix) one.get(f), (Matrix) r.get(f), 1e-10, ranks + " ranks: " + f);
            }
        }
        // every rank holds the bit-identical result
        for (String f : FIELDS) {
            assertEquals(all.get(0).get(f), all.get(ranks - 1).get(f), f);
        }
    }

    @Test
    void unevenSplitsAgreeToo() {
        Matrix x = example();
        int[] cuts = {0, 7, 150, 151, 200};
        List<LowOrderMomentsResult> all = Spmd.local(4).call(() ->
                lowOrderMoments().distributed(true).compute(x.rowRange(cuts[myProcid()], cuts[myProcid() + 1])));
        assertMatchesReference("covcormoments_dense", all.get(3), 1e-10);
    }

    @Test
    void streamingOverChunksEqualsBatch() {
        Matrix x = example();
        LowOrderMoments algo = lowOrderMoments().streaming(true);
        for (int from = 0; from < x.rows(); from += 37) {
            assertNull(algo.compute(x.rowRange(from, Math.min(x.rows(), from + 37))));
        }
        assertMatchesReference("covcormoments_dense", algo.finalizeCompute(), 1e-10);
    }

    @Test
    void distributedAndStreamingCompose() {
        Matrix x = example();
        List<LowOrderMomentsResult> all = Spmd.local(2).call(() -> {
            Matrix mine = Examples.slice(x, myProcid(), numProcs());
            LowOrderMoments algo = lowOrderMoments().distributed(true).streaming(true);
            for (int from = 0; from < mine.rows(); from += 30) {
                algo.compute(mine.rowRange(from, Math.min(mine.rows(), from + 30)));
            }
            return algo.finalizeCompute();
        });
        assertMatchesReference("covcormoments_dense", all.get(1), 1e-10);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void constantColumnsHaveZeroVariance(int ranks) {
        Matrix x = Fixtures.read("moments", "constant");
        LowOrderMomentsResult r = Spmd.local(ranks).call(() ->
                lowOrderMoments().distributed(true).compute(Examples.slice(x, myProcid(), numProcs()))).get(0);
        assertEquals(0.0, r.variance.get(0, 0));
        assertEquals(0.0, r.variance.get(0, 2));
        assertEquals(0.0, r.variation.get(0, 0));
        assertMatchesReference("constant", r, 1e-12);
    }

    /**
     * A NaN makes its column's moments NaN, extremes included; an infinity makes the sums
     * infinite and is the extreme; other columns keep their values. Data spans several blocks
     * of the pass, the NaN and the infinity deep inside one.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void nanAndInfinityColumnsAndTheOthersUntouched(int ranks) {
        int n = 5000;
        int p = 5;
        double[] v = new double[n * p];
        java.util.Random rnd = new java.util.Random(3);
        for (int k = 0; k < v.length; k++) {
            v[k] = rnd.nextGaussian();
        }
        v[3001 * p + 1] = Double.NaN;
        v[2500 * p + 3] = Double.POSITIVE_INFINITY;
        Matrix x = Matrix.wrap(n, p, v);
        double[] clean = v.clone();
        for (int i = 0; i < n; i++) {
            clean[i * p + 1] = 0;
            clean[i * p + 3] = 0;
        }
        LowOrderMomentsResult ref = lowOrderMoments().compute(Matrix.wrap(n, p, clean));
        LowOrderMomentsResult r = Spmd.local(ranks).call(() ->
                lowOrderMoments().distributed(true).compute(Examples.slice(x, myProcid(), numProcs()))).get(0);
        for (String f : new String[] {"minimum", "maximum", "sum", "sumSquares", "mean"}) {
            Matrix m = (Matrix) r.get(f);
            assertTrue(Double.isNaN(m.get(0, 1)), f + " of the NaN column: " + m.get(0, 1));
            for (int j : new int[] {0, 2, 4}) {
                double want = ((Matrix) ref.get(f)).get(0, j);
                assertEquals(want, m.get(0, j), 1e-10 * (1 + Math.abs(want)), f + " of column " + j);
            }
        }
        assertEquals(Double.POSITIVE_INFINITY, r.maximum.get(0, 3));
        assertEquals(Double.POSITIVE_INFINITY, r.sum.get(0, 3));
        assertEquals(Double.POSITIVE_INFINITY, r.sumSquares.get(0, 3));
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, i == 2500 ? min : v[i * p + 3]);
        }
        assertEquals(min, r.minimum.get(0, 3));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void valuesNear1e15KeepTheirVariance(int ranks) {
        Matrix x = Fixtures.read("moments", "near1e15");
        LowOrderMomentsResult r = Spmd.local(ranks).call(() ->
                lowOrderMoments().distributed(true).compute(Examples.slice(x, myProcid(), numProcs()))).get(0);
        assertClose(Fixtures.read("moments", "near1e15.variance"), r.variance, 1e-9, "variance");
        assertClose(Fixtures.read("moments", "near1e15.sumSquaresCentered"), r.sumSquaresCentered, 1e-9, "ssc");
        assertClose(Fixtures.read("moments", "near1e15.mean"), r.mean, 1e-15, "mean");
    }

    /**
     * Data whose mean drifts far across the blocks of the one-pass sums (trends, a step):
     * against exact decimal arithmetic, on 1 and 3 ranks.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void driftingDataKeepsItsVariance(int ranks) {
        int n = 10_000;
        java.util.Random rnd = new java.util.Random(7);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            double noise = rnd.nextGaussian();
            // a trend, a reversed one, a trend far from zero, mixed signs, and a step of 1e8
            rows[i] = new double[] {1e6 * i + noise, -3e3 * i + noise, 1e15 + 4 * i, noise * (i % 97),
                (i < 6000 ? 0 : 1e8) + noise};
        }
        Matrix x = Matrix.of(rows);
        LowOrderMomentsResult r = Spmd.local(ranks).call(() ->
                lowOrderMoments().distributed(true).compute(Examples.slice(x, myProcid(), numProcs()))).get(0);
        for (int j = 0; j < x.cols(); j++) {
            java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
            java.math.BigDecimal squares = java.math.BigDecimal.ZERO;
            double sumAbs = 0; // a sum's rounding scales with the sum of the magnitudes, not with its own size
            for (int i = 0; i < n; i++) {
                java.math.BigDecimal v = new java.math.BigDecimal(x.get(i, j));
                sumAbs += Math.abs(x.get(i, j));
                sum = sum.add(v);
                squares = squares.add(v.multiply(v));
            }
            java.math.MathContext mc = java.math.MathContext.DECIMAL128;
            java.math.BigDecimal mean = sum.divide(java.math.BigDecimal.valueOf(n), mc);
            double centered = squares.subtract(mean.multiply(sum, mc), mc).doubleValue();
            assertEquals(centered, r.sumSquaresCentered.get(0, j), 1e-12 * centered, "centered squares, column " + j);
            assertEquals(mean.doubleValue(), r.mean.get(0, j), 1e-15 * sumAbs / n, "mean " + j);
            assertEquals(sum.doubleValue(), r.sum.get(0, j), 1e-15 * sumAbs, "sum " + j);
            assertEquals(squares.doubleValue(), r.sumSquares.get(0, j), 1e-14 * squares.doubleValue(), "squares " + j);
        }
    }

    @Test
    void oneRowPerRankAndARankWithNoRows() {
        Matrix x = example().rowRange(0, 4);
        LowOrderMomentsResult batch = lowOrderMoments().compute(x);
        LowOrderMomentsResult oneEach = Spmd.local(4).call(() ->
                lowOrderMoments().distributed(true).compute(x.rowRange(myProcid(), myProcid() + 1))).get(0);
        LowOrderMomentsResult oneEmpty = Spmd.local(3).call(() -> lowOrderMoments().distributed(true)
                .compute(myProcid() == 1 ? Matrix.zeros(0, 10) : x.rowRange(myProcid() == 0 ? 0 : 2, myProcid() == 0 ? 2 : 4)))
                .get(2);
        for (String f : FIELDS) {
            assertClose((Matrix) batch.get(f), (Matrix) oneEach.get(f), 1e-12, f);
            assertClose((Matrix) batch.get(f), (Matrix) oneEmpty.get(f), 1e-12, f);
        }
    }

    @Test
    void featureCountsThatDifferAcrossRanksFailEveryRank() {
        Matrix x = example();
        List<String> errors = Spmd.local(3).call(() -> assertThrows(IllegalArgumentException.class, () ->
                lowOrderMoments().distributed(true).compute(myProcid() == 2 ? x.rowRange(0, 5).transpose() : x))
                .getMessage());
        assertEquals(List.of(errors.get(0), errors.get(0), errors.get(0)), errors);
        assertEquals("rank 2 does not match ranks 0..1: feature counts differ: 10 and 5 columns", errors.get(0));
    }

    @Test
    void aMissingFileOnOneRankFailsEveryRank() {
        SpmdException e = assertThrows(SpmdException.class, () -> Spmd.local(4).run(() ->
                lowOrderMoments().distributed(true).compute(
                        TestData.example("distributed/svd_{}.csv").toString().replace("svd_{}", myProcid() == 3 ? "nope_{}" : "svd_{}"),
                        myProcid() + 1)));
        assertEquals("rank 3: " + TestData.example("distributed/nope_4.csv") + ": no such file", e.getMessage());
    }

    @Test
    void perRankFilesGiveTheMomentsOfTheirUnion(@TempDir Path dir) throws Exception {
        Matrix x = example();
        for (int r = 0; r < 4; r++) {
            StringBuilder s = new StringBuilder();
            Matrix part = Examples.slice(x, r, 4);
            for (int i = 0; i < part.rows(); i++) {
                for (int j = 0; j < part.cols(); j++) {
                    s.append(Double.toString(part.get(i, j))).append(',');
                }
                s.append('\n');
            }
            Files.writeString(dir.resolve("part" + r + ".csv"), s);
        }
        String pattern = dir.resolve("part{}.csv").toString();
        LowOrderMomentsResult r = Spmd.local(4).call(() ->
                lowOrderMoments().distributed(true).compute(pattern, myProcid())).get(0);
        assertMatchesReference("covcormoments_dense", r, 1e-10);
    }

    @Test
    void tablesAndArraysAreAcceptedAsData() {
        Matrix x = example();
        assertMatchesReference("covcormoments_dense", lowOrderMoments().compute(x.toTable()), 1e-12);
        assertMatchesReference("covcormoments_dense", lowOrderMoments().compute(x.toArray()), 1e-12);
        assertMatchesReference("covcormoments_dense",
                lowOrderMoments().compute(TestData.example("batch/covcormoments_dense.csv").toString()), 1e-12);
    }

    @Test
    void estimatesToComputeLimitsTheResult() {
        LowOrderMomentsResult minMax = lowOrderMoments().estimatesToCompute("estimatesMinMax").compute(example());
        assertNotNull(minMax.minimum);
        assertNull(minMax.mean);
        LowOrderMomentsResult meanVar = lowOrderMoments().estimatesToCompute("estimatesMeanVariance").compute(example());
        assertNull(meanVar.maximum);
        assertMatchesReference("covcormoments_dense", lowOrderMoments().method("sumDense").compute(example()), 1e-12);
        assertMatchesReference("covcormoments_dense", lowOrderMoments().method("singlePassDense").compute(example()), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> lowOrderMoments().method("fastCsr"));
        assertThrows(IllegalArgumentException.class, () -> lowOrderMoments().estimatesToCompute("everything"));
    }

    @Test
    void finalizeWithoutChunksOrOutsideStreamingIsAnError() {
        assertThrows(IllegalStateException.class, () -> lowOrderMoments().finalizeCompute());
        assertThrows(IllegalStateException.class, () -> lowOrderMoments().streaming(true).finalizeCompute());
    }
}
