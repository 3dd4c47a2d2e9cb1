package daal4j.linalg;

import daal4j.data.Matrix;
import dev.ludovic.netlib.blas.BLAS;
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
    // row-major m x p = column-major p x m, as dgelqf leaves it; arrays handed to netlib carry
    // p spare entries since its bounds check wants whole leading-dimension columns from an offset
    private final double[] factors;
    private final double[] tau;
    // column-major p x p upper triangular T with Q' = I - V' T' V (rows of V: the reflectors),
    // kept from the factorization when m >= p; null when dgelqf did it (m < p)
    private final double[] t;

    private HouseholderQr(int m, int p, double[] factors, double[] tau, double[] t) {
        this.m = m;
        this.p = p;
        this.factors = factors;
        this.tau = tau;
        this.t = t;
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
        double[] a = new double[m * p + p];
        copyShifted(x, p, from, to, shift, a, 0);
        int k = Math.min(m, p);
        double[] tau = new double[Math.max(1, k)];
        if (k > 0 && m >= p) {
            double[] t = new double[p * p + p];
            recursiveLq(a, p, m, 0, p, tau, t, true, new double[p * p]);
            return new HouseholderQr(m, p, a, tau, t);
        }
        if (k > 0) {
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
        return new HouseholderQr(m, p, a, tau, null);
    }

    /**
     * R alone (p x p, diagonal signs as LAPACK's) of the rows of {@code above} (p columns; null
     * for none) stacked over rows [from, to) of {@code x} minus {@code shift} (null for none):
     * one step of a running R over many blocks, cheaper than a QR of the block and one of the
     * two stacked R's since neither Q nor the block reflector of all rows is formed.
     */
    public static Matrix r(Matrix above, double[] x, int p, int from, int to, double[] shift) {
        int top = above == null ? 0 : above.rows();
        if (above != null && above.cols() != p) {
            throw new IllegalArgumentException("R of " + p + " columns under a matrix of " + above.cols());
        }
        int m = top + to - from;
        double[] a = new double[m * p + p];
        if (above != null) {
            System.arraycopy(above.rowMajorView(), 0, a, 0, top * p);
        }
        copyShifted(x, p, from, to, shift, a, top * p);
        if (m < p || p == 0) {
            return of(a, p, 0, m).r(); // fewer rows than columns: the general path's trapezoid
        }
        recursiveLq(a, p, m, 0, p, new double[p], new double[p * p + p], false, new double[p * p]);
        return new HouseholderQr(m, p, a, null, null).r();
    }

    /** Rows [from, to) of {@code x} minus {@code shift} (null for none) into {@code a} from {@code at}. */
    private static void copyShifted(double[] x, int p, int from, int to, double[] shift, double[] a, int at) {
        System.arraycopy(x, from * p, a, at, (to - from) * p);
        if (shift != null) {
            for (int i = at; i < at + (to - from) * p; i += p) {
                for (int j = 0; j < p; j++) {
                    a[i + j] -= shift[j];
                }
            }
        }
    }

    /** Rows of a panel that the recursion factors with the unblocked dgelq2. */
    private static final int LEAF_ROWS = 2;

    /**
     * The LQ factorization of rows [r0, r1) of the column-major p x m matrix {@code a} (m >= p),
     * rows before r0 already done: the top half recursively, its reflectors applied to the
     * bottom half at once (dlarfb: matrix-matrix products), then the bottom half. dgelqf does
     * the same with one level of 32-row panels, each factored a row at a time (matrix-vector
     * products, two thirds of the work for 50 columns); recursion leaves that to panels of
     * {@value #LEAF_ROWS} rows. The triangular factor T of each half's block reflector is built
     * from its halves' (T12 = -T1 V1 V2' T2, matrix-matrix products) rather than by dlarft a
     * column at a time; with {@code needT} false the rows' own T is not built (their reflectors
     * are then applied to nothing more). The output is dgelqf's compact form.
     */
    private static void recursiveLq(double[] a, int p, int m, int r0, int r1, double[] tau, double[] t,
                                    boolean needT, double[] work) {
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
            if (needT) {
                lapack.dlarft("F", "R", n, rows, a, at, p, tau, r0, t, at, p);
            }
            return;
        }
        int h = rows / 2;
        int below = rows - h;
        recursiveLq(a, p, m, r0, r0 + h, tau, t, true, work);
        lapack.dlarfb("R", "N", "F", "R", below, n, h, a, at, p, t, at, p, a, at + h, p, work, 0, below);
        recursiveLq(a, p, m, r0 + h, r1, tau, t, needT, work);
        if (needT) {
            joinT(a, p, m, r0, r0 + h, r1, t);
        }
    }

    /**
     * The off-diagonal block T12 = -T1 (V1 V2') T2 of the T of rows [r0, r1), from the T's of
     * rows [r0, mid) and [mid, r1), so that H1 H2 = I - V' T V. Columns before mid are zero in
     * V2 and columns [mid, r1) of V2 are unit upper triangular, hence a dtrmm and a dgemm.
     */
    private static void joinT(double[] a, int p, int m, int r0, int mid, int r1, double[] t) {
        BLAS blas = Linalg.blas();
        int h = mid - r0;
        int h2 = r1 - mid;
        int w = r0 + mid * p; // T12's place in t (column-major, leading dimension p)
        Linalg.lapack().dlacpy("A", h, h2, a, w, p, t, w, p);
        blas.dtrmm("R", "U", "T", "U", h, h2, 1.0, a, mid + mid * p, p, t, w, p);
        if (m > r1) {
            blas.dgemm("N", "T", h, h2, m - r1, 1.0, a, r0 + r1 * p, p, a, mid + r1 * p, p, 1.0, t, w, p);
        }
        blas.dtrmm("L", "U", "N", "N", h, h2, -1.0, t, r0 + r0 * p, p, t, w, p);
        blas.dtrmm("R", "U", "N", "N", h, h2, 1.0, t, mid + mid * p, p, t, w, p);
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
        int base = rowOffset * q;
        if (t != null) {
            qTimesFromT(b.rowMajorView(), q, out, base);
            return;
        }
        // The row-major m x q block of out is the column-major q x m matrix (Q B)' = B' Q',
        // and Q' is the first k rows of the LQ's orthogonal factor: start it as [B[:k, :]' 0]
        // (B's first k rows, then zero rows) and let dormlq multiply by that factor from the
        // right, in place, with no transposed copy.
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

    /**
     * Q B with the kept T (m >= p): the column-major q x m block C = (Q B)' of out is
     * [B' 0] (I - V' T' V) = [B' - W U, -W V2] with W = B' U' T', U the unit upper triangle of
     * V's first p columns and V2 the rest. The zero block is never multiplied, so this is half
     * the work of applying the reflectors (dormlq) to [B' 0], mostly one matrix product.
     */
    private void qTimesFromT(double[] bt, int q, double[] out, int base) {
        BLAS blas = Linalg.blas();
        // B row-major p x q is B' column-major q x p
        double[] w = java.util.Arrays.copyOf(bt, p * q);
        blas.dtrmm("R", "U", "T", "U", q, p, 1.0, factors, 0, p, w, 0, q);
        blas.dtrmm("R", "U", "T", "N", q, p, 1.0, t, 0, p, w, 0, q);
        if (m > p) {
            blas.dgemm("N", "N", q, m - p, p, -1.0, w, 0, q, factors, p * p, p, 0.0, out, base + p * q, q);
        }
        blas.dtrmm("R", "U", "N", "U", q, p, 1.0, factors, 0, p, w, 0, q);
        for (int i = 0; i < p * q; i++) {
            out[base + i] = bt[i] - w[i];
        }
    }
}
