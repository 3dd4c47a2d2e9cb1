package daal4j.algorithms.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import daal4j.data.Matrix;
import daal4j.linalg.Kernels;
import daal4j.linalg.Linalg;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The native prediction loop (which Python also calls) against its Java twin, bit for bit. */
class LinearModelTest {

    @Test
    void theNativePredictionEqualsTheJavaOneBitForBit() {
        assumeTrue(Kernels.isNative() && Linalg.isNative(), Linalg.describe());
        Random r = new Random(41);
        for (int p : new int[] {1, 3, 50}) {
            for (int q : new int[] {1, 2, 4, 5, 9}) {
                for (int n : new int[] {1, 700, 3001}) {
                    double[] x = new double[n * p];
                    for (int k = 0; k < x.length; k++) {
                        x[k] = r.nextGaussian() * 10 + 3;
                    }
                    double[] slopes = new double[q * p];
                    double[] intercepts = new double[q];
                    for (int k = 0; k < slopes.length; k++) {
                        slopes[k] = r.nextGaussian();
                    }
                    for (int k = 0; k < q; k++) {
                        intercepts[k] = r.nextGaussian() * 100;
                    }
                    for (int step : new int[] {Math.max(1, (1 << 15) / p), 13}) {
                        double[] nat = new double[n * q];
                        double[] twin = new double[n * q];
                        assertTrue(Kernels.linearPredict(x, 0, n, p, slopes, intercepts, q, step, nat));
                        LinearModel.predictInJava(Matrix.wrap(n, p, x), slopes, intercepts, q, step, twin);
                        String where = p + " features, " + q + " responses, " + n + " rows, blocks of " + step;
                        assertArrayEquals(bits(twin), bits(nat), where);
                    }
                }
            }
        }
    }

    @Test
    void aValueThatIsNotFiniteLeavesTheJavaLoopToNameIt() {
        assumeTrue(Kernels.isNative() && Linalg.isNative(), Linalg.describe());
        double[] x = new double[3000 * 2];
        Arrays.fill(x, 1.0);
        x[2 * 2999 + 1] = Double.NEGATIVE_INFINITY;
        assertFalse(Kernels.linearPredict(x, 0, 3000, 2, new double[] {1, 2}, new double[] {0}, 1, 100,
                new double[3000]));
        LinearModel m = new LinearModel(Matrix.wrap(1, 3, new double[] {0.5, 1, 2}), true);
        String e = assertThrows(IllegalArgumentException.class, () -> m.predict(Matrix.wrap(3000, 2, x))).getMessage();
        assertTrue(e.contains("at row 2999, column 1"), e);
    }

    private static long[] bits(double[] v) {
        return Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
