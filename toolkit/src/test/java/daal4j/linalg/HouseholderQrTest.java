package daal4j.linalg;

import static daal4j.algorithms.qr.Decomp.assertClose;
import static daal4j.algorithms.qr.Decomp.assertOrthonormalColumns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.data.Matrix;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The recursive Householder QR against what defines a QR: Q with orthonormal columns, R upper
 * triangular, Q R = X (which fixes both up to column signs), and R'R = X'X by dsyrk, for
 * shapes around the recursion's leaf width, halves of odd width, fewer rows than columns and
 * data of huge condition number, where only an orthogonal method keeps Q orthonormal.
 */
class HouseholderQrTest {

    private static Matrix random(int m, int p, long seed) {
        Random rnd = new Random(seed);
        double[] d = new double[m * p];
        for (int k = 0; k < d.length; k++) {
            d[k] = rnd.nextGaussian() + (k % p);
        }
        return Matrix.wrap(m, p, d);
    }

    private static void assertQr(Matrix x, HouseholderQr qr, double tol) {
        Matrix r = qr.r();
        Matrix q = qr.q();
        int p = x.cols();
        assertEquals(p, r.rows());
        assertEquals(x.rows(), q.rows());
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(0.0, r.get(i, j), "R upper triangular at " + i + "," + j);
            }
        }
        int k = Math.min(x.rows(), p);
        assertOrthonormalColumns(q.transpose().rowRange(0, k).transpose(), tol, "Q of " + x.rows() + " x " + p);
        assertClose(x, Products.multiply(q, r), tol, "Q R = X, " + x.rows() + " x " + p);
        assertClose(Products.gram(x), Products.gram(r), tol, "R'R = X'X, " + x.rows() + " x " + p);
    }

    @ParameterizedTest
    @CsvSource({"1,1", "3,1", "4,4", "5,5", "9,5", "7,3", "13,9", "50,50", "51,50", "2051,50", "300,17",
        "4,9", "1,6"})
    void factorsEveryShape(int m, int p) {
        Matrix x = random(m, p, 31L * m + p);
        assertQr(x, HouseholderQr.of(x), 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"60,7,3", "200,50,4", "9,5,1", "120,13,9"})
    void qTimesAnyRightFactor(int m, int p, int q) {
        Matrix x = random(m, p, m);
        HouseholderQr qr = HouseholderQr.of(x);
        Matrix b = random(p, q, 5);
        assertClose(Products.multiply(qr.q(), b), qr.qTimes(b), 1e-12, "Q B");
        // into a larger array at an offset, as Tsqr assembles blocks
        double[] out = new double[(m + 3) * q];
        qr.qTimes(b, out, 3);
        assertClose(qr.qTimes(b), Matrix.wrap(m + 3, q, out).rowRange(3, m + 3), 0, "Q B at an offset");
    }

    @Test
    void illConditionedDataKeepsQOrthonormal() {
        // X = U diag(1 .. 1e-13) V': a Gram-based (Cholesky) QR loses all orthogonality here
        int m = 3000;
        int p = 20;
        HouseholderQr u = HouseholderQr.of(random(m, p, 1));
        HouseholderQr v = HouseholderQr.of(random(p, p, 2));
        double[] s = new double[p];
        for (int j = 0; j < p; j++) {
            s[j] = Math.pow(10, -13.0 * j / (p - 1));
        }
        Matrix x = Products.multiply(u.q().scaleColumns(s), v.q().transpose());
        HouseholderQr qr = HouseholderQr.of(x);
        assertOrthonormalColumns(qr.q(), 1e-13, "Q of a matrix of condition 1e13");
        assertClose(x, Products.multiply(qr.q(), qr.r()), 1e-13, "Q R = X");
    }

    @Test
    void rankDeficientDataFactors() {
        Matrix base = random(500, 6, 3);
        double[] d = base.toRowMajor();
        for (int i = 0; i < 500; i++) {
            d[i * 6 + 4] = d[i * 6 + 1] - 2 * d[i * 6 + 2]; // column 4 from columns 1 and 2
        }
        Matrix x = Matrix.wrap(500, 6, d);
        HouseholderQr qr = HouseholderQr.of(x);
        assertQr(x, qr, 1e-12);
        assertTrue(Math.abs(qr.r().get(4, 4)) < 1e-12 * Math.abs(qr.r().get(0, 0)), "R[4,4] ~ 0");
    }

    @ParameterizedTest
    @CsvSource({"0,40,7", "7,100,7", "7,3,7", "50,2048,50", "0,2,5"})
    void runningRIsTheROfTheStack(int above, int rows, int p) {
        Matrix top = above == 0 ? null : HouseholderQr.of(random(above, p, 9)).r();
        Matrix x = random(rows + 10, p, 11);
        double[] shift = new double[p];
        for (int j = 0; j < p; j++) {
            shift[j] = j - 0.5;
        }
        Matrix r = HouseholderQr.r(top, x.rowMajorView(), p, 10, 10 + rows, shift);
        double[] shifted = x.rowRange(10, 10 + rows).toRowMajor();
        for (int k = 0; k < shifted.length; k++) {
            shifted[k] -= shift[k % p];
        }
        Matrix rows0 = Matrix.wrap(rows, p, shifted);
        Matrix stack = top == null ? rows0 : Matrix.stack(List.of(top, rows0));
        assertClose(Products.gram(stack), Products.gram(r), 1e-12, "R'R of the running R");
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(0.0, r.get(i, j), "upper triangular");
            }
        }
    }
}
