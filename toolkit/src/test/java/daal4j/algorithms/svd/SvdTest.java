package daal4j.algorithms.svd;

import static daal4j.Daal4j.svd;
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

import daal4j.data.Csv;
import daal4j.data.Matrix;
import daal4j.linalg.Products;
import daal4j.spmd.Spmd;
import daal4j.spmd.SpmdException;
import daal4j.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SvdTest {

    private static final Matrix X = fixture("tall");

    /** U diag(s) V'. */
    private static Matrix reconstruct(SvdResult r) {
        double[] s = r.singularValues.rowAt(0);
        return Products.multiply(r.leftSingularMatrix.scaleColumns(s), r.rightSingularMatrix);
    }

    @Test
    void batchMatchesNumpy() {
        SvdResult r = svd().compute(X);
        assertEquals(1, r.singularValues.rows());
        assertClose(fixture("tall.singularValues"), r.singularValues, 1e-12, "singular values");
        assertClose(fixture("tall.rightSingularMatrix"), r.rightSingularMatrix, 1e-10, "V' (rows = right vectors)");
        assertOrthonormalColumns(r.leftSingularMatrix, 1e-12, "U");
        assertClose(X, reconstruct(r), 1e-12, "U S V' = X");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void distributedOnLocalRanksIsSplitIndependent(int ranks) {
        List<Matrix> parts = split(X, ranks);
        List<SvdResult> results = Spmd.local(ranks).call(() ->
                svd().distributed(true).compute(parts.get(Spmd.current().rank())));
        List<Matrix> us = new ArrayList<>();
        for (int r = 0; r < ranks; r++) {
            SvdResult res = results.get(r);
            assertClose(fixture("tall.singularValues"), res.singularValues, 1e-10, "s on " + ranks + " ranks");
            assertClose(fixture("tall.rightSingularMatrix"), res.rightSingularMatrix, 1e-10, "V' on " + ranks);
            assertEquals(results.get(0).singularValues, res.singularValues, "s identical on every rank");
            assertEquals(results.get(0).rightSingularMatrix, res.rightSingularMatrix, "V' identical on every rank");
            assertEquals(parts.get(r).rows(), res.leftSingularMatrix.rows());
            assertClose(parts.get(r), reconstruct(res), 1e-12, "rank " + r + ": U S V' = local rows");
            us.add(res.leftSingularMatrix);
        }
        assertOrthonormalColumns(Matrix.stack(us), 1e-12, "U over all ranks");
    }

    @Test
    void streamingAndNotRequiredMatrices() {
        Svd alg = svd().streaming(true);
        for (int from = 0; from < X.rows(); from += 250) {
            assertNull(alg.compute(X.rowRange(from, from + 250)));
        }
        SvdResult s = alg.finalizeCompute();
        assertClose(fixture("tall.singularValues"), s.singularValues, 1e-10, "streaming s");
        assertClose(X, reconstruct(s), 1e-12, "streaming U S V'");

        SvdResult onlyS = svd().leftSingularMatrix("notRequired").rightSingularMatrix("notRequired").compute(X);
        assertNull(onlyS.leftSingularMatrix);
        assertNull(onlyS.rightSingularMatrix);
        assertClose(fixture("tall.singularValues"), onlyS.singularValues, 1e-12, "s alone");

        List<SvdResult> results = Spmd.local(2).call(() -> {
            Svd a = svd().distributed(true).streaming(true).leftSingularMatrix("notRequired");
            Matrix mine = split(X, 2).get(Spmd.current().rank());
            a.compute(mine.rowRange(0, 100));
            a.compute(mine.rowRange(100, mine.rows()));
            return a.finalizeCompute();
        });
        assertClose(fixture("tall.rightSingularMatrix"), results.get(1).rightSingularMatrix, 1e-10, "V'");
        assertNull(results.get(1).leftSingularMatrix);
        assertThrows(IllegalArgumentException.class, () -> svd().leftSingularMatrix("packed"));
    }

    @Test
    void daal4pyExampleFilesOnFourRanks() {
        Matrix batch = Csv.read(TestData.example("batch/svd.csv"));
        String pattern = TestData.example("distributed/svd_{}.csv").toString();
        List<SvdResult> results = Spmd.local(4).call(() ->
                svd().distributed(true).compute(pattern, Spmd.current().rank() + 1));
        SvdResult whole = svd().compute(batch);
        for (int r = 0; r < 4; r++) {
            assertClose(whole.singularValues, results.get(r).singularValues, 1e-10, "s");
            assertClose(whole.rightSingularMatrix, results.get(r).rightSingularMatrix, 1e-10, "V'");
            assertClose(batch.rowRange(4000 * r, 4000 * r + 4000), reconstruct(results.get(r)), 1e-10, "U S V'");
        }
        assertClose(whole.leftSingularMatrix.rowRange(4000, 8000), results.get(1).leftSingularMatrix, 1e-10, "U");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void matchesDaal4pyGoldenUpToSigns(int ranks) {
        String pattern = TestData.example("distributed/svd_{}.csv").toString();
        Matrix batch = Csv.read(TestData.example("batch/svd.csv"));
        SvdResult r = Spmd.local(ranks).call(() -> ranks == 1 ? svd().compute(batch)
                : svd().distributed(true).compute(pattern, Spmd.current().rank() + 1)).get(0);
        assertClose(golden("svd", "singularValues"), r.singularValues, 1e-9, "singular values");
        double[] signs = assertRowsEqualUpToSign(golden("svd", "rightSingularMatrix"), r.rightSingularMatrix, 1e-9,
                "V' (daal4py's signs are LAPACK's)");
        Matrix uHead = r.leftSingularMatrix.rowRange(0, 100).scaleColumns(signs);
        assertClose(golden("svd", "leftSingularMatrix_head100"), uHead, 1e-9, "first 100 rows of U");
    }

    @Test
    void badInputFailsEveryRankAlike() {
        double[] d = X.rowRange(0, 50).toRowMajor();
        d[3] = Double.POSITIVE_INFINITY;
        Matrix withInf = Matrix.wrap(50, 7, d);
        List<SpmdException> errors = Spmd.local(2).call(() -> {
            try {
                svd().distributed(true).compute(Spmd.current().rank() == 1 ? withInf : X);
                return null;
            } catch (SpmdException e) {
                return e;
            }
        });
        for (SpmdException e : errors) {
            assertEquals(1, e.failedRank());
            assertTrue(e.getMessage().startsWith("rank 1: svd data: Infinity at row 0, column 3"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> svd().compute(X.rowRange(0, 6)));
    }
}
