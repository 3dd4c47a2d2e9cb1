package daal4j.linalg;

import static daal4j.testing.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.data.Matrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinalgTest {

    private static Matrix random(int n, int p, long seed) {
        Random r = new Random(seed);
        double[] d = new double[n * p];
        for (int k = 0; k < d.length; k++) {
            d[k] = r.nextGaussian();
        }
        return Matrix.wrap(n, p, d);
    }

    /** The test machine installs OpenBLAS: the build sets daal4j.requireNativeBlas there. */
    @Test
    void nativeBlasLoadsWhereRequired() {
        if (Boolean.getBoolean("daal4j.requireNativeBlas")) {
            assertTrue(Linalg.isNative(), Linalg.describe());
        }
        assertTrue(Linalg.describe().startsWith("BLAS "));
    }

    @Test
    void kernelsAgreeWithPlainLoops() {
        Matrix x = random(301, 7, 1);
        Matrix y = random(301, 3, 2);
        double[] gram = new double[49];
        double[] xty = new double[21];
        for (int from = 0; from < 301; from += 100) {
            Products.addGram(x.rowMajorView(), 7, from, Math.min(301, from + 100), gram);
            Products.addCrossProduct(x.rowMajorView(), 7, y.rowMajorView(), 3, from, Math.min(301, from + 100), xty);
        }
        Products.symmetrize(gram, 7);
        double[] g = new double[49];
        double[] c = new double[21];
        for (int i = 0; i < 301; i++) {
            for (int a = 0; a < 7; a++) {
                for (int b = 0; b < 7; b++) {
                    g[a * 7 + b] += x.get(i, a) * x.get(i, b);
                }
                for (int b = 0; b < 3; b++) {
                    c[a * 3 + b] += x.get(i, a) * y.get(i, b);
                }
            }
        }
        assertClose(Matrix.wrap(7, 7, g), Matrix.wrap(7, 7, gram), 1e-12, "gram");
        assertClose(Matrix.wrap(7, 7, g), Products.gram(x), 1e-12, "gram");
        assertClose(Matrix.wrap(7, 3, c), Matrix.wrap(7, 3, xty), 1e-12, "X'Y");
        assertClose(Matrix.wrap(7, 3, c), Products.multiply(x.transpose(), y), 1e-12, "multiply");
        Matrix z = random(5, 7, 9);
        assertClose(Products.multiply(x, z.transpose()), Products.multiplyTransposed(x, z), 1e-12, "A B'");
    }

    @Test
    void choleskySolvesAndRejectsSingularSystems() {
        Matrix x = random(50, 4, 3);
        Matrix a = Products.gram(x);
        Matrix b = random(4, 2, 4);
        Matrix sol = Solvers.choleskySolve(a, b);
        assertClose(b, Products.multiply(a, sol), 1e-10, "A X = B");
        Matrix singular = Matrix.of(new double[][] {{1, 2}, {2, 4}});
        assertThrows(ArithmeticException.class, () -> Solvers.choleskySolve(singular, Matrix.column(1, 1)));
    }
}
