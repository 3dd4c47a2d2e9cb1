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
        // The row-major m x q block of out is the column-major q x m matrix (Q B)' = B' Q':
        // start it as [B[:k, :]' 0] (B's first k rows, then zero rows) and let dormqr multiply
        // by Q' from the right, in place, with no transposed copy.
        int base = rowOffset * q;
        System.arraycopy(b.rowMajorView(), 0, out, base, k * q);
        java.util.Arrays.fill(out, base + k * q, base + m * q, 0.0);
        if (k > 0) {
            LAPACK lapack = Linalg.lapack();
            intW info = new intW(0);
            double[] query = new double[1];
            lapack.dormqr("R", "T", q, m, k, factors, 0, m, tau, 0, out, base, q, query, 0, -1, info);
            double[] work = new double[Math.max(1, (int) query[0])];
            lapack.dormqr("R", "T", q, m, k, factors, 0, m, tau, 0, out, base, q, work, 0, work.length, info);
            if (info.val != 0) {
                throw new ArithmeticException("applying Q failed: LAPACK dormqr info " + info.val);
            }
        }
    }
}
