package daal4j.algorithms.summaries;

import daal4j.linalg.Products;
import static daal4j.algorithms.qr.Decomp.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.data.Matrix;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-pass summary (each block centered by its own means, merged under the running R)
 * against the two-pass centered cross-product and means computed directly, for row counts
 * around the block size and data far from the origin, where centering matters.
 */
class CenteredRTest {

    private static Matrix data(int n, int p, long seed) {
        Random rnd = new Random(seed);
        double[] d = new double[n * p];
        for (int k = 0; k < d.length; k++) {
            // large offsets and a trend along the rows: block means differ from the global ones
            d[k] = 1e6 * (k % p + 1) + rnd.nextGaussian() + 3.0 * (k / p) / n;
        }
        return Matrix.wrap(n, p, d);
    }

    /** Means and centered X'X, two passes, plain loops. */
    private static Matrix centeredGram(Matrix x, double[] mean) {
        int n = x.rows();
        int p = x.cols();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                mean[j] += x.get(i, j) / n;
            }
        }
        double[] g = new double[p * p];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    g[a * p + b] += (x.get(i, a) - mean[a]) * (x.get(i, b) - mean[b]);
                }
            }
        }
        return Matrix.wrap(p, p, g);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, Tsqr.BLOCK_ROWS - 1, Tsqr.BLOCK_ROWS, Tsqr.BLOCK_ROWS + 1, 2 * Tsqr.BLOCK_ROWS + 77})
    void matchesTheTwoPassCenteredCrossProduct(int n) {
        int p = 6;
        Matrix x = data(n, p, n);
        CenteredR s = CenteredR.of(x, true, "test");
        double[] mean = new double[p];
        Matrix g = centeredGram(x, mean);
        assertEquals(n, s.n);
        for (int j = 0; j < p; j++) {
            assertEquals(mean[j], s.mean()[j], 1e-9 * Math.abs(mean[j]), "mean " + j);
        }
        if (n > 1) {
            // values near 1e6 carry ~1e-10 absolute, so centered products agree to ~1e-10 of
            // the largest; block means summed plainly (not as differences) miss by ~2e-9
            assertClose(g, daal4j.linalg.Products.gram(s.r), 4e-10, "R'R = centered X'X, n = " + n);
        }
        for (int i = 0; i < p; i++) {
            assertTrue(s.r.get(i, i) >= 0, "non-negative diagonal");
        }
    }

    @Test
    void uncenteredIsTheROfTheRows() {
        Matrix x = data(2 * Tsqr.BLOCK_ROWS + 5, 4, 3);
        CenteredR s = CenteredR.of(x, false, "test");
        assertClose(daal4j.linalg.Products.gram(x), daal4j.linalg.Products.gram(s.r), 1e-12, "R'R = X'X");
    }

    @Test
    void aNonFiniteValueInALaterBlockIsNamed() {
        int n = 2 * Tsqr.BLOCK_ROWS + 10;
        double[] d = data(n, 3, 4).toRowMajor();
        d[(Tsqr.BLOCK_ROWS + 7) * 3 + 2] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CenteredR.of(Matrix.wrap(n, 3, d), true, "pca"));
        assertTrue(e.getMessage().contains("pca data") && e.getMessage().contains("row " + (Tsqr.BLOCK_ROWS + 7))
                && e.getMessage().contains("column 2"), e.getMessage());
    }
}
