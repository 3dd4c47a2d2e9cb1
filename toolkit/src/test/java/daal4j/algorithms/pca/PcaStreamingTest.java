package daal4j.algorithms.pca;

import static daal4j.Daal4j.pca;
import static daal4j.algorithms.qr.Decomp.assertClose;
import static daal4j.algorithms.qr.Decomp.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import daal4j.data.Matrix;
import daal4j.spmd.Spmd;
import daal4j.spmd.SpmdException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** pca streaming (daal4j's own: daal4py's pca has none) against one batch compute of all rows. */
class PcaStreamingTest {

    private static final Matrix X = fixture("tall");

    private static Pca pcaOf(String method) {
        return pca().method(method).isDeterministic(true).resultsToCompute("mean|variance|eigenvalue");
    }

    private static void assertSame(PcaResult expected, PcaResult actual, String what) {
        assertClose(expected.eigenvalues, actual.eigenvalues, 1e-10, what + " eigenvalues");
        assertClose(expected.eigenvectors, actual.eigenvectors, 1e-9, what + " eigenvectors");
        assertClose(expected.means, actual.means, 1e-12, what + " means");
        assertClose(expected.variances, actual.variances, 1e-10, what + " variances");
    }

    /** Uneven chunks of X in row order, one of them empty. */
    private static List<Matrix> chunks() {
        int n = X.rows();
        return List.of(X.rowRange(0, 1), X.rowRange(1, n / 3), X.rowRange(n / 3, n / 3),
                X.rowRange(n / 3, n - 5), X.rowRange(n - 5, n));
    }

    @ParameterizedTest
    @ValueSource(strings = {"correlationDense", "svdDense"})
    void chunksEqualBatch(String method) {
        PcaResult batch = pcaOf(method).compute(X);
        Pca streaming = pcaOf(method).streaming(true);
        for (Matrix chunk : chunks()) {
            assertNull(streaming.compute(chunk));
        }
        assertSame(batch, streaming.finalizeCompute(), method + " streaming");
        // a finalize starts afresh: the same chunks again give the same result
        for (Matrix chunk : chunks()) {
            streaming.compute(chunk);
        }
        assertSame(batch, streaming.finalizeCompute(), method + " second stream");
        IllegalStateException none = assertThrows(IllegalStateException.class, streaming::finalizeCompute);
        assertEquals("finalizeCompute() before any compute() call", none.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"correlationDense", "svdDense"})
    void distributedStreamingEqualsBatch(String method) {
        PcaResult batch = pcaOf(method).compute(X);
        int n = X.rows();
        List<PcaResult> byRank = Spmd.local(2).call(() -> {
            Pca p = pcaOf(method).distributed(true).streaming(true);
            Matrix mine = Spmd.current().rank() == 0 ? X.rowRange(0, n / 2) : X.rowRange(n / 2, n);
            p.compute(mine.rowRange(0, 7));
            p.compute(mine.rowRange(7, mine.rows()));
            return p.finalizeCompute();
        });
        assertSame(batch, byRank.get(0), method + " rank 0");
        assertSame(batch, byRank.get(1), method + " rank 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"correlationDense", "svdDense"})
    void aRankWithoutChunksFailsEveryRank(String method) {
        SpmdException e = assertThrows(SpmdException.class, () -> Spmd.local(2).run(() -> {
            Pca p = pcaOf(method).distributed(true).streaming(true);
            if (Spmd.current().rank() == 0) {
                p.compute(X);
            }
            p.finalizeCompute();
        }));
        assertEquals("rank 1: finalizeCompute() before any compute() call", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"correlationDense", "svdDense"})
    void modesAreChecked(String method) {
        assertThrows(IllegalStateException.class, () -> pcaOf(method).finalizeCompute());
        Pca p = pcaOf(method).streaming(true);
        p.compute(X);
        assertThrows(IllegalStateException.class, () -> p.streaming(false));
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
                () -> p.compute(Matrix.zeros(3, X.cols() + 1)));
        assertEquals("feature counts differ: " + X.cols() + " and " + (X.cols() + 1) + " columns", wide.getMessage());
    }
}
