package daal4j.algorithms.qr;

import static daal4j.Daal4j.qr;
import static daal4j.algorithms.qr.Decomp.assertClose;
import static daal4j.algorithms.qr.Decomp.assertOrthonormalColumns;
import static daal4j.algorithms.qr.Decomp.assertRowsEqualUpToSign;
import static daal4j.algorithms.qr.Decomp.fixture;
import static daal4j.algorithms.qr.Decomp.golden;
import static daal4j.algorithms.qr.Decomp.split;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.algorithms.summaries.Tsqr;
import daal4j.data.Csv;
import daal4j.data.Matrix;
import daal4j.linalg.Products;
import daal4j.spmd.Spmd;
import daal4j.spmd.SpmdException;
import daal4j.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QrTest {

    private static final Matrix X = fixture("tall");

    @Test
    void batchMatchesNumpy() {
        QrResult r = qr().compute(X);
        assertClose(fixture("tall.matrixR"), r.matrixR, 1e-12, "R vs numpy");
        assertOrthonormalColumns(r.matrixQ, 1e-12, "Q");
        assertClose(X, Products.multiply(r.matrixQ, r.matrixR), 1e-12, "QR = X");
        for (int i = 0; i < r.matrixR.rows(); i++) {
            assertTrue(r.matrixR.get(i, i) >= 0, "non-negative diagonal");
            for (int j = 0; j < i; j++) {
                assertEquals(0.0, r.matrixR.get(i, j), "upper triangular");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void distributedOnLocalRanksIsSplitIndependent(int ranks) {
        List<Matrix> parts = split(X, ranks);
        List<QrResult> results = Spmd.local(ranks).call(() ->
                qr().distributed(true).compute(parts.get(Spmd.current().rank())));
        Matrix r0 = results.get(0).matrixR;
        assertClose(fixture("tall.matrixR"), r0, 1e-10, "R on " + ranks + " ranks");
        List<Matrix> qs = new ArrayList<>();
        for (int r = 0; r < ranks; r++) {
            QrResult res = results.get(r);
            assertEquals(r0, res.matrixR, "R identical on every rank");
            assertEquals(parts.get(r).rows(), res.matrixQ.rows(), "Q holds the local rows");
            assertClose(parts.get(r), Products.multiply(res.matrixQ, res.matrixR), 1e-12, "rank " + r + ": Q R");
            qs.add(res.matrixQ);
        }
        assertOrthonormalColumns(Matrix.stack(qs), 1e-12, "Q over all ranks");
    }

    @Test
    void streamingAndStreamingDistributed() {
        Qr batchless = qr().streaming(true);
        for (int from = 0; from < X.rows(); from += 300) {
            assertNull(batchless.compute(X.rowRange(from, Math.min(X.rows(), from + 300))));
        }
        QrResult s = batchless.finalizeCompute();
        assertClose(fixture("tall.matrixR"), s.matrixR, 1e-10, "streaming R");
        assertClose(X, Products.multiply(s.matrixQ, s.matrixR), 1e-12, "streaming Q R covers all chunks");
        assertOrthonormalColumns(s.matrixQ, 1e-12, "streaming Q");

        List<Matrix> parts = split(X, 3);
        List<QrResult> results = Spmd.local(3).call(() -> {
            Matrix mine = parts.get(Spmd.current().rank());
            Qr alg = qr().distributed(true).streaming(true);
            int half = mine.rows() / 2;
            alg.compute(mine.rowRange(0, half));
            alg.compute(mine.rowRange(half, mine.rows()));
            return alg.finalizeCompute();
        });
        for (int r = 0; r < 3; r++) {
            assertClose(fixture("tall.matrixR"), results.get(r).matrixR, 1e-10, "distributed streaming R");
            assertClose(parts.get(r), Products.multiply(results.get(r).matrixQ, results.get(r).matrixR), 1e-12,
                    "rank " + r + " Q R");
        }
    }

    @Test
    void manyBlocksPerRank() {
        // more rows than one LAPACK block, so the local block merge is exercised
        Random rnd = new Random(7);
        int n = 3 * Tsqr.BLOCK_ROWS + 123;
        double[] d = new double[n * 5];
        for (int k = 0; k < d.length; k++) {
            d[k] = rnd.nextGaussian() + (k % 5) * 3;
        }
        Matrix x = Matrix.wrap(n, 5, d);
        List<QrResult> results = Spmd.local(2).call(() -> {
            int rank = Spmd.current().rank();
            return qr().distributed(true).compute(rank == 0 ? x.rowRange(0, 5000) : x.rowRange(5000, n));
        });
        Matrix r = results.get(0).matrixR;
        assertClose(Products.gram(x), Products.gram(r), 1e-10, "R'R = X'X");
        assertClose(x.rowRange(0, 5000), Products.multiply(results.get(0).matrixQ, r), 1e-12, "rank 0 Q R");
        assertClose(x.rowRange(5000, n), Products.multiply(results.get(1).matrixQ, r), 1e-12, "rank 1 Q R");
        assertOrthonormalColumns(Matrix.stack(List.of(results.get(0).matrixQ, results.get(1).matrixQ)), 1e-12, "Q");
        assertClose(r, qr().compute(x).matrixR, 1e-10, "batch R");
    }

    @Test
    void daal4pyExampleFilesOnFourRanks() {
        Matrix batch = Csv.read(TestData.example("batch/qr.csv"));
        String pattern = TestData.example("distributed/qr_{}.csv").toString();
        List<QrResult> results = Spmd.local(4).call(() ->
                qr().distributed(true).compute(pattern, Spmd.current().rank() + 1));
        QrResult whole = qr().compute(batch);
        for (QrResult r : results) {
            assertClose(whole.matrixR, r.matrixR, 1e-10, "4-rank R vs batch R");
        }
        assertClose(batch.rowRange(0, 4000), Products.multiply(results.get(0).matrixQ, whole.matrixR), 1e-10, "Q R");
        assertClose(Products.gram(batch), Products.gram(whole.matrixR), 1e-12, "R'R = X'X");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void matchesDaal4pyGoldenUpToSigns(int ranks) {
        // daal4py keeps LAPACK's signs (a negative diagonal here); daal4j's R has a
        // non-negative one: equal up to one sign per row of R and the same column of Q
        String pattern = TestData.example("distributed/qr_{}.csv").toString();
        Matrix batch = Csv.read(TestData.example("batch/qr.csv"));
        List<QrResult> results = Spmd.local(ranks).call(() -> ranks == 1 ? qr().compute(batch)
                : qr().distributed(true).compute(pattern, Spmd.current().rank() + 1));
        QrResult r = results.get(0);
        double[] signs = assertRowsEqualUpToSign(golden("qr", "matrixR"), r.matrixR, 1e-9, "R");
        Matrix qHead = r.matrixQ.rowRange(0, 100).scaleColumns(signs);
        assertClose(golden("qr", "matrixQ_head100"), qHead, 1e-9, "first 100 rows of Q");
    }

    @Test
    void badInputFailsEveryRankAlike() {
        Matrix bad = X.rowRange(0, 100);
        double[] d = bad.toRowMajor();
        d[5 * bad.cols() + 2] = Double.NaN;
        Matrix withNan = Matrix.wrap(bad.rows(), bad.cols(), d);
        List<Throwable> errors = Spmd.local(3).call(() -> {
            int rank = Spmd.current().rank();
            try {
                qr().distributed(true).compute(rank == 2 ? withNan : X.rowRange(100 * rank, 100 * rank + 100));
                return null;
            } catch (SpmdException e) {
                return e;
            }
        });
        for (Throwable e : errors) {
            SpmdException s = (SpmdException) e;
            assertEquals(2, s.failedRank());
            assertTrue(s.isBadInput());
            assertTrue(s.getMessage().contains("NaN at row 5, column 2"), s.getMessage());
        }

        List<String> messages = Spmd.local(2).call(() -> {
            int rank = Spmd.current().rank();
            try {
                qr().distributed(true).compute(rank == 0 ? X.rowRange(0, 10) : Matrix.zeros(10, 3));
                return "no error";
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        });
        assertEquals(messages.get(0), messages.get(1));
        assertTrue(messages.get(0).contains("rank 1 has 3 columns, rank 0 has 7"), messages.get(0));

        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> qr().compute(X.rowRange(0, 3)));
        assertTrue(few.getMessage().contains("3 rows, 7 columns"), few.getMessage());
        assertThrows(IllegalArgumentException.class, () -> qr().method("svdDense"));
        assertThrows(IllegalStateException.class, () -> qr().finalizeCompute());
    }

    @Test
    void aRankWithoutRowsMayGiveAnEmptyArray() {
        List<QrResult> results = Spmd.local(2).call(() -> Spmd.current().rank() == 0
                ? qr().distributed(true).compute(X) : qr().distributed(true).compute(new double[0][]));
        assertClose(fixture("tall.matrixR"), results.get(1).matrixR, 1e-10, "R on the empty rank");
        assertEquals(0, results.get(1).matrixQ.rows());
        assertEquals(7, results.get(1).matrixQ.cols());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> qr().compute(new double[0][]));
        assertTrue(none.getMessage().contains("no rows"), none.getMessage());
    }

    @Test
    void rankDeficientDataStillFactors() {
        double[] d = X.toRowMajor();
        for (int i = 0; i < X.rows(); i++) {
            d[i * 7 + 3] = 2 * d[i * 7 + 1] - d[i * 7 + 5]; // column 3 depends on 1 and 5
        }
        Matrix x = Matrix.wrap(X.rows(), 7, d);
        QrResult r = qr().compute(x);
        assertClose(x, Products.multiply(r.matrixQ, r.matrixR), 1e-10, "Q R");
        // the last of the dependent columns (5) adds nothing new: its diagonal entry vanishes
        assertTrue(Math.abs(r.matrixR.get(5, 5)) < 1e-9 * r.matrixR.get(0, 0), "R[5,5] ~ 0: " + r.matrixR.get(5, 5));
    }
}
