package daal4j.algorithms.summaries;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import daal4j.linalg.Kernels;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The native moments summary (which Python also calls) against its Java twin, bit for bit. */
class MomentsPartialTest {

    @Test
    void theNativeSummaryEqualsTheJavaOneBitForBit() {
        assumeTrue(Kernels.isNative(), Kernels.describe());
        Random r = new Random(21);
        for (int p : new int[] {1, 2, 3, 5, 8, 50, 67}) {
            for (int n : new int[] {0, 1, 2, 2047, 2048, 2049, 5000}) {
                for (String kind : new String[] {"normal", "offset", "drift", "specials"}) {
                    double[] x = data(r, n, p, kind);
                    for (int[] rows : new int[][] {{0, n}, {Math.min(n, 3), n}}) {
                        double[] nat = Kernels.momentsSummary(x, p, rows[0], rows[1], MomentsPartial.BLOCK_ROWS);
                        double[] twin = MomentsPartial.ofInJava(x, p, rows[0], rows[1], MomentsPartial.BLOCK_ROWS)
                                .encode();
                        String where = kind + ", " + p + " columns, rows [" + rows[0] + ", " + rows[1] + ")";
                        assertArrayEquals(bits(twin), bits(nat), where);
                        // blocks of 7 rows: the native calls continue slice after slice
                        assertArrayEquals(bits(MomentsPartial.ofInJava(x, p, rows[0], rows[1], 7).encode()),
                                bits(Kernels.momentsSummary(x, p, rows[0], rows[1], 7)), "blocks of 7, " + where);
                    }
                }
            }
        }
    }

    private static double[] data(Random r, int n, int p, String kind) {
        double[] x = new double[n * p];
        for (int k = 0; k < x.length; k++) {
            int i = k / p;
            x[k] = switch (kind) {
                case "offset" -> 1e15 + r.nextGaussian() * 64;
                case "drift" -> i * 1e3 + r.nextGaussian();  // far from the mean so far: the exact pass
                default -> r.nextGaussian() * (k % p + 1);
            };
        }
        if (kind.equals("specials") && n > 0) {
            x[(n / 2) * p] = Double.NaN;
            if (p > 1) {
                x[(n - 1) * p + 1] = Double.POSITIVE_INFINITY;
            }
            if (p > 2) {
                for (int i = 0; i < n; i++) {
                    x[i * p + 2] = i % 2 == 0 ? -0.0 : 0.0;  // the sign of a zero extreme
                }
            }
        }
        return x;
    }

    private static long[] bits(double[] v) {
        return Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
