package daal4j.linalg;

import daal4j.data.Matrix;
import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * Householder QR of one block of rows, kept in LAPACK's compact form so that products with Q
 * are formed by applying the reflectors rather than Q itself. The row-major block is the
 * column-major transpose X', so LAPACK factors it in place as the LQ factorization X' = L Q'
 * (dgelqf; dormlq applies the reflectors): R = L' and the same Q as a QR of X would give up to
 * signs, without a transposed copy. Diagonal signs of R are LAPACK's; callers that need a
 * convention fix them themselves.
 * With fewer rows m than columns p, R is the m x p trapezoid padded with zero rows to p x p
 * and Q is m x p with zero columns past m, so that Q R still reproduces the rows.
 */
public final class HouseholderQr {

    private final int m;
    private final int p;
    private final double[] factors; // row-major m x p = column-major p x m, as dgelqf leaves it
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
        // LAPACK works in place on its own copy
        double[] a = java.util.Arrays.copyOfRange(x, from * p, to * p);
        if (shift != null) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < p; j++) {
                    a[i * p + j] -= shift[j];
                }
            }
        }
        int k = Math.min(m, p);
        double[] tau = new double[Math.max(1, k)];
        if (k > 0 && m >= p && p > LEAF_ROWS) {
            recursiveLq(a, p, m, 0, p, tau, new double[p * p], new double[p * p + p]);
        } else if (k > 0) {
            LAPACK lapack = Linalg.lapack();
            intW info = new intW(0);
            double[] query = new double[1];
            lapack.dgelqf(p, m, a, p, tau, query, -1, info);
            double[] work = new double[Math.max(1, (int) query[0])];
            lapack.dgelqf(p, m, a, p, tau, work, work.length, info);
            if (info.val != 0) {
                throw new ArithmeticException("QR failed: LAPACK dgelqf info " + info.val);
            }
        }
        return new HouseholderQr(m, p, a, tau);
    }

    /** Rows of a panel that the recursion factors with the unblocked dgelq2. */
    private static final int LEAF_ROWS = 4;

    /**
     * The LQ factorization of rows [r0, r1) of the column-major p x m matrix {@code a}, rows
     * before r0 already done: the top half recursively, its reflectors applied to the bottom
     * half at once (dlarft, dlarfb: matrix-matrix products), then the bottom half. dgelqf does
     * the same with one level of 32-row panels, each factored a row at a time (matrix-vector
     * products, two thirds of the work for 50 columns); recursion leaves that to panels of
     * {@value #LEAF_ROWS} rows. The output is dgelqf's compact form, so dormlq applies it.
     */
    private static void recursiveLq(double[] a, int p, int m, int r0, int r1, double[] tau, double[] t,
                                    double[] work) {
        LAPACK lapack = Linalg.lapack();
        int rows = r1 - r0;
        int n = m - r0;
        int at = r0 + r0 * p;
        if (rows <= LEAF_ROWS) {
            intW info = new intW(0);
            lapack.dgelq2(rows, n, a, at, p, tau, r0, work, 0, info);
            if (info.val != 0) {
                throw new ArithmeticException("QR failed: LAPACK dgelq2 info " + info.val);
            }
            return;
        }
        int h = rows / 2;
        recursiveLq(a, p, m, r0, r0 + h, tau, t, work);
        int below = rows - h;
        lapack.dlarft("F", "R", n, h, a, at, p, tau, r0, t, 0, h);
        lapack.dlarfb("R", "N", "F", "R", below, n, h, a, at, p, t, 0, h, a, at + h, p, work, 0, below);
        recursiveLq(a, p, m, r0 + h, r1, tau, t, work);
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
        // R = L': R's upper triangle is the block's own, row-major
        for (int i = 0; i < k; i++) {
            System.arraycopy(factors, i * p + i, r, i * p + i, p - i);
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
        // The row-major m x q block of out is the column-major q x m matrix (Q B)' = B' Q',
        // and Q' is the first k rows of the LQ's orthogonal factor: start it as [B[:k, :]' 0]
        // (B's first k rows, then zero rows) and let dormlq multiply by that factor from the
        // right, in place, with no transposed copy.
        int base = rowOffset * q;
        System.arraycopy(b.rowMajorView(), 0, out, base, k * q);
        java.util.Arrays.fill(out, base + k * q, base + m * q, 0.0);
        if (k > 0) {
            LAPACK lapack = Linalg.lapack();
            intW info = new intW(0);
            double[] query = new double[1];
            lapack.dormlq("R", "N", q, m, k, factors, 0, p, tau, 0, out, base, q, query, 0, -1, info);
            double[] work = new double[Math.max(1, (int) query[0])];
            lapack.dormlq("R", "N", q, m, k, factors, 0, p, tau, 0, out, base, q, work, 0, work.length, info);
            if (info.val != 0) {
                throw new ArithmeticException("applying Q failed: LAPACK dormlq info " + info.val);
            }
        }
    }
}
