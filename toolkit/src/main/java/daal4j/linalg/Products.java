package daal4j.linalg;

import daal4j.data.Matrix;
import java.util.Arrays;

/**
 * BLAS products on row-major data through {@link Linalg}: Gram and cross-products, column
 * sums, matrix products. A row-major n x p array is the column-major p x n transpose, which is
 * how each kernel hands it to BLAS without copying.
 */
public final class Products {

    /** Up to this many columns, column sums are a plain loop rather than dgemv. */
    private static final int FEW_COLUMNS = 4;

    /**
     * Adds X'X of rows [from, to) of the row-major n x p array {@code x} into the upper
     * triangle of the p x p accumulator {@code gram} (symmetric; see {@link #symmetrize}).
     */
    public static void addGram(double[] x, int p, int from, int to, double[] gram) {
        addGram(x, p, from, to, gram, 0, p);
    }

    /**
     * Adds X'X of rows [from, to) of the row-major n x p array {@code x} into the upper
     * triangle of the p x p column-major block of {@code c} starting at {@code offset} with
     * leading dimension {@code ldc} (a diagonal block of a larger cross-product).
     */
    public static void addGram(double[] x, int p, int from, int to, double[] c, int offset, int ldc) {
        if (to > from && p > 0) {
            Linalg.blas().dsyrk("U", "N", p, to - from, 1.0, x, from * p, p, 1.0, c, offset, ldc);
        }
    }

    /**
     * Adds X'Y of rows [from, to) (x row-major n x p; {@code ys} the parts of Y side by side,
     * each row-major n x q_k) into the p x q column-major block of {@code c} starting at
     * {@code offset} with leading dimension {@code ldc}, and returns the column sums of those
     * rows of X.
     */
    public static double[] addCrossProductAndSums(double[] x, int p, Matrix[] ys, int from, int to, double[] c,
                                                  int offset, int ldc) {
        int nb = to - from;
        int q = 0;
        for (Matrix y : ys) {
            q += y.cols();
        }
        int k = q + 1;
        // the block's rows of [Y 1] packed: one dgemm X'[Y 1] reads X once, where a dgemv per
        // column of Y and one for the sums read it q + 1 times (measured ~8% of a regression's pass)
        double[] w = new double[nb * k];
        int col = 0;
        for (Matrix y : ys) {
            int qy = y.cols();
            double[] v = y.rowMajorView();
            for (int i = 0; i < nb; i++) {
                // a loop, not System.arraycopy: rows of Y are a few values, shorter than its call
                int src = (from + i) * qy;
                int dst = i * k + col;
                for (int j = 0; j < qy; j++) {
                    w[dst + j] = v[src + j];
                }
            }
            col += qy;
        }
        for (int i = 0; i < nb; i++) {
            w[i * k + q] = 1.0;
        }
        double[] xw = new double[p * k];
        if (nb > 0 && p > 0) {
            // the row-major arrays are column-major X' (p x nb) and W' (k x nb): X'W = (X')(W')'
            Linalg.blas().dgemm("N", "T", p, k, nb, 1.0, x, from * p, p, w, 0, k, 0.0, xw, 0, p);
        }
        for (int j = 0; j < q; j++) {
            for (int i = 0; i < p; i++) {
                c[offset + j * ldc + i] += xw[j * p + i];
            }
        }
        return Arrays.copyOfRange(xw, q * p, k * p);
    }

    /**
     * Adds X'Y of rows [from, to) into the p x q row-major accumulator {@code xty}, where x
     * is row-major n x p and y row-major n x q.
     */
    static void addCrossProduct(double[] x, int p, double[] y, int q, int from, int to, double[] xty) {
        if (to > from && p > 0 && q > 0) {
            // (X'Y)' = Y'X: column-major q x p result is row-major p x q
            Linalg.blas().dgemm("N", "T", q, p, to - from, 1.0, y, from * q, q, x, from * p, p, 1.0, xty, 0, q);
        }
    }

    /** Adds the column sums of rows [from, to) of the row-major n x p array {@code x} into {@code sums}. */
    public static void addColumnSums(double[] x, int p, int from, int to, double[] sums) {
        // one pass at the memory's speed (x - 0 is x), where dgemv on a vector of ones ran at half
        Kernels.shiftedColumnSums(x, p, from, to, new double[p], sums);
    }

    /** Copies the upper triangle of a symmetric p x p array onto its lower triangle. */
    public static void symmetrize(double[] a, int p) {
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < j; i++) {
                // column-major upper (i, j) sits at j*p + i; its mirror at i*p + j
                a[i * p + j] = a[j * p + i];
            }
        }
    }

    /** X'X of a whole matrix, p x p. */
    public static Matrix gram(Matrix x) {
        int p = x.cols();
        double[] g = new double[p * p];
        addGram(x.rowMajorView(), p, 0, x.rows(), g);
        symmetrize(g, p);
        return Matrix.wrap(p, p, g);
    }

    /** A times B. */
    public static Matrix multiply(Matrix a, Matrix b) {
        if (a.cols() != b.rows()) {
            throw new IllegalArgumentException("cannot multiply " + a.rows() + " x " + a.cols()
                    + " by " + b.rows() + " x " + b.cols());
        }
        int m = a.rows();
        int k = a.cols();
        int n = b.cols();
        double[] c = new double[m * n];
        if (m > 0 && n > 0 && k > 0) {
            // row-major C = A B is column-major C' = B' A'
            Linalg.blas().dgemm("N", "N", n, m, k, 1.0, b.rowMajorView(), 0, n, a.rowMajorView(), 0, k, 0.0, c, 0, n);
        }
        return Matrix.wrap(m, n, c);
    }

    /** A times B' (B given untransposed). */
    public static Matrix multiplyTransposed(Matrix a, Matrix b) {
        if (a.cols() != b.cols()) {
            throw new IllegalArgumentException("cannot multiply " + a.rows() + " x " + a.cols()
                    + " by the transpose of " + b.rows() + " x " + b.cols());
        }
        int m = a.rows();
        int k = a.cols();
        int n = b.rows();
        double[] c = new double[m * n];
        if (m > 0 && n > 0 && k > 0) {
            Linalg.blas().dgemm("T", "N", n, m, k, 1.0, b.rowMajorView(), 0, k, a.rowMajorView(), 0, k, 0.0, c, 0, n);
        }
        return Matrix.wrap(m, n, c);
    }

    /**
     * Writes rows [from, to) of A B' into {@code c} from index {@code at} (row-major, n values a
     * row), where {@code a} is row-major with k columns and {@code b} row-major n x k. Meant
     * for blocks of rows that are in cache.
     */
    public static void multiplyTransposedRows(double[] a, int k, int from, int to, double[] b, int n, double[] c,
                                              int at) {
        int rows = to - from;
        if (rows <= 0 || n == 0) {
            return;
        }
        if (k == 0) {
            // an empty sum is 0; BLAS would reject the leading dimension k = 0
            Arrays.fill(c, at, at + rows * n, 0.0);
        } else if (n <= FEW_COLUMNS) {
            // a product with a few rows of B is a few dot products per row of A: dgemv per row of
            // B, on the cached block, beats dgemm's packing (2M x 50 by 2: ~0.8x the time)
            for (int j = 0; j < n; j++) {
                Linalg.blas().dgemv("T", k, rows, 1.0, a, from * k, k, b, j * k, 1, 0.0, c, at + j, n);
            }
        } else {
            // row-major C = A B' is column-major C' = B A': B' (k x n column-major) transposed
            Linalg.blas().dgemm("T", "N", n, rows, k, 1.0, b, 0, k, a, from * k, k, 0.0, c, at, n);
        }
    }

    private Products() {
    }
}
