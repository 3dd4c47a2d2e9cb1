package daal4j.linalg;

import daal4j.data.Matrix;
import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * Householder QR of one block of rows, kept in LAPACK's compact form (dgeqrf's: R above the
 * diagonal, the reflectors below) so that products with Q are formed by applying the
 * reflectors rather than Q itself. The row-major rows are copied transposed into a
 * column-major block, so that every reflector is a contiguous column: in the row-major block
 * itself a column is strided by p and every pass over one touches a cache line per entry.
 * Diagonal signs of R are LAPACK's; callers that need a convention fix them themselves.
 * With fewer rows m than columns p, R is the m x p trapezoid padded with zero rows to p x p
 * and Q is m x p with zero columns past m, so that Q R still reproduces the rows.
 */
public final class HouseholderQr {

    /** Columns of a panel that the recursion factors with the unblocked dgeqr2. */
    private static final int LEAF_COLUMNS = 4;

    private final int m;
    private final int p;
    private final int ld; // leading dimension of factors
    // column-major m x p (leading dimension ld) as dgeqrf leaves it; arrays handed to netlib
    // carry spare entries since its bounds check wants whole columns from an offset
    private final double[] factors;
    private final double[] tau;
    // column-major p x p upper triangular T with Q = I - V T V' (columns of V: the reflectors),
    // kept from the factorization when m >= p; null when dgeqrf did it (m < p)
    private final double[] t;

    private HouseholderQr(int m, int p, int ld, double[] factors, double[] tau, double[] t) {
        this.m = m;
        this.p = p;
        this.ld = ld;
        this.factors = factors;
        this.tau = tau;
        this.t = t;
    }

    /** Factors rows [from, to) of the row-major array {@code x} with {@code p} columns. */
    public static HouseholderQr of(double[] x, int p, int from, int to) {
        int m = to - from;
        int ld = Math.max(1, m);
        double[] a = new double[ld * p + ld];
        transposeInto(x, p, from, to, null, a, ld, 0);
        return factor(m, p, ld, a);
    }

    /**
     * R alone (p x p, diagonal signs as LAPACK's) of the rows of {@code above} (p columns; null
     * for none) stacked over rows [from, to) of {@code x} minus {@code shift} (null for none):
     * one step of a running R over many blocks, cheaper than a QR of the block and one of the
     * two stacked R's, and neither Q nor the block reflector of all rows is formed.
     */
    public static Matrix r(Matrix above, double[] x, int p, int from, int to, double[] shift) {
        int top = above == null ? 0 : above.rows();
        if (above != null && above.cols() != p) {
            throw new IllegalArgumentException("R of " + p + " columns under a matrix of " + above.cols());
        }
        int m = top + to - from;
        int ld = Math.max(1, m);
        double[] a = new double[ld * p + ld];
        if (above != null) {
            transposeInto(above.rowMajorView(), p, 0, top, null, a, ld, 0);
        }
        transposeInto(x, p, from, to, shift, a, ld, top);
        if (m < p || p == 0) {
            return factor(m, p, ld, a).r(); // fewer rows than columns: the general path's trapezoid
        }
        recursiveQr(a, ld, p, m, 0, p, new double[p], new double[p * p + p], false, new double[p * p + p]);
        return new HouseholderQr(m, p, ld, a, null, null).r();
    }

    private static HouseholderQr factor(int m, int p, int ld, double[] a) {
        int k = Math.min(m, p);
        double[] tau = new double[Math.max(1, k)];
        if (k > 0 && m >= p) {
            double[] t = new double[p * p + p];
            recursiveQr(a, ld, p, m, 0, p, tau, t, true, new double[p * p + p]);
            return new HouseholderQr(m, p, ld, a, tau, t);
        }
        if (k > 0) {
            LAPACK lapack = Linalg.lapack();
            intW info = new intW(0);
            double[] query = new double[1];
            lapack.dgeqrf(m, p, a, 0, ld, tau, 0, query, 0, -1, info);
            double[] work = new double[Math.max(1, (int) query[0])];
            lapack.dgeqrf(m, p, a, 0, ld, tau, 0, work, 0, work.length, info);
            if (info.val != 0) {
                throw new ArithmeticException("QR failed: LAPACK dgeqrf info " + info.val);
            }
        }
        return new HouseholderQr(m, p, ld, a, tau, null);
    }

    /**
     * Rows [from, to) of the row-major {@code x} (p columns) minus {@code shift} (null for
     * none) into rows from {@code row} on of the column-major {@code a}; eight rows at a time,
     * so each column receives whole cache lines.
     */
    private static void transposeInto(double[] x, int p, int from, int to, double[] shift, double[] a, int ld,
                                      int row) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            int dst = row + i - from;
            for (int j = 0; j < p; j++) {
                double s = shift == null ? 0.0 : shift[j];
                int src = i * p + j;
                int d = dst + j * ld;
                for (int r = 0; r < 8; r++) {
                    a[d + r] = x[src + r * p] - s;
                }
            }
        }
        for (; i < to; i++) {
            int dst = row + i - from;
            for (int j = 0; j < p; j++) {
                a[dst + j * ld] = x[i * p + j] - (shift == null ? 0.0 : shift[j]);
            }
        }
    }

    /**
     * The QR factorization of columns [c0, c1) of the column-major m x p matrix {@code a}
     * (m >= p), columns before c0 already done: the left half recursively, its reflectors
     * applied to the right half at once (dlarfb: matrix-matrix products), then the right half.
     * dgeqrf does the same with one level of 32-column panels, each factored a column at a
     * time (matrix-vector products, two thirds of the work for 50 columns); recursion leaves
     * that to panels of {@value #LEAF_COLUMNS} columns. The triangular factor T of each half's
     * block reflector is built from its halves' (T12 = -T1 V1' V2 T2, matrix-matrix products)
     * rather than by dlarft a column at a time; with {@code needT} false the columns' own T is
     * not built (their reflectors are then applied to nothing more). The output is dgeqrf's.
     */
    private static void recursiveQr(double[] a, int ld, int p, int m, int c0, int c1, double[] tau, double[] t,
                                    boolean needT, double[] work) {
        LAPACK lapack = Linalg.lapack();
        int cols = c1 - c0;
        int n = m - c0;
        int at = c0 + c0 * ld;
        if (cols <= LEAF_COLUMNS) {
            intW info = new intW(0);
            lapack.dgeqr2(n, cols, a, at, ld, tau, c0, work, 0, info);
            if (info.val != 0) {
                throw new ArithmeticException("QR failed: LAPACK dgeqr2 info " + info.val);
            }
            if (needT) {
                lapack.dlarft("F", "C", n, cols, a, at, ld, tau, c0, t, c0 + c0 * p, p);
            }
            return;
        }
        int h = cols / 2;
        int right = cols - h;
        recursiveQr(a, ld, p, m, c0, c0 + h, tau, t, true, work);
        lapack.dlarfb("L", "T", "F", "C", n, right, h, a, at, ld, t, c0 + c0 * p, p, a, at + h * ld, ld, work, 0,
                right);
        recursiveQr(a, ld, p, m, c0 + h, c1, tau, t, needT, work);
        if (needT) {
            joinT(a, ld, p, m, c0, c0 + h, c1, t, work);
        }
    }

    /**
     * The off-diagonal block T12 = -T1 (V1' V2) T2 of the T of columns [c0, c1), from the T's
     * of columns [c0, mid) and [mid, c1), so that H1 H2 = I - V T V'. Rows before mid are zero
     * in V2 and rows [mid, c1) of V2 are unit lower triangular, hence a dtrmm and a dgemm. The
     * transpose (V2' V1, h2 x h) is what these products give without transposed copies; it is
     * turned around at the end, a few hundred entries.
     */
    private static void joinT(double[] a, int ld, int p, int m, int c0, int mid, int c1, double[] t, double[] w) {
        BLAS blas = Linalg.blas();
        int h = mid - c0;
        int h2 = c1 - mid;
        // w = V2[mid:c1]' V1[mid:c1] + V2[c1:]' V1[c1:], h2 x h, leading dimension h2
        Linalg.lapack().dlacpy("A", h2, h, a, mid + c0 * ld, ld, w, 0, h2);
        blas.dtrmm("L", "L", "T", "U", h2, h, 1.0, a, mid + mid * ld, ld, w, 0, h2);
        if (m > c1) {
            blas.dgemm("T", "N", h2, h, m - c1, 1.0, a, c1 + mid * ld, ld, a, c1 + c0 * ld, ld, 1.0, w, 0, h2);
        }
        // T12' = -T2' w T1'
        blas.dtrmm("L", "U", "T", "N", h2, h, -1.0, t, mid + mid * p, p, w, 0, h2);
        blas.dtrmm("R", "U", "T", "N", h2, h, 1.0, t, c0 + c0 * p, p, w, 0, h2);
        for (int j = 0; j < h2; j++) {
            for (int i = 0; i < h; i++) {
                t[c0 + i + (mid + j) * p] = w[j + i * h2];
            }
        }
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
                r[i * p + j] = factors[i + j * ld];
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
        return qTimes(Matrix.identity(p));
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
        // The row-major m x q block of out is the column-major q x m matrix (Q B)' = B' Q'
        // with Q the first k columns of the reflectors' product H: start it as [B[:k, :]' 0]
        // (B's first k rows, then zero rows) and let dormqr multiply it by H' from the right,
        // in place, with no transposed copy.
        System.arraycopy(b.rowMajorView(), 0, out, base, k * q);
        java.util.Arrays.fill(out, base + k * q, base + m * q, 0.0);
        if (k > 0) {
            LAPACK lapack = Linalg.lapack();
            intW info = new intW(0);
            double[] query = new double[1];
            lapack.dormqr("R", "T", q, m, k, factors, 0, ld, tau, 0, out, base, q, query, 0, -1, info);
            double[] work = new double[Math.max(1, (int) query[0])];
            lapack.dormqr("R", "T", q, m, k, factors, 0, ld, tau, 0, out, base, q, work, 0, work.length, info);
            if (info.val != 0) {
                throw new ArithmeticException("applying Q failed: LAPACK dormqr info " + info.val);
            }
        }
    }

    /**
     * Q B with the kept T (m >= p): the column-major q x m block C = (Q B)' of out is
     * [B' 0] (I - V T' V') = [B' - W L', -W V2'] with W = B' L T', L the unit lower triangle of
     * V's first p rows and V2 the rest. The zero block is never multiplied, so this is half
     * the work of applying the reflectors (dormqr) to [B' 0], mostly one matrix product.
     */
    private void qTimesFromT(double[] bt, int q, double[] out, int base) {
        BLAS blas = Linalg.blas();
        // B row-major p x q is B' column-major q x p
        double[] w = java.util.Arrays.copyOf(bt, p * q + q);
        blas.dtrmm("R", "L", "N", "U", q, p, 1.0, factors, 0, ld, w, 0, q);
        blas.dtrmm("R", "U", "T", "N", q, p, 1.0, t, 0, p, w, 0, q);
        if (m > p) {
            blas.dgemm("N", "T", q, m - p, p, -1.0, w, 0, q, factors, p, ld, 0.0, out, base + p * q, q);
        }
        blas.dtrmm("R", "L", "T", "U", q, p, 1.0, factors, 0, ld, w, 0, q);
        for (int i = 0; i < p * q; i++) {
            out[base + i] = bt[i] - w[i];
        }
    }
}
