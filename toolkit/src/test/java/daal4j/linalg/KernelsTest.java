package daal4j.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The native kernels against their Java twins, bit for bit. */
class KernelsTest {

    /** The build compiles the kernels wherever it finds a C compiler; a silent fallback would hide a broken build. */
    @Test
    void theNativeKernelsLoadWhereACCompilerBuiltThem() throws Exception {
        Process which = new ProcessBuilder("sh", "-c", "command -v " + System.getenv().getOrDefault("CC", "cc"))
                .redirectErrorStream(true).start();
        boolean compiler = which.waitFor() == 0;
        assumeTrue(compiler && System.getProperty("os.name").equals("Linux"), "no C compiler: the Java twins run");
        assumeTrue(!"false".equalsIgnoreCase(System.getProperty(Kernels.PROPERTY)), "native kernels switched off");
        assertTrue(Kernels.isNative(), Kernels.describe());
    }

    @Test
    void theMomentsPassEqualsItsJavaTwinForEveryWidthAndRowCount() {
        assumeTrue(Kernels.isNative(), Kernels.describe());
        Random r = new Random(11);
        for (int p : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 12, 50, 67}) {
            int n = 301;
            double[] x = new double[n * p];
            for (int k = 0; k < x.length; k++) {
                x[k] = r.nextGaussian() * 1e3 + (k % 7 == 0 ? 1e6 : 0);
            }
            for (int[] rows : new int[][] {{0, 1}, {0, 2}, {3, 6}, {1, 256}, {0, n}, {n, n}}) {
                double[] shift = new double[p];
                double[][] nat = new double[4][p];
                for (int j = 0; j < p; j++) {
                    shift[j] = r.nextGaussian();
                    nat[0][j] = r.nextGaussian();
                    nat[1][j] = Math.abs(r.nextGaussian());
                    nat[2][j] = r.nextBoolean() ? Double.POSITIVE_INFINITY : r.nextGaussian();
                    nat[3][j] = r.nextBoolean() ? Double.NEGATIVE_INFINITY : r.nextGaussian();
                }
                double[][] twin = {nat[0].clone(), nat[1].clone(), nat[2].clone(), nat[3].clone()};
                Kernels.momentsPass(x, p, rows[0], rows[1], shift, nat[0], nat[1], nat[2], nat[3]);
                Kernels.momentsPassJava(x, p, rows[0], rows[1], shift, twin[0], twin[1], twin[2], twin[3]);
                String where = p + " columns, rows [" + rows[0] + ", " + rows[1] + ")";
                assertArrayEquals(twin[0], nat[0], 0.0, "sums, " + where);
                assertArrayEquals(twin[1], nat[1], 0.0, "sums of squares, " + where);
                assertArrayEquals(twin[2], nat[2], 0.0, "minimums, " + where);
                assertArrayEquals(twin[3], nat[3], 0.0, "maximums, " + where);
            }
        }
    }

    @Test
    void theShiftedSumsEqualTheirJavaTwinForEveryWidthAndRowCount() {
        assumeTrue(Kernels.isNative(), Kernels.describe());
        Random r = new Random(12);
        for (int p : new int[] {1, 3, 4, 5, 8, 11, 50, 67}) {
            int n = 257;
            double[] x = new double[n * p];
            for (int k = 0; k < x.length; k++) {
                x[k] = r.nextGaussian() * 1e4 + (k % 5 == 0 ? 1e8 : 0);
            }
            for (int[] rows : new int[][] {{0, 1}, {0, 2}, {2, 7}, {1, 256}, {0, n}}) {
                double[] shift = new double[p];
                double[] nat = new double[p];
                for (int j = 0; j < p; j++) {
                    shift[j] = r.nextGaussian() * 1e3;
                    nat[j] = r.nextGaussian();
                }
                double[] twin = nat.clone();
                Kernels.shiftedColumnSums(x, p, rows[0], rows[1], shift, nat);
                Kernels.shiftedColumnSumsJava(x, p, rows[0], rows[1], shift, twin);
                assertArrayEquals(twin, nat, 0.0, p + " columns, rows [" + rows[0] + ", " + rows[1] + ")");
            }
        }
    }

    @Test
    void theSquaredDistancesEqualTheirJavaTwinForEveryWidthRowRangeAndOffset() {
        assumeTrue(Kernels.isNative(), Kernels.describe());
        Random r = new Random(13);
        for (int p : new int[] {1, 2, 3, 4, 5, 8, 20, 33}) {
            int n = 131;
            double[] x = new double[n * p];
            for (int k = 0; k < x.length; k++) {
                // magnitudes far apart, so that any other order of additions changes the bits
                x[k] = 1e3 + r.nextGaussian() * Math.exp(r.nextGaussian() * 5);
            }
            for (int offset : new int[] {0, 1, 6}) {
                double[] c = new double[offset + p + 2];
                for (int j = 0; j < c.length; j++) {
                    c[j] = 1e3 + r.nextGaussian() * 10;
                }
                for (int[] rows : new int[][] {{0, 1}, {0, 3}, {5, 7}, {2, 6}, {1, 10}, {3, 67}, {0, 64}, {0, n},
                        {n - 5, n}, {n, n}}) {
                    double[] nat = new double[rows[1] - rows[0] + 1];
                    double[] twin = new double[nat.length];
                    nat[nat.length - 1] = -1; // beyond the rows: left as it is
                    twin[twin.length - 1] = -1;
                    Kernels.squaredDistances(x, p, rows[0], rows[1], c, offset, nat);
                    Kernels.squaredDistancesJava(x, p, rows[0], rows[1], c, offset, twin);
                    assertArrayEquals(twin, nat, 0.0,
                            p + " columns, rows [" + rows[0] + ", " + rows[1] + "), point at " + offset);
                }
            }
        }
    }

    @Test
    void rowsOutsideTheArrayAreRefusedBeforeAnyNativeCode() {
        double[] x = new double[10];
        double[] a = new double[5];
        assertThrows(IllegalArgumentException.class, () -> Kernels.momentsPass(x, 5, 0, 3, a, a, a, a, a));
        assertThrows(IllegalArgumentException.class, () -> Kernels.momentsPass(x, 5, 2, 1, a, a, a, a, a));
        assertThrows(IllegalArgumentException.class,
                () -> Kernels.momentsPass(x, 5, 0, 2, a, a, a, a, new double[4]));
        assertThrows(IllegalArgumentException.class, () -> Kernels.shiftedColumnSums(x, 5, 0, 3, a, a));
        assertThrows(IllegalArgumentException.class, () -> Kernels.squaredDistances(x, 5, 0, 3, a, 0, a));
        assertThrows(IllegalArgumentException.class, () -> Kernels.squaredDistances(x, 5, 0, 2, a, 1, a));
        assertThrows(IllegalArgumentException.class, () -> Kernels.squaredDistances(x, 5, 0, 2, a, 0, new double[1]));
    }
}
