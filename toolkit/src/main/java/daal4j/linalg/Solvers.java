package daal4j.linalg;

import daal4j.data.Matrix;
import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.doubleW;
import org.netlib.util.intW;

/** LAPACK solves of small systems: Cholesky, positive semidefinite (with a pseudo-inverse fallback), triangular. */
public final class Solvers {

    /** Unit roundoff of doubles. */
    private static final double EPS = Math.ulp(1.0) / 2;

    /** Eigenvalues of a PSD system below this fraction of the largest are taken as zero. */
    private static final double NULL_EIGENVALUE = 1e-12;

    /**
     * Solves A X = B for symmetric positive definite A (p x p) by Cholesky; B is p x q.
     * Throws ArithmeticException when A is not positive definite.
     */
    static Matrix choleskySolve(Matrix a, Matrix b) {
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
     * A is not singular to working precision, else the minimum-norm solution through A's
     * eigenvalues (the pseudo-inverse, eigenvalues below 1e-12 of the largest taken as zero),
     * which for normal equations X'X is a least-squares solution as NumPy's lstsq gives.
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

    /** X = V diag(1/w) V' B over the eigenpairs (w, V) of A with w above 1e-12 max w. */
    private static Matrix pseudoInverseSolve(Matrix a, Matrix b) {
        int p = a.rows();
        SymmetricEigen eigen = SymmetricEigen.of(a);
        double[] w = eigen.values();
        // a zero eigenvalue of a computed X'X comes out as rounding noise of about n eps of the
        // largest (and an eigensolver adds p eps): 1e-12 sits well above that, well below signal
        double cutoff = NULL_EIGENVALUE * Math.max(0, w[0]);
        double[] inverse = new double[p];
        for (int k = 0; k < p; k++) {
            inverse[k] = w[k] > cutoff ? 1 / w[k] : 0;
        }
        // eigenvectors are the rows of V': X = V (diag(1/w) (V' B))
        Matrix vt = eigen.vectors();
        return Products.multiply(vt.transpose(), Products.multiply(vt, b).scaleRows(inverse));
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

    private Solvers() {
    }
}
