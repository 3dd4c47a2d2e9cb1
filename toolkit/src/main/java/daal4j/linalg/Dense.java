package daal4j.linalg;

import daal4j.data.Matrix;
import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * Dense kernels on row-major data through {@link Linalg}. A row-major n x p array is the
 * column-major p x n transpose, which is how each kernel hands it to BLAS without copying.
 */
public final class Dense {

    private Dense() {
    }

    /**
     * Adds X'X of rows [from, to) of the row-major n x p array {@code x} into the upper
     * triangle of the p x p accumulator {@code gram} (symmetric; see {@link #symmetrize}).
     */
    public static void addGram(double[] x, int p, int from, int to, double[] gram) {
        if (to > from && p > 0) {
            Linalg.blas().dsyrk("U", "N", p, to - from, 1.0, x, from * p, p, 1.0, gram, 0, p);
        }
    }

    /**
     * Adds X'Y of rows [from, to) into the p x q row-major accumulator {@code xty}, where x
     * is row-major n x p and y row-major n x q.
     */
    public static void addCrossProduct(double[] x, int p, double[] y, int q, int from, int to, double[] xty) {
        if (to > from && p > 0 && q > 0) {
            // (X'Y)' = Y'X: column-major q x p result is row-major p x q
            Linalg.blas().dgemm("N", "T", q, p, to - from, 1.0, y, from * q, q, x, from * p, p, 1.0, xty, 0, q);
        }
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
     * Solves A X = B for symmetric positive definite A (p x p) by Cholesky; B is p x q.
     * Throws ArithmeticException when A is not positive definite.
     */
    public static Matrix choleskySolve(Matrix a, Matrix b) {
        int p = a.rows();
        if (a.cols() != p || b.rows() != p) {
            throw new IllegalArgumentException("choleskySolve: A is " + a.rows() + " x " + a.cols()
                    + ", B is " + b.rows() + " x " + b.cols());
        }
        int q = b.cols();
        LAPACK lapack = Linalg.lapack();
        double[] f = a.toRowMajor(); // symmetric: row- and column-major agree
        intW info = new intW(0);
        lapack.dpotrf("U", p, f, p, info);
        if (info.val != 0) {
            throw new ArithmeticException("the system is not positive definite (leading minor "
                    + info.val + " of " + p + "); the features are linearly dependent or too few rows");
        }
        double[] x = b.toColumnMajor();
        lapack.dpotrs("U", p, q, f, p, x, p, info);
        if (info.val != 0) {
            throw new ArithmeticException("Cholesky solve failed: LAPACK dpotrs info " + info.val);
        }
        return Matrix.ofColumnMajor(p, q, x);
    }

    /** The p x p identity. */
    public static Matrix identity(int p) {
        double[] d = new double[p * p];
        for (int i = 0; i < p; i++) {
            d[i * p + i] = 1.0;
        }
        return Matrix.wrap(p, p, d);
    }

    /**
     * For each row, +1 or -1 so that its largest-magnitude entry becomes positive (the first
     * such entry on ties; +1 for a zero row): the sign-flip rule of oneDAL's deterministic PCA,
     * which makes eigen- and singular vectors independent of the solver's sign choice.
     */
    public static double[] largestEntryPositiveSigns(Matrix rows) {
        double[] signs = new double[rows.rows()];
        double[] v = rows.rowMajorView();
        int p = rows.cols();
        for (int i = 0; i < signs.length; i++) {
            double best = 0;
            for (int j = 0; j < p; j++) {
                double x = v[i * p + j];
                if (Math.abs(x) > Math.abs(best)) {
                    best = x;
                }
            }
            signs[i] = best < 0 ? -1.0 : 1.0;
        }
        return signs;
    }

    /** Row i of {@code a} times {@code factors[i]}. */
    public static Matrix scaleRows(Matrix a, double[] factors) {
        if (factors.length != a.rows()) {
            throw new IllegalArgumentException(factors.length + " row factors for " + a.rows() + " rows");
        }
        double[] d = a.toRowMajor();
        int p = a.cols();
        for (int i = 0; i < factors.length; i++) {
            for (int j = 0; j < p; j++) {
                d[i * p + j] *= factors[i];
            }
        }
        return Matrix.wrap(a.rows(), p, d);
    }

    /** Column j of {@code a} times {@code factors[j]}. */
    public static Matrix scaleColumns(Matrix a, double[] factors) {
        if (factors.length != a.cols()) {
            throw new IllegalArgumentException(factors.length + " column factors for " + a.cols() + " columns");
        }
        double[] d = a.toRowMajor();
        int p = a.cols();
        for (int k = 0; k < d.length; k++) {
            d[k] *= factors[k % p];
        }
        return Matrix.wrap(a.rows(), p, d);
    }

    /** The rows of the given matrices one after another; all must have the same columns. */
    public static Matrix stack(java.util.List<Matrix> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to stack");
        }
        int p = parts.get(0).cols();
        long n = 0;
        for (Matrix m : parts) {
            if (m.cols() != p) {
                throw new IllegalArgumentException("cannot stack a " + m.rows() + " x " + m.cols()
                        + " matrix under ones with " + p + " columns");
            }
            n += m.rows();
        }
        double[] d = new double[Math.toIntExact(n * p)];
        int at = 0;
        for (Matrix m : parts) {
            double[] v = m.rowMajorView();
            System.arraycopy(v, 0, d, at, v.length);
            at += v.length;
        }
        return Matrix.wrap((int) n, p, d);
    }

    /**
     * Solves R X = B for upper triangular p x p R (LAPACK dtrtrs); B is p x q. Throws
     * ArithmeticException when R is singular.
     */
    public static Matrix upperTriangularSolve(Matrix r, Matrix b) {
        int p = r.rows();
        if (r.cols() != p || b.rows() != p) {
            throw new IllegalArgumentException("upperTriangularSolve: R is " + r.rows() + " x " + r.cols()
                    + ", B is " + b.rows() + " x " + b.cols());
        }
        int q = b.cols();
        if (p == 0 || q == 0) {
            return Matrix.zeros(p, q);
        }
        double[] x = b.toColumnMajor();
        intW info = new intW(0);
        Linalg.lapack().dtrtrs("U", "N", "N", p, q, r.toColumnMajor(), p, x, p, info);
        if (info.val > 0) {
            throw new ArithmeticException("the triangular factor is singular (diagonal entry " + info.val + " of "
                    + p + " is zero); the columns are linearly dependent");
        }
        if (info.val < 0) {
            throw new ArithmeticException("triangular solve failed: LAPACK dtrtrs info " + info.val);
        }
        return Matrix.ofColumnMajor(p, q, x);
    }

    /** Squared Euclidean norms of rows [from, to) of row-major x (n x p), into out[from..to). */
    public static void squaredRowNorms(double[] x, int p, int from, int to, double[] out) {
        for (int i = from; i < to; i++) {
            double s = 0;
            int o = i * p;
            for (int j = 0; j < p; j++) {
                s += x[o + j] * x[o + j];
            }
            out[i] = s;
        }
    }

    /**
     * For rows [from, to) of row-major x (n x p), the nearest of the k rows of row-major c
     * (k x p) by Euclidean distance: its index into label[from..to) (the lowest index on
     * ties) and the squared distance into dist[from..to). xNorms and cNorms are the squared
     * row norms ({@link #squaredRowNorms}); work holds at least (to - from) * k values.
     */
    public static void nearest(double[] x, int p, int from, int to, double[] xNorms,
                               double[] c, int k, double[] cNorms, int[] label, double[] dist, double[] work) {
        int b = to - from;
        if (b <= 0) {
            return;
        }
        // ||x - c||^2 = ||x||^2 + (||c||^2 - 2 x.c): the bracket for all pairs is one dgemm
        for (int i = 0; i < b; i++) {
            System.arraycopy(cNorms, 0, work, i * k, k);
        }
        if (p > 0) {
            // row-major W (b x k) is column-major W' (k x b) = C (k x p) X' (p x b)
            Linalg.blas().dgemm("T", "N", k, b, p, -2.0, c, 0, p, x, from * p, p, 1.0, work, 0, k);
        }
        for (int i = 0; i < b; i++) {
            int o = i * k;
            int best = 0;
            double min = work[o];
            for (int j = 1; j < k; j++) {
                if (work[o + j] < min) {
                    min = work[o + j];
                    best = j;
                }
            }
            label[from + i] = best;
            // rounding can push a zero distance slightly below zero
            dist[from + i] = Math.max(0.0, xNorms[from + i] + min);
        }
    }
}
