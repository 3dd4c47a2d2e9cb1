package daal4j.algorithms.covariance;

import static daal4j.Daal4j.covariance;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;
import static daal4j.testing.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.data.Matrix;
import daal4j.examples.Examples;
import daal4j.spmd.Spmd;
import daal4j.spmd.SpmdException;
import daal4j.testing.Fixtures;
import daal4j.testing.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CovarianceTest {

    private static Matrix data(String name) {
        return name.equals("covcormoments_dense")
                ? daal4j.data.Csv.read(TestData.example("batch/covcormoments_dense.csv"))
                : name.equals("near1e15") ? Fixtures.read("moments", "near1e15") : Fixtures.read("covariance", name);
    }

    /** Covariance and mean of a default result, correlation of a correlationMatrix one, against the exact reference. */
    private static void assertMatches(String name, CovarianceResult cov, CovarianceResult cor, double tol) {
        assertClose(Fixtures.read("covariance", name + ".covariance"), cov.covariance, tol, name + ".covariance");
        assertClose(Fixtures.read("covariance", name + ".mean"), cov.mean, tol, name + ".mean");
        assertClose(Fixtures.read("covariance", name + ".correlation"), cor.correlation, tol, name + ".correlation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"covcormoments_dense", "random", "constant"})
    void batchMatchesTheExactReference(String name) {
        Matrix x = data(name);
        assertMatches(name, covariance().compute(x), covariance().outputMatrixType("correlationMatrix").compute(x), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void everySplitOverLocalRanksEqualsOneRank(int ranks) {
        Matrix x = data("random");
        CovarianceResult one = covariance().compute(x);
        List<CovarianceResult> all = Spmd.local(ranks).call(() ->
                covariance().distributed(true).compute(Examples.slice(x, myProcid(), numProcs())));
        for (CovarianceResult r : all) {
            assertClose(one.covariance, r.covariance, 1e-10, ranks + " ranks: covariance");
            assertClose(one.mean, r.mean, 1e-10, ranks + " ranks: mean");
        }
        assertEquals(all.get(0).covariance, all.get(ranks - 1).covariance, "bit-identical on every rank");
        List<CovarianceResult> cor = Spmd.local(ranks).call(() -> covariance().distributed(true)
                .outputMatrixType("correlationMatrix").compute(Examples.slice(x, myProcid(), numProcs())));
        assertMatches("random", all.get(0), cor.get(ranks - 1), 1e-10);
    }

    @Test
    void streamingOverChunksEqualsBatch() {
        Matrix x = data("random");
        Covariance algo = covariance().streaming(true);
        for (int from = 0; from < x.rows(); from += 37) {
            assertNull(algo.compute(x.rowRange(from, Math.min(x.rows(), from + 37))));
        }
        CovarianceResult streamed = algo.finalizeCompute();
        assertClose(covariance().compute(x).covariance, streamed.covariance, 1e-10, "streamed covariance");
        assertMatches("random", streamed, covariance().outputMatrixType("correlationMatrix").compute(x), 1e-10);
    }

    @Test
    void distributedAndStreamingCompose() {
        Matrix x = data("covcormoments_dense");
        List<CovarianceResult> all = Spmd.local(3).call(() -> {
            Matrix mine = Examples.slice(x, myProcid(), numProcs());
            Covariance algo = covariance().distributed(true).streaming(true).outputMatrixType("correlationMatrix");
            for (int from = 0; from < mine.rows(); from += 11) {
                algo.compute(mine.rowRange(from, Math.min(mine.rows(), from + 11)));
            }
            return algo.finalizeCompute();
        });
        assertClose(Fixtures.read("covariance", "covcormoments_dense.correlation"), all.get(2).correlation, 1e-10,
                "correlation");
        assertClose(Fixtures.read("covariance", "covcormoments_dense.mean"), all.get(2).mean, 1e-10, "mean");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void valuesNear1e15KeepTheirCovariance(int ranks) {
        Matrix x = data("near1e15");
        CovarianceResult r = Spmd.local(ranks).call(() ->
                covariance().distributed(true).compute(Examples.slice(x, myProcid(), numProcs()))).get(0);
        // the entries are ~800 and ~10: compare against the scale of the diagonal
        Matrix expected = Fixtures.read("covariance", "near1e15.covariance");
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(expected.get(i, j), r.covariance.get(i, j), 1e-9 * 800, "(" + i + ", " + j + ")");
            }
        }
        assertClose(Fixtures.read("covariance", "near1e15.mean"), r.mean, 1e-15, "mean");
    }

    @Test
    void blocksOfManyColumnsAndUnevenRanks() {
        // more rows than one centered block holds (2^16 / p rows): the Chan merge between blocks
        java.util.Random rnd = new java.util.Random(7);
        int n = 3000;
        int p = 120;
        double[] v = new double[n * p];
        for (int k = 0; k < v.length; k++) {
            v[k] = rnd.nextGaussian() * (1 + k % p) + 1e6 * (k % 3);
        }
        Matrix x = Matrix.wrap(n, p, v);
        CovarianceResult batch = covariance().compute(x);
        assertTwoPass(x, batch, 17, 13, 1e-9);
        int[] cuts = {0, 1, 2000, 2001, n};
        CovarianceResult uneven = Spmd.local(4).call(() ->
                covariance().distributed(true).compute(x.rowRange(cuts[myProcid()], cuts[myProcid() + 1]))).get(1);
        assertClose(batch.covariance, uneven.covariance, 1e-10, "uneven split");
    }

    @Test
    void blocksNearZeroAndFarFromZeroAgreeWithTwoPass() {
        // near-zero means take the raw dsyrk path, the jump to 1e8 the centered one
        java.util.Random rnd = new java.util.Random(11);
        int n = 60000;
        int p = 4;
        double[] v = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                v[i * p + j] = rnd.nextGaussian() * (j + 1) + (i >= 40000 && j == 2 ? 1e8 : 0.3 * j);
            }
        }
        Matrix x = Matrix.wrap(n, p, v);
        for (Matrix part : new Matrix[] {x, x.rowRange(0, 40000)}) {
            assertTwoPass(part, covariance().compute(part), 1, 1, 1e-11);
        }
        CovarianceResult split = Spmd.local(3).call(() ->
                covariance().distributed(true).compute(Examples.slice(x, myProcid(), numProcs()))).get(0);
        assertClose(covariance().compute(x).covariance, split.covariance, 1e-10, "split");
    }

    /**
     * Entries (a, b) with a, b stepping by {@code da}, {@code db} against the two-pass
     * reference (exact mean first, then centered products), relative to sqrt(C_aa C_bb).
     */
    private static void assertTwoPass(Matrix x, CovarianceResult r, int da, int db, double tol) {
        int n = x.rows();
        int p = x.cols();
        double[] mean = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                mean[j] += x.get(i, j) / n;
            }
        }
        for (int a = 0; a < p; a += da) {
            for (int b = 0; b < p; b += db) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += (x.get(i, a) - mean[a]) * (x.get(i, b) - mean[b]);
                }
                assertEquals(s / (n - 1), r.covariance.get(a, b), tol * Math.sqrt(
                        r.covariance.get(a, a) * r.covariance.get(b, b)), "(" + a + ", " + b + ")");
            }
        }
    }

    @Test
    void aRankWithNoRowsAddsNothing() {
        Matrix x = data("covcormoments_dense");
        CovarianceResult r = Spmd.local(3).call(() -> covariance().distributed(true)
                .compute(myProcid() == 1 ? Matrix.zeros(0, 10) : Examples.slice(x, myProcid() / 2, 2))).get(0);
        assertMatches("covcormoments_dense", r, covariance().outputMatrixType("correlationMatrix").compute(x), 1e-10);
    }

    @Test
    void covarianceAndCorrelationAreTheOneMatrixAsked() {
        Matrix x = data("random");
        CovarianceResult cov = covariance().compute(x);
        assertSame(cov.covariance, cov.correlation);
        CovarianceResult cor = covariance().outputMatrixType("correlationMatrix").compute(x);
        assertSame(cor.covariance, cor.correlation);
        for (String m : new String[] {"defaultDense", "singlePassDense", "sumDense"}) {
            assertClose(cov.covariance, covariance().method(m).compute(x).covariance, 0, m);
        }
        assertThrows(IllegalArgumentException.class, () -> covariance().method("fastCsr"));
        assertThrows(IllegalArgumentException.class, () -> covariance().outputMatrixType("correlation"));
        assertTrue(cov.toString().contains("mean"));
    }

    @Test
    void inputsAsTablesArraysAndPerRankFiles() {
        Matrix x = data("covcormoments_dense");
        CovarianceResult cor = covariance().outputMatrixType("correlationMatrix").compute(x);
        assertMatches("covcormoments_dense", covariance().compute(x.toTable()), cor, 1e-12);
        assertMatches("covcormoments_dense", covariance().compute(x.toArray()), cor, 1e-12);
        assertMatches("covcormoments_dense",
                covariance().compute(TestData.example("batch/covcormoments_dense.csv").toString()), cor, 1e-12);
        // the four svd_{1..4} files are one data set split over ranks
        String pattern = TestData.example("distributed/svd_{}.csv").toString();
        CovarianceResult spmd = Spmd.local(4).call(() -> covariance().distributed(true).compute(pattern, myProcid() + 1))
                .get(0);
        Covariance stream = covariance().streaming(true);
        for (int f = 1; f <= 4; f++) {
            stream.compute(pattern, f);
        }
        assertClose(stream.finalizeCompute().covariance, spmd.covariance, 1e-10, "svd files");
    }

    @Test
    void badInputFailsEveryRankAlike() {
        Matrix x = data("covcormoments_dense");
        double[][] withNaN = x.toArray();
        withNaN[17][3] = Double.NaN;
        List<String> errors = Spmd.local(3).call(() -> assertThrows(SpmdException.class, () -> covariance()
                .distributed(true).compute(myProcid() == 2 ? Matrix.of(withNaN) : x)).getMessage());
        assertEquals(List.of("rank 2: data: NaN at row 17, column 3 (values must be finite)"), errors.subList(0, 1));
        assertEquals(errors.get(0), errors.get(2));

        double[][] withInf = x.toArray();
        withInf[0][0] = Double.NEGATIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> covariance().compute(withInf));

        List<String> widths = Spmd.local(2).call(() -> assertThrows(IllegalArgumentException.class, () ->
                covariance().distributed(true).compute(myProcid() == 1 ? x.rowRange(0, 20).transpose() : x))
                .getMessage());
        assertEquals("rank 1 does not match ranks 0..0: feature counts differ: 10 and 20 columns", widths.get(0));
        assertEquals(widths.get(0), widths.get(1));

        assertThrows(IllegalArgumentException.class, () -> covariance().compute(x.rowRange(0, 1)));
        assertThrows(IllegalStateException.class, () -> covariance().streaming(true).finalizeCompute());
    }
}
