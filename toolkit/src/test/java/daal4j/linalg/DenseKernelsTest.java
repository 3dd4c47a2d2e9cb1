package daal4j.linalg;

import static daal4j.testing.Fixtures.assertClose;

import daal4j.data.Matrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The kernels the cross-product summaries and regressions use, against plain loops. */
class DenseKernelsTest {

    private static Matrix random(int n, int p, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n * p];
        for (int k = 0; k < v.length; k++) {
            v[k] = r.nextGaussian();
        }
        return Matrix.wrap(n, p, v);
    }

    /** X'Y of rows [from, to), by loops. */
    private static Matrix crossProduct(Matrix x, Matrix y, int from, int to) {
        double[] c = new double[x.cols() * y.cols()];
        for (int i = from; i < to; i++) {
            for (int a = 0; a < x.cols(); a++) {
                for (int b = 0; b < y.cols(); b++) {
                    c[a * y.cols() + b] += x.get(i, a) * y.get(i, b);
                }
            }
        }
        return Matrix.wrap(x.cols(), y.cols(), c);
    }

    @Test
    void crossProductWithLaterPartsLandsInALargerColumnMajorArrayAndGivesTheSums() {
        Matrix x = random(300, 5, 1);
        for (int q : new int[] {1, 2, 7}) {
            Matrix y1 = random(300, q, 2);
            Matrix y2 = random(300, 2, 3);
            Matrix y = Matrix.ofColumnMajor(300, q + 2, concatColumns(y1, y2));
            int ld = 5 + q + 2 + 1;
            double[] c = new double[ld * (q + 3)];
            c[ld + 1] = 0.5; // accumulates: what is there stays
            double[] sums = Products.addCrossProductAndSums(x.rowMajorView(), 5, new Matrix[] {y1, y2}, 10, 290, c,
                    ld + 1, ld);
            double[] block = new double[5 * (q + 2)];
            for (int a = 0; a < 5; a++) {
                for (int b = 0; b < q + 2; b++) {
                    block[a * (q + 2) + b] = c[ld + 1 + b * ld + a] - (a == 0 && b == 0 ? 0.5 : 0);
                }
            }
            assertClose(crossProduct(x, y, 10, 290), Matrix.wrap(5, q + 2, block), 1e-12, "X'Y, " + q + " + 2 columns");
            assertClose(crossProduct(Matrix.wrap(300, 1, filled(300, 1.0)), x, 10, 290), Matrix.row(sums), 1e-12,
                    "sums beside X'Y");
        }
        double[] sums = new double[5];
        Products.addColumnSums(x.rowMajorView(), 5, 10, 290, sums);
        assertClose(crossProduct(Matrix.wrap(300, 1, filled(300, 1.0)), x, 10, 290), Matrix.row(sums), 1e-12, "sums");
    }

    /** The columns of a then b, column-major. */
    private static double[] concatColumns(Matrix a, Matrix b) {
        double[] v = new double[a.rows() * (a.cols() + b.cols())];
        for (int j = 0; j < a.cols(); j++) {
            System.arraycopy(a.columnAt(j), 0, v, j * a.rows(), a.rows());
        }
        for (int j = 0; j < b.cols(); j++) {
            System.arraycopy(b.columnAt(j), 0, v, (a.cols() + j) * a.rows(), a.rows());
        }
        return v;
    }

    @Test
    void solvePsdIsCholeskyWhenRegularAndMinimumNormWhenSingular() {
        Matrix x = random(50, 4, 3);
        Matrix b = random(4, 2, 4);
        Matrix a = Products.gram(x);
        assertClose(Solvers.choleskySolve(a, b), Solvers.solvePsd(a, b), 1e-12, "regular");
        // rank 2: a = v v' + w w'; the minimum-norm solution of a z = a t is the projection of t on span(v, w)
        double[] v = {1, 2, 0, 1};
        double[] w = {0, 1, 1, -1};
        double[] s = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                s[i * 4 + j] = v[i] * v[j] + w[i] * w[j];
            }
        }
        Matrix singular = Matrix.wrap(4, 4, s);
        Matrix t = Matrix.column(v[0] + 2 * w[0], v[1] + 2 * w[1], v[2] + 2 * w[2], v[3] + 2 * w[3]);
        assertClose(t, Solvers.solvePsd(singular, Products.multiply(singular, t)), 1e-12, "in the span: itself");
        assertClose(Matrix.zeros(4, 1), Solvers.solvePsd(Matrix.zeros(4, 4), Matrix.zeros(4, 1)), 0, "zero system");
    }

    private static double[] filled(int n, double value) {
        double[] d = new double[n];
        java.util.Arrays.fill(d, value);
        return d;
    }

    @Test
    void shiftedColumnSumsKeepTheDigitsOfValuesFarFromTheOrigin() {
        // values 1e8 + small integers/4: every difference from the shift 1e8 is exact, so the
        // exact sums are known; summing the values first would round at 1e8's spacing * rows
        int n = 1001;
        int p = 3;
        double[] x = new double[n * p];
        double[] exact = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double d = ((i * 7 + j * 3) % 13) * 0.25 - 1.5;
                x[i * p + j] = 1e8 + d;
                if (i >= 2) {
                    exact[j] += d;
                }
            }
        }
        double[] sums = {1.0, 2.0, 3.0};
        Kernels.shiftedColumnSums(x, p, 2, n, new double[] {1e8, 1e8, 1e8}, sums);
        for (int j = 0; j < p; j++) {
            org.junit.jupiter.api.Assertions.assertEquals(exact[j] + j + 1, sums[j], 0.0, "column " + j);
        }
    }
}
