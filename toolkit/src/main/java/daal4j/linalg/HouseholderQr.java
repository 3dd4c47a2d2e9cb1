package daal4j.linalg;

import daal4j.data.Matrix;
import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * Householder QR of one block of rows (LAPACK dgeqrf), kept in LAPACK's compact form so that
 * products with Q are formed by applying the reflectors (dormqr) rather than Q itself.
 * Diagonal signs of R are LAPACK's; callers that need a convention fix them themselves.
 * With fewer rows m than columns p, R is the m x p trapezoid padded with zero rows to p x p
 * and Q is m x p with zero columns past m, so that Q R still reproduces the rows.
 */
public final class HouseholderQr {

    private final int m;
    private final int p;
    private final double[] factors; // column-major m x p as dgeqrf leaves it
    private final double[] tau;

    private HouseholderQr(int m, int p, double[] factors, double[] tau) {
        this.m = m;
        this.p = p;
        this.factors = factors;
        this.tau = tau;
    }

    /** Factors rows [from, to) of the row-major array {@code x} with {@code p} columns. */
    public static HouseholderQr of(double[] x, int p, int from, int to) {
        return of(x, p, from, to, null);
    }

    /**
     * Factors rows [from, to) of {@code x} minus {@code shift} (one value per column, e.g. the
     * column means; null for none), shifted while copied so the data is not copied twice.
     */
    public static HouseholderQr of(double[] x, int p, int from, int to, double[] shift) {
        int m = to - from;
        double[] a = new double[m * p];
        // row-major rows -> column-major block: LAPACK works in place on its own copy
        for (int i = 0; i < m; i++) {
            int src = (from + i) * p;
            for (int j = 0; j < p; j++) {
                a[j * m + i] = shift == null ? x[src + j] : x[src + j] - shift[j];
            }
        }
        int k = Math.min(m, p);
        double[] tau = new double[Math.max(1, k)];
        if (k > 0) {
            LAPACK lapack = Linalg.lapack();
            intW info = new intW(0);
            double[] query = new double[1];
            lapack.dgeqrf(m, p, a, m, tau, query, -1, info);
            double[] work = new double[Math.max(1, (int) query[0])];
            lapack.dgeqrf(m, p, a, m, tau, work, work.length, info);
            if (info.val != 0) {
                throw new ArithmeticException("QR failed: LAPACK dgeqrf info " + info.val);
            }
        }
        return new HouseholderQr(m, p, a, tau);
    }

    /** Factors a whole matrix. */
    public static HouseholderQr of(Matrix a) {
        return of(a.rowMajorView(), a.cols(), 0, a.rows());
    }

    /** Number of rows factored. */
    public int rows() {
        return m;
    }

    /** Number of columns. */
    public int cols() {
        return p;
    }

    /** R, p x p upper triangular (zero rows past m when m < p), diagonal signs as LAPACK's. */
    public Matrix r() {
        double[] r = new double[p * p];
        int k = Math.min(m, p);
        for (int i = 0; i < k; i++) {
            for (int j = i; j < p; j++) {
                r[i * p + j] = factors[j * m + i];
            }
        }
        return Matrix.wrap(p, p, r);
    }

    /** Q B for a p x q matrix B: m x q (only B's first min(m, p) rows meet Q's columns). */
    public Matrix qTimes(Matrix b) {
        double[] out = new double[m * b.cols()];
        qTimes(b, out, 0);
        return Matrix.wrap(m, b.cols(), out);
    }

    /** Q, m x p. */
    public Matrix q() {
        return qTimes(Dense.identity(p));
    }

    /**
     * Writes Q B (m x q, row-major) into {@code out} from row {@code rowOffset} on, for a p x q
     * matrix B; lets a caller assemble the rows of many blocks in one array.
     */
    public void qTimes(Matrix b, double[] out, int rowOffset) {
        if (b.rows() != p) {
            throw new IllegalArgumentException("Q of a " + m + " x " + p + " QR times a " + b.rows() + " x "
                    + b.cols() + " matrix");
        }
        int q = b.cols();
        int k = Math.min(m, p);
        if (m == 0 || q == 0) {
            return;
        }
        // C = [B[:k, :]; 0] column-major m x q, then C := Q C by the reflectors
        double[] c = new double[m * q];
        double[] bv = b.rowMajorView();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < q; j++) {
                c[j * m + i] = bv[i * q + j];
            }
        }
        if (k > 0) {
            LAPACK lapack = Linalg.lapack();
            intW info = new intW(0);
            double[] query = new double[1];
            lapack.dormqr("L", "N", m, q, k, factors, m, tau, c, m, query, -1, info);
            double[] work = new double[Math.max(1, (int) query[0])];
            lapack.dormqr("L", "N", m, q, k, factors, m, tau, c, m, work, work.length, info);
            if (info.val != 0) {
                throw new ArithmeticException("applying Q failed: LAPACK dormqr info " + info.val);
            }
        }
        int base = rowOffset * q;
        for (int j = 0; j < q; j++) {
            int col = j * m;
            for (int i = 0; i < m; i++) {
                out[base + i * q + j] = c[col + i];
            }
        }
    }
}
