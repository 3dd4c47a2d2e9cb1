package daal4j.algorithms.summaries;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import daal4j.data.Matrix;
import daal4j.linalg.Kernels;
import daal4j.linalg.Linalg;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The native cross-products summary (which Python also calls) against its Java twin, bit for bit. */
class CrossProductsTest {

    @Test
    void theNativeSummaryEqualsTheJavaOneBitForBit() {
        assumeTrue(Kernels.isNative() && Linalg.isNative(), Linalg.describe());
        Random r = new Random(31);
        for (int[] widths : new int[][] {{1}, {3}, {50}, {67}, {4, 1}, {50, 2}, {2, 3, 1}}) {
            for (int n : new int[] {1, 2, 511, 1500, 5000}) {
                for (String kind : new String[] {"normal", "offset", "drift"}) {
                    Matrix[] parts = new Matrix[widths.length];
                    String[] names = new String[widths.length];
                    double[][] arrays = new double[widths.length][];
                    int p = 0;
                    for (int k = 0; k < widths.length; k++) {
                        parts[k] = data(r, n, widths[k], kind);
                        arrays[k] = parts[k].rowMajorView();
                        names[k] = "part " + k;
                        p += widths[k];
                    }
                    String where = kind + ", widths " + Arrays.toString(widths) + ", " + n + " rows";
                    for (int blockRows : new int[] {CrossProducts.blockRows(p), 7}) {
                        double[] state = Kernels.crossProductsSummary(arrays, widths, 0, n, blockRows);
                        assertTrue(state != null, where);
                        double[] nat = CrossProducts.fromState(state).encode();
                        double[] twin = CrossProducts.ofInJava(parts, names, p, n, blockRows).encode();
                        assertArrayEquals(bits(twin), bits(nat), "blocks of " + blockRows + ", " + where);
                    }
                }
            }
        }
    }

    @Test
    void aValueThatIsNotFiniteLeavesTheJavaLoopToNameIt() {
        assumeTrue(Kernels.isNative() && Linalg.isNative(), Linalg.describe());
        Matrix x = data(new Random(3), 3000, 4, "normal");
        double[] v = x.toRowMajor();
        v[4 * 2500 + 2] = Double.NaN;
        assertNull(Kernels.crossProductsSummary(new double[][] {v}, new int[] {4}, 0, 3000, 600));
        String m = assertThrows(IllegalArgumentException.class,
                () -> CrossProducts.of(Matrix.wrap(3000, 4, v), "data")).getMessage();
        assertTrue(m.contains("NaN at row 2500, column 2"), m);
    }

    private static Matrix data(Random r, int n, int q, String kind) {
        double[] x = new double[n * q];
        for (int k = 0; k < x.length; k++) {
            int i = k / q;
            x[k] = switch (kind) {
                case "offset" -> 1e9 + r.nextGaussian() * (k % q + 1);  // far from zero: the centered blocks
                case "drift" -> i * 0.01 + r.nextGaussian();  // near zero at first, then away from it
                default -> r.nextGaussian() * (k % q + 1);  // near zero: the raw blocks
            };
        }
        return Matrix.wrap(n, q, x);
    }

    private static long[] bits(double[] v) {
        return Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
