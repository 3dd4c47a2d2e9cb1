package daal4j.algorithms;

import static daal4j.Daal4j.covariance;
import static daal4j.Daal4j.linearRegressionTraining;
import static daal4j.Daal4j.lowOrderMoments;
import static daal4j.Daal4j.multinomialNaiveBayesTraining;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;
import static daal4j.Daal4j.pca;
import static daal4j.Daal4j.qr;
import static daal4j.Daal4j.svd;
import static daal4j.testing.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.algorithms.covariance.Covariance;
import daal4j.algorithms.covariance.CovarianceResult;
import daal4j.algorithms.moments.LowOrderMoments;
import daal4j.algorithms.moments.LowOrderMomentsResult;
import daal4j.algorithms.naivebayes.MultinomialNaiveBayesTraining;
import daal4j.algorithms.pca.PcaResult;
import daal4j.algorithms.qr.Qr;
import daal4j.algorithms.qr.QrResult;
import daal4j.algorithms.svd.SvdResult;
import daal4j.algorithms.regression.LinearRegressionTraining;
import daal4j.data.Matrix;
import daal4j.examples.Examples;
import daal4j.spmd.Spmd;
import daal4j.spmd.SpmdException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Algorithm.computeChunks: the rows given chunk by chunk give the batch result (what the Python bridge relies on). */
class ComputeChunksTest {

    private static final int ROWS = 5_000;

    private static Matrix data(int cols, long seed, double shift) {
        Random r = new Random(seed);
        double[] v = new double[ROWS * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = shift + (i % cols + 1) * r.nextGaussian();
        }
        return Matrix.wrap(ROWS, cols, v);
    }

    /** Calls {@code compute} on consecutive row ranges of {@code x} of {@code step} rows (the last shorter). */
    private static void chunks(Matrix x, int step, java.util.function.Consumer<int[]> compute) {
        for (int from = 0; from < x.rows(); from += step) {
            compute.accept(new int[] {from, Math.min(x.rows(), from + step)});
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 999, 5_000})
    void momentsAndCovarianceEqualBatch(int step) {
        Matrix x = data(4, 1, 1e6);
        LowOrderMoments m = lowOrderMoments();
        LowOrderMomentsResult chunked = m.computeChunks(() -> chunks(x, step, r -> m.compute(x.rowRange(r[0], r[1]))));
        LowOrderMomentsResult batch = lowOrderMoments().compute(x);
        for (String f : List.of("minimum", "maximum", "sum", "mean", "variance", "sumSquaresCentered")) {
            assertClose((Matrix) batch.fields().get(f), (Matrix) chunked.fields().get(f), 1e-12, "step " + step + ": " + f);
        }
        assertEquals(batch.minimum, chunked.minimum, "minimum is exact");
        Covariance c = covariance();
        CovarianceResult cc = c.computeChunks(() -> chunks(x, step, r -> c.compute(x.rowRange(r[0], r[1]))));
        CovarianceResult cb = covariance().compute(x);
        assertClose(cb.covariance, cc.covariance, 1e-12, "covariance");
        assertClose(cb.mean, cc.mean, 1e-12, "mean");
        assertFalse(c.isStreaming(), "the algorithm is back in batch mode");
        assertClose(cb.covariance, c.compute(x).covariance, 0, "and computes in batch afterwards");
    }

    @Test
    void regressionAndNaiveBayesEqualBatch() {
        Matrix x = data(3, 2, 0);
        Matrix y = data(2, 3, 5);
        LinearRegressionTraining t = linearRegressionTraining().interceptFlag(true);
        var chunked = t.computeChunks(() -> chunks(x, 777, r -> t.compute(x.rowRange(r[0], r[1]), y.rowRange(r[0], r[1]))));
        assertClose(linearRegressionTraining().interceptFlag(true).compute(x, y).model.Beta, chunked.model.Beta, 1e-12,
                "Beta");
        double[] counts = new double[ROWS * 3];
        double[] labels = new double[ROWS];
        Random r = new Random(4);
        for (int i = 0; i < ROWS; i++) {
            labels[i] = r.nextInt(3);
            for (int j = 0; j < 3; j++) {
                counts[i * 3 + j] = r.nextInt(5);
            }
        }
        Matrix c = Matrix.wrap(ROWS, 3, counts);
        Matrix l = Matrix.wrap(ROWS, 1, labels);
        MultinomialNaiveBayesTraining nb = multinomialNaiveBayesTraining(3);
        var nbChunked = nb.computeChunks(() -> chunks(c, 1234, q -> nb.compute(c.rowRange(q[0], q[1]), l.rowRange(q[0], q[1]))));
        var nbBatch = multinomialNaiveBayesTraining(3).compute(c, l);
        assertClose(nbBatch.model.LogP, nbChunked.model.LogP, 1e-14, "LogP");
        assertClose(nbBatch.model.LogTheta, nbChunked.model.LogTheta, 1e-14, "LogTheta");
    }

    @ParameterizedTest
    @ValueSource(strings = {"correlationDense", "svdDense"})
    void pcaOnChunksEqualsBatchOnOneAndThreeRanks(String method) {
        Matrix x = data(5, 9, 40);
        PcaResult batch = pca().method(method).isDeterministic(true).resultsToCompute("mean|variance").compute(x);
        for (int ranks : new int[] {1, 3}) {
            List<PcaResult> all = Spmd.local(ranks).call(() -> {
                Matrix mine = Examples.slice(x, myProcid(), numProcs());
                return pca().method(method).isDeterministic(true).resultsToCompute("mean|variance").distributed(true)
                        .computeChunks(chunk -> chunks(mine, 613, r -> chunk.accept(mine.rowRange(r[0], r[1]))));
            });
            for (PcaResult r : all) {
                assertClose(batch.eigenvalues, r.eigenvalues, 1e-11, method + " eigenvalues, " + ranks + " ranks");
                assertClose(batch.eigenvectors, r.eigenvectors, 1e-10, method + " eigenvectors, " + ranks + " ranks");
                assertClose(batch.means, r.means, 1e-12, method + " means");
                assertClose(batch.variances, r.variances, 1e-11, method + " variances");
            }
        }
    }

    @Test
    void qrAndSvdOnChunksEqualBatchOnOneAndThreeRanks() {
        Matrix x = data(6, 10, 2);
        QrResult qrBatch = qr().compute(x);
        SvdResult svdBatch = svd().compute(x);
        for (int ranks : new int[] {1, 3}) {
            List<Object[]> all = Spmd.local(ranks).call(() -> {
                Matrix mine = Examples.slice(x, myProcid(), numProcs());
                Qr q = qr().distributed(true);
                QrResult qrChunked = q.computeChunks(() -> chunks(mine, 611, r -> q.compute(mine.rowRange(r[0], r[1]))));
                var s = svd().distributed(true);
                SvdResult svdChunked = s.computeChunks(() -> chunks(mine, 5_000, r -> s.compute(mine.rowRange(r[0], r[1]))));
                return new Object[] {mine, qrChunked, svdChunked};
            });
            int from = 0;
            for (Object[] rank : all) {
                int rows = ((Matrix) rank[0]).rows();
                QrResult q = (QrResult) rank[1];
                SvdResult s = (SvdResult) rank[2];
                assertClose(qrBatch.matrixR, q.matrixR, 1e-11, "R, " + ranks + " ranks");
                assertClose(qrBatch.matrixQ.rowRange(from, from + rows), q.matrixQ, 1e-11, "this rank's Q, " + ranks + " ranks");
                assertClose(svdBatch.singularValues, s.singularValues, 1e-11, "singular values");
                assertClose(svdBatch.leftSingularMatrix.rowRange(from, from + rows), s.leftSingularMatrix, 1e-10,
                        "this rank's left singular vectors");
                from += rows;
            }
        }
    }

    @Test
    void qrInStreamingModeAFailedFeedAddsNothingAndABadChunkNamesItself() {
        Matrix x = data(3, 11, 0);
        double[] v = x.toRowMajor();
        v[3 * 2500 + 1] = Double.NaN;
        Matrix bad = Matrix.wrap(ROWS, 3, v);
        Qr q = qr().streaming(true);
        q.compute(x.rowRange(0, 1000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> q.computeChunks(() -> chunks(bad, 1000, r -> q.compute(bad.rowRange(r[0], r[1])))));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        q.compute(x.rowRange(1000, 2000));
        QrResult expected = qr().compute(x.rowRange(0, 2000));
        QrResult got = q.finalizeCompute();
        assertClose(expected.matrixR, got.matrixR, 1e-12, "only the chunks of the computes that succeeded");
        assertEquals(2000, got.matrixQ.rows());
        Qr batch = qr();
        assertThrows(IllegalArgumentException.class, () -> batch.computeChunks(() -> { }));
        assertClose(expected.matrixR, batch.compute(x.rowRange(0, 2000)).matrixR, 1e-12, "and computes in batch afterwards");
    }

    @Test
    void inStreamingModeTheChunksAreAdded() {
        Matrix x = data(3, 5, 0);
        Covariance c = covariance().streaming(true);
        assertNull(c.computeChunks(() -> chunks(x.rowRange(0, 2000), 300, r -> c.compute(x.rowRange(r[0], r[1])))));
        c.compute(x.rowRange(2000, ROWS));
        assertClose(covariance().compute(x).covariance, c.finalizeCompute().covariance, 1e-12, "covariance");
    }

    @Test
    void inStreamingModeAFailedFeedAddsNothing() {
        Matrix x = data(3, 8, 0);
        double[] v = x.toRowMajor();
        v[3 * 4500] = Double.POSITIVE_INFINITY;
        Matrix bad = Matrix.wrap(ROWS, 3, v);
        Covariance c = covariance().streaming(true);
        c.compute(x.rowRange(0, 1000));
        assertThrows(IllegalArgumentException.class,
                () -> c.computeChunks(() -> chunks(bad, 1000, r -> c.compute(bad.rowRange(r[0], r[1])))));
        c.compute(x.rowRange(1000, 2000));
        assertClose(covariance().compute(x.rowRange(0, 2000)).covariance, c.finalizeCompute().covariance, 1e-12,
                "only the chunks of the computes that succeeded");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void distributedChunksEqualOneRank(int ranks) {
        Matrix x = data(4, 6, -3);
        CovarianceResult one = covariance().compute(x);
        List<CovarianceResult> all = Spmd.local(ranks).call(() -> {
            Matrix mine = Examples.slice(x, myProcid(), numProcs());
            Covariance c = covariance().distributed(true);
            return c.computeChunks(() -> chunks(mine, 333, r -> c.compute(mine.rowRange(r[0], r[1]))));
        });
        for (CovarianceResult r : all) {
            assertClose(one.covariance, r.covariance, 1e-10, ranks + " ranks");
        }
        assertEquals(all.get(0).covariance, all.get(ranks - 1).covariance, "bit-identical on every rank");
    }

    @Test
    void aBadChunkOnOneRankFailsEveryRankAndLeavesBatchMode() {
        Matrix x = data(2, 7, 0);
        double[] v = x.toRowMajor();
        v[2 * 4321] = Double.NaN;
        Matrix bad = Matrix.wrap(ROWS, 2, v);
        List<Throwable> errors = Spmd.local(3).call(() -> {
            Covariance c = covariance().distributed(true);
            Matrix mine = myProcid() == 1 ? bad : x;
            try {
                c.computeChunks(() -> chunks(mine, 1000, r -> c.compute(mine.rowRange(r[0], r[1]))));
                return null;
            } catch (SpmdException e) {
                assertFalse(c.isStreaming());
                return e;
            }
        });
        for (Throwable e : all(errors)) {
            assertTrue(e.getMessage().startsWith("rank 1: "), e.getMessage());
            assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        }
        LowOrderMoments m = lowOrderMoments();
        assertThrows(IllegalArgumentException.class, () -> m.computeChunks(() -> { }));
        assertFalse(m.isStreaming());
    }

    private static List<Throwable> all(List<Throwable> errors) {
        for (Throwable e : errors) {
            assertTrue(e != null, "every rank raised");
        }
        return errors;
    }
}
