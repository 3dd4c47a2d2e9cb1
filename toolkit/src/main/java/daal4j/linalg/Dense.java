package daal4j.linalg;

import daal4j.data.Matrix;
import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.doubleW;
import org.netlib.util.intW;

/**
 * Dense kernels on row-major data through {@link Linalg}. A row-major n x p array is the
 * column-major p x n transpose, which is how each kernel hands it to BLAS without copying.
 */
public final class Dense {

    /** Unit roundoff of doubles. */
    private static final double EPS = Math.ulp(1.0) / 2;

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

    /**
     * Solves A X = B for symmetric positive semidefinite A (p x p), B p x q: by Cholesky when
     * A is well conditioned, else the minimum-norm solution through A's eigenvalues (the
     * pseudo-inverse, eigenvalues below p * eps * the largest taken as zero), which for
     * normal equations X'X is a least-squares solution as NumPy's lstsq gives.
     */
    public static Matrix solvePsd(Matrix a, Matrix b) {
        int p = a.rows();
        if (a.cols() != p || b.rows() != p) {
            throw new IllegalArgumentException("solvePsd: A is " + a.rows() + " x " + a.cols()
                    + ", B is " + b.rows() + " x " + b.cols());
        }
        if (p == 0) {
            return Matrix.zeros(0, b.cols());
        }
        LAPACK lapack = Linalg.lapack();
        double[] f = a.toRowMajor(); // symmetric: row- and column-major agree
        double norm = lapack.dlansy("1", "U", p, f, p, new double[p]);
        intW info = new intW(0);
        lapack.dpotrf("U", p, f, p, info);
        if (info.val == 0) {
            doubleW rcond = new doubleW(0);
            lapack.dpocon("U", p, f, p, norm, rcond, new double[3 * p], new int[p], info);
            // a factor that exists but is this ill-conditioned is rounding noise, not a solution
            if (info.val == 0 && rcond.val > p * EPS) {
                double[] x = b.toColumnMajor();
                lapack.dpotrs("U", p, b.cols(), f, p, x, p, info);
                if (info.val == 0) {
                    return Matrix.ofColumnMajor(p, b.cols(), x);
                }
            }
        }
        return pseudoInverseSolve(a, b);
    }

    /** X = V diag(1/w) V' B over the eigenpairs (w, V) of A with w above p * eps * max w. */
    private static Matrix pseudoInverseSolve(Matrix a, Matrix b) {
        int p = a.rows();
        int q = b.cols();
        LAPACK lapack = Linalg.lapack();
        double[] v = a.toRowMajor();
        double[] w = new double[p];
        intW info = new intW(0);
        double[] query = new double[1];
        lapack.dsyev("V", "U", p, v, p, w, query, -1, info);
        double[] work = new double[Math.max(1, (int) query[0])];
        lapack.dsyev("V", "U", p, v, p, w, work, work.length, info);
        if (info.val != 0) {
            throw new ArithmeticException("symmetric eigensolver did not converge: LAPACK dsyev info " + info.val);
        }
        double cutoff = p * EPS * Math.max(0, w[p - 1]);
        // V is column-major p x p, i.e. row-major V'; C = V' B, scaled by 1/w, then X = V C
        Matrix vt = Matrix.wrap(p, p, v);
        double[] c = multiply(vt, b).toRowMajor();
        for (int k = 0; k < p; k++) {
            double s = w[k] > cutoff ? 1 / w[k] : 0;
            for (int j = 0; j < q; j++) {
                c[k * q + j] *= s;
            }
        }
        return multiply(vt.transpose(), Matrix.wrap(p, q, c));
    }
}
