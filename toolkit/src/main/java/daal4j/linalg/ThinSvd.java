package daal4j.linalg;

import daal4j.data.Matrix;
import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * Thin singular value decomposition A = U diag(s) V' of an m x n matrix with m >= n (LAPACK
 * dgesvd): singular values descending, U m x n, V' n x n (rows are the right singular
 * vectors). Signs are LAPACK's.
 */
public final class ThinSvd {

    private final double[] values;
    private final Matrix u;
    private final Matrix vt;

    private ThinSvd(double[] values, Matrix u, Matrix vt) {
        this.values = values;
        this.u = u;
        this.vt = vt;
    }

    /** The decomposition of {@code a}; {@code withU} false skips U (then {@link #u()} is null). */
    public static ThinSvd of(Matrix a, boolean withU) {
        int m = a.rows();
        int n = a.cols();
        if (m < n) {
            throw new IllegalArgumentException("thin SVD needs at least as many rows as columns, got " + m + " x " + n);
        }
        double[] s = new double[n];
        if (n == 0) {
            return new ThinSvd(s, withU ? Matrix.zeros(m, 0) : null, Matrix.zeros(0, 0));
        }
        LAPACK lapack = Linalg.lapack();
        double[] work0 = a.toColumnMajor();
        double[] uc = new double[withU ? m * n : 1];
        double[] vtc = new double[n * n];
        String jobu = withU ? "S" : "N";
        intW info = new intW(0);
        double[] query = new double[1];
        lapack.dgesvd(jobu, "A", m, n, work0, m, s, uc, m, vtc, n, query, -1, info);
        double[] work = new double[Math.max(1, (int) query[0])];
        lapack.dgesvd(jobu, "A", m, n, work0, m, s, uc, m, vtc, n, work, work.length, info);
        if (info.val != 0) {
            throw new ArithmeticException("SVD did not converge: LAPACK dgesvd info " + info.val);
        }
        return new ThinSvd(s, withU ? Matrix.ofColumnMajor(m, n, uc) : null, Matrix.ofColumnMajor(n, n, vtc));
    }

    /** Singular values, descending (copy). */
    public double[] values() {
        return values.clone();
    }

    /** Left singular vectors as columns, m x n, or null when not asked for. */
    public Matrix u() {
        return u;
    }

    /** Right singular vectors as rows (V'), n x n. */
    public Matrix vt() {
        return vt;
    }
}
