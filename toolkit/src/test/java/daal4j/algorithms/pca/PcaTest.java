package daal4j.algorithms.pca;

import static daal4j.Daal4j.normalizationZscore;
import static daal4j.Daal4j.pca;
import static daal4j.Daal4j.pcaTransform;
import static daal4j.algorithms.qr.Decomp.assertClose;
import static daal4j.algorithms.qr.Decomp.fixture;
import static daal4j.algorithms.qr.Decomp.split;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.data.Csv;
import daal4j.data.Matrix;
import daal4j.spmd.Spmd;
import daal4j.spmd.SpmdException;
import daal4j.testing.TestData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PcaTest {

    private static final Matrix X = fixture("tall");
    private static final Matrix TEST = fixture("tall.test");

    private static Pca svdDense() {
        return pca().method("svdDense").isDeterministic(true).resultsToCompute("mean|variance|eigenvalue");
    }

    private static void assertMatchesDaal4py(String tag, PcaResult r) {
        assertClose(fixture(tag + ".eigenvalues"), r.eigenvalues, 1e-10, tag + " eigenvalues");
        assertClose(fixture(tag + ".eigenvectors"), r.eigenvectors, 1e-9, tag + " eigenvectors");
        assertClose(fixture(tag + ".means"), r.means, 1e-12, tag + " means");
        assertClose(fixture(tag + ".variances"), r.variances, 1e-10, tag + " variances");
        for (int k : new int[] {7, 3}) {
            Matrix t = pcaTransform(k).compute(TEST, r.eigenvectors, r.dataForTransform).transformedData;
            assertClose(fixture(tag + ".transformedData" + k), t, 1e-9, tag + " transform " + k);
        }
    }

    @Test
    void svdDenseMatchesNumpyAndDaal4py() {
        PcaResult r = svdDense().compute(X);
        assertClose(fixture("tall.svd.eigenvalues"), r.eigenvalues, 1e-10, "singular values of z-scored data");
        assertClose(fixture("tall.svd.eigenvectors"), r.eigenvectors, 1e-10, "right singular vectors");
        assertMatchesDaal4py("daal4py.svdDense.default", r);
        assertMatchesDaal4py("daal4py.svdDense.doScale", svdDense().doScale(true).compute(X));
        assertMatchesDaal4py("daal4py.svdDense.center",
                svdDense().normalization(normalizationZscore().doScale(false)).compute(X));
        assertClose(fixture("daal4py.svdDense.default.eigenvalues"),
                svdDense().normalization(normalizationZscore().doScale(true)).compute(X).eigenvalues, 1e-10,
                "explicit z-score with scaling = default");

        PcaResult three = pca().method("svdDense").isDeterministic(true).nComponents(3).compute(X);
        assertClose(fixture("daal4py.svdDense.nComponents3.eigenvalues"), three.eigenvalues, 1e-10, "3 values");
        assertClose(fixture("daal4py.svdDense.nComponents3.eigenvectors"), three.eigenvectors, 1e-9, "3 vectors");
        assertNull(three.means);
        assertNull(three.variances);
        assertEquals(3, three.dataForTransform.size());
        assertNull(three.dataForTransform.get("eigenvalue"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void svdDenseIsSplitIndependent(int ranks) {
        List<Matrix> parts = split(X, ranks);
        List<PcaResult> results = Spmd.local(ranks).call(() ->
                svdDense().distributed(true).compute(parts.get(Spmd.current().rank())));
        for (PcaResult r : results) {
            assertMatchesDaal4py("daal4py.svdDense.default", r);
            assertEquals(results.get(0).eigenvectors, r.eigenvectors, "identical on every rank");
        }
    }

    @Test
    void svdDenseOnDaal4pyExampleFiles() {
        Matrix batch = Csv.read(TestData.example("batch/pca_normalized.csv"));
        String pattern = TestData.example("distributed/pca_normalized_{}.csv").toString();
        List<PcaResult> results = Spmd.local(4).call(() ->
                svdDense().distributed(true).compute(pattern, Spmd.current().rank() + 1));
        PcaResult whole = svdDense().compute(batch);
        for (PcaResult r : results) {
            assertClose(whole.eigenvalues, r.eigenvalues, 1e-10, "eigenvalues");
            assertClose(whole.eigenvectors, r.eigenvectors, 1e-10, "eigenvectors");
            assertClose(whole.variances, r.variances, 1e-10, "variances");
        }
    }

    @Test
    void transformOptionsMatchDaal4py() {
        Matrix e = fixture("daal4py.correlationDense.default.eigenvectors");
        Map<String, Matrix> d = new HashMap<>();
        d.put("mean", fixture("daal4py.correlationDense.default.means"));
        d.put("variance", fixture("daal4py.correlationDense.default.variances"));
        assertClose(fixture("daal4py.transform.meanVariance"), pcaTransform().compute(TEST, e, d).transformedData,
                1e-10, "centered and scaled");
        d.remove("variance");
        assertClose(fixture("daal4py.transform.mean"), pcaTransform(7).compute(TEST, e, d).transformedData,
                1e-10, "centered");
        assertClose(fixture("daal4py.transform.none"), pcaTransform().compute(TEST, e, Map.of()).transformedData,
                1e-10, "projection only");
        assertThrows(IllegalArgumentException.class, () -> pcaTransform(8).compute(TEST, e, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> pcaTransform().compute(TEST, e, Map.of("means", e)));
        assertThrows(IllegalArgumentException.class,
                () -> pcaTransform().compute(TEST.transpose(), e, Map.of()));
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> pca().method("eigDense"));
        assertThrows(IllegalArgumentException.class, () -> pca().resultsToCompute("mean|eigenvectors"));
        assertThrows(IllegalArgumentException.class, () -> pca().method("svdDense").nComponents(8).compute(X));
        double[] d = X.toRowMajor();
        d[40] = Double.NaN;
        Matrix nan = Matrix.wrap(X.rows(), X.cols(), d);
        List<String> messages = Spmd.local(2).call(() -> {
            try {
                pca().method("svdDense").distributed(true).compute(Spmd.current().rank() == 1 ? nan : X);
                return "no error";
            } catch (SpmdException e) {
                return e.getMessage();
            }
        });
        assertEquals(messages.get(0), messages.get(1));
        assertTrue(messages.get(0).startsWith("rank 1: pca data: NaN at row 5, column 5"), messages.get(0));
    }

    @Test
    void svdDenseConstantColumnStaysZeroAsDaal4py() {
        double[] d = X.toRowMajor();
        for (int i = 0; i < X.rows(); i++) {
            d[i * 7 + 2] = 4.5;
        }
        PcaResult r = svdDense().compute(Matrix.wrap(X.rows(), 7, d));
        assertEquals(0.0, r.variances.get(0, 2), 1e-20);
        assertTrue(r.eigenvalues.get(0, 6) < 1e-10, "a zero singular value for the constant column");
        assertEquals(1.0, Math.abs(r.eigenvectors.get(6, 2)), 1e-12);
    }
}
