package daal4j.linalg;

import daal4j.data.Matrix;
import java.util.Arrays;
import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.doubleW;
import org.netlib.util.intW;

/**
 * Dense kernels on row-major data through {@link Linalg}. A row-major n x p array is the
 * column-major p x n transpose, which is how each kernel hands it to BLAS without copying.
 */
public final class Dense {

    /** Up to this many columns, column sums are a plain loop rather than dgemv. */
    private static final int FEW_COLUMNS = 4;

    /** Unit roundoff of doubles. */
    private static final double EPS = Math.ulp(1.0) / 2;

    /**
     * Up to this many clusters, the nearest-centroid search finds each row's index with one
     * branch-free pass per cluster (measured about 10% faster per Lloyd step at 10 clusters),
     * above it by a search per row (measured faster at 100 clusters).
     */
    private static final int FEW_CLUSTERS = 32;

    /** Squared, this turns any positive difference into more than any cluster index. */
    private static final double HUGE = 1e300;

    /** Eigenvalues of a PSD system below this fraction of the largest are taken as zero. */
    private static final double NULL_EIGENVALUE = 1e-12;

    private Dense() {
    }

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
    public static void addCrossProduct(double[] x, int p, double[] y, int q, int from, int to, double[] xty) {
        if (to > from && p > 0 && q > 0) {
            // (X'Y)' = Y'X: column-major q x p result is row-major p x q
            Linalg.blas().dgemm("N", "T", q, p, to - from, 1.0, y, from * q, q, x, from * p, p, 1.0, xty, 0, q);
        }
    }

    /** Adds the column sums of rows [from, to) of the row-major n x p array {@code x} into {@code sums}. */
    public static void addColumnSums(double[] x, int p, int from, int to, double[] sums) {
        if (to <= from || p == 0) {
            return;
        }
        if (p <= FEW_COLUMNS) {
            // rows of a few values: a loop beats making a vector of ones for dgemv (x - 0 is x)
            addShiftedColumnSums(x, p, from, to, new double[p], sums);
            return;
        }
        // row-major rows are column-major columns: X' 1 is dgemv on the p x (to - from) transpose
        double[] ones = new double[to - from];
        Arrays.fill(ones, 1.0);
        Linalg.blas().dgemv("N", p, to - from, 1.0, x, from * p, p, ones, 0, 1, 1.0, sums, 0, 1);
    }

    /**
     * Adds the column sums of rows [from, to) of the row-major n x p array {@code x} minus
     * {@code shift} (one value per column) into {@code sums}: each difference is taken before
     * it is summed, so a shift near the values keeps the digits a plain sum would lose.
     */
    public static void addShiftedColumnSums(double[] x, int p, int from, int to, double[] shift, double[] sums) {
        for (int i = from; i < to; i++) {
            int at = i * p;
            for (int j = 0; j < p; j++) {
                sums[j] += x[at + j] - shift[j];
            }
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
        return multiply(vt.transpose(), scaleRows(multiply(vt, b), inverse));
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

    /** The columns of {@code a} then those of {@code b}, row by row (same number of rows). */
    public static Matrix sideBySide(Matrix a, Matrix b) {
        if (a.rows() != b.rows()) {
            throw new IllegalArgumentException("cannot put " + a.rows() + " rows beside " + b.rows());
        }
        int n = a.rows();
        int p = a.cols();
        int q = b.cols();
        double[] d = new double[Math.toIntExact((long) n * (p + q))];
        double[] av = a.rowMajorView();
        double[] bv = b.rowMajorView();
        for (int i = 0; i < n; i++) {
            System.arraycopy(av, i * p, d, i * (p + q), p);
            System.arraycopy(bv, i * q, d, i * (p + q) + p, q);
        }
        return Matrix.wrap(n, p + q, d);
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
     * Squared Euclidean distances of rows [from, to) of row-major x (n x p) to the point at
     * c[offset .. offset + p), into out[0 .. to - from): each the sum of the squared
     * differences in feature order, the same bits as a plain loop per row; four rows at a
     * time, so that four independent sums are in flight instead of one chain of additions.
     */
    public static void squaredDistances(double[] x, int p, int from, int to, double[] c, int offset, double[] out) {
        int i = from;
        for (; i + 3 < to; i += 4) {
            int o0 = i * p;
            int o1 = o0 + p;
            int o2 = o1 + p;
            int o3 = o2 + p;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int j = 0; j < p; j++) {
                double cj = c[offset + j];
                double d0 = x[o0 + j] - cj;
                double d1 = x[o1 + j] - cj;
                double d2 = x[o2 + j] - cj;
                double d3 = x[o3 + j] - cj;
                s0 += d0 * d0;
                s1 += d1 * d1;
                s2 += d2 * d2;
                s3 += d3 * d3;
            }
            out[i - from] = s0;
            out[i - from + 1] = s1;
            out[i - from + 2] = s2;
            out[i - from + 3] = s3;
        }
        for (; i < to; i++) {
            int o = i * p;
            double s = 0;
            for (int j = 0; j < p; j++) {
                double d = x[o + j] - c[offset + j];
                s += d * d;
            }
            out[i - from] = s;
        }
    }

    /**
     * Squared Euclidean distance of each row i in [from, to) of row-major x (n x p) to row
     * label[i] of row-major c (p columns), into out[0 .. to - from), with the bits of {@link
     * #squaredDistances} (feature order), four rows at a time. (The two are kept apart: one
     * kernel choosing the centroid per row for both measured ~12% slower in k-means++.)
     */
    public static void squaredDistancesToLabelled(double[] x, int p, int from, int to, double[] c, int[] label,
                                                  double[] out) {
        int i = from;
        for (; i + 3 < to; i += 4) {
            int o0 = i * p;
            int o1 = o0 + p;
            int o2 = o1 + p;
            int o3 = o2 + p;
            int c0 = label[i] * p;
            int c1 = label[i + 1] * p;
            int c2 = label[i + 2] * p;
            int c3 = label[i + 3] * p;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int j = 0; j < p; j++) {
                double d0 = x[o0 + j] - c[c0 + j];
                double d1 = x[o1 + j] - c[c1 + j];
                double d2 = x[o2 + j] - c[c2 + j];
                double d3 = x[o3 + j] - c[c3 + j];
                s0 += d0 * d0;
                s1 += d1 * d1;
                s2 += d2 * d2;
                s3 += d3 * d3;
            }
            out[i - from] = s0;
            out[i - from + 1] = s1;
            out[i - from + 2] = s2;
            out[i - from + 3] = s3;
        }
        for (; i < to; i++) {
            int o = i * p;
            int co = label[i] * p;
            double s = 0;
            for (int j = 0; j < p; j++) {
                double d = x[o + j] - c[co + j];
                s += d * d;
            }
            out[i - from] = s;
        }
    }

    /**
     * For rows [from, to) of row-major x (n x p), the nearest of the k rows of row-major c
     * (k x p) by Euclidean distance: its index into label[from..to) (the lowest index on
     * ties) and the squared distance into dist[from..to). xNorms and cNorms are the squared
     * row norms ({@link #squaredRowNorms}); {@code s} holds at least to - from rows and k.
     */
    public static void nearest(double[] x, int p, int from, int to, double[] xNorms,
                               double[] c, int k, double[] cNorms, int[] label, double[] dist, NearestScratch s) {
        int b = to - from;
        if (b <= 0) {
            return;
        }
        nearestInBlock(x, p, from, to, c, k, cNorms, s);
        System.arraycopy(s.label, 0, label, from, b);
        for (int i = 0; i < b; i++) {
            // rounding can push a zero distance slightly below zero
            dist[from + i] = Math.max(0.0, xNorms[from + i] + s.min[i]);
        }
    }

    /**
     * For rows [from, to) of row-major x (n x p), the index of the nearest of the k rows of
     * row-major c (k x p) into label[from..to), chosen exactly as {@link #nearest} chooses it,
     * without needing the rows' norms; cNorms are the squared norms of c's rows.
     */
    public static void nearestIndex(double[] x, int p, int from, int to, double[] c, int k, double[] cNorms,
                                    int[] label, NearestScratch s) {
        int b = to - from;
        if (b > 0) {
            nearestInBlock(x, p, from, to, c, k, cNorms, s);
            System.arraycopy(s.label, 0, label, from, b);
        }
    }

    /**
     * One Lloyd step on rows [from, to) of row-major x (n x p): each row's nearest of the k
     * rows of row-major c (k x p), chosen exactly as {@link #nearest} chooses it, gets the row
     * added to its count, {@code acc[l]}, and to its sum, {@code acc[k + l p .. k + l p + p)}
     * (the layout one allreduce sums); cNorms are the squared norms of c's rows. Rows are
     * added in row order, so the sums do not depend on the block size.
     */
    public static void addToNearest(double[] x, int p, int from, int to, double[] c, int k, double[] cNorms,
                                    double[] acc, NearestScratch s) {
        int b = to - from;
        if (b <= 0) {
            return;
        }
        // the row norms only shift each row's distances: the nearest centroid does not need them
        nearestInBlock(x, p, from, to, c, k, cNorms, s);
        int[] label = s.label;
        for (int i = 0; i < b; i++) {
            int l = label[i];
            acc[l] += 1;
            int at = k + l * p;
            int o = (from + i) * p;
            for (int j = 0; j < p; j++) {
                acc[at + j] += x[o + j];
            }
        }
    }

    /**
     * {@link #addToNearest} for a Lloyd step after the first: {@code acc} already holds every
     * row under its previous cluster label[from..to) (-1: under none), and only the rows whose
     * nearest cluster changed move, taken from the old cluster's count and sum and added to the
     * new one's (after a few iterations few rows move, so this skips most of the additions);
     * label is updated. Returns the number of rows that moved.
     */
    public static int moveToNearest(double[] x, int p, int from, int to, double[] c, int k, double[] cNorms,
                                    int[] label, double[] acc, NearestScratch s) {
        return moveToNearest(x, p, from, to, c, k, cNorms, label, acc, null, s);
    }

    /**
     * {@link #moveToNearest} that also writes each row's squared distance to its nearest
     * centroid minus the row's squared norm into least[from..to) (when not null): {@link
     * #nearest}'s distance is max(0, ||x||^2 + least), bit for bit, without a second search.
     */
    public static int moveToNearest(double[] x, int p, int from, int to, double[] c, int k, double[] cNorms,
                                    int[] label, double[] acc, double[] least, NearestScratch s) {
        int b = to - from;
        if (b <= 0) {
            return 0;
        }
        nearestInBlock(x, p, from, to, c, k, cNorms, s);
        if (least != null) {
            System.arraycopy(s.min, 0, least, from, b);
        }
        int[] nearest = s.label;
        int moved = 0;
        for (int i = 0; i < b; i++) {
            int l = nearest[i];
            int old = label[from + i];
            if (l == old) {
                continue;
            }
            moved++;
            label[from + i] = l;
            moveRow(x, p, from + i, old, l, k, acc);
        }
        return moved;
    }

    /**
     * Moves row {@code row} of row-major x (n x p) from cluster {@code old} (-1: from none) to
     * cluster {@code l} in {@code acc}, laid out as in {@link #addToNearest}: counts acc[0..k),
     * then the clusters' sums, p values each.
     */
    public static void moveRow(double[] x, int p, int row, int old, int l, int k, double[] acc) {
        int o = row * p;
        if (old >= 0) {
            acc[old] -= 1;
            int at = k + old * p;
            for (int j = 0; j < p; j++) {
                acc[at + j] -= x[o + j];
            }
        }
        acc[l] += 1;
        int at = k + l * p;
        for (int j = 0; j < p; j++) {
            acc[at + j] += x[o + j];
        }
    }

    /**
     * For rows [from, to) of row-major x (n x p) and the k rows of row-major c (k x p): the
     * nearest centroid, chosen exactly as {@link #nearest} chooses it, into label[0..to - from),
     * and, up to each row's squared norm, the squared distance to it into min[0..to - from) and
     * the smallest squared distance to any other centroid into second[0..to - from) (+infinity
     * when k = 1); cNorms are the squared norms of c's rows (bounds-based k-means needs both).
     */
    public static void nearestTwo(double[] x, int p, int from, int to, double[] c, int k, double[] cNorms,
                                  int[] label, double[] min, double[] second, NearestScratch s) {
        int b = to - from;
        if (b <= 0) {
            return;
        }
        nearestInBlock(x, p, from, to, c, k, cNorms, s);
        double[] work = s.dots;
        System.arraycopy(s.label, 0, label, 0, b);
        System.arraycopy(s.min, 0, min, 0, b);
        // the two smallest values of each row in one branch-free pass (min and max only, which
        // the JIT vectorizes): the second smallest is the nearest other centroid's, also on ties
        double[] least = s.first;
        Arrays.fill(least, 0, b, Double.POSITIVE_INFINITY);
        Arrays.fill(second, 0, b, Double.POSITIVE_INFINITY);
        for (int j = 0; j < k; j++) {
            int o = j * b;
            for (int i = 0; i < b; i++) {
                double v = work[o + i];
                second[i] = Math.min(second[i], Math.max(least[i], v));
                least[i] = Math.min(least[i], v);
            }
        }
    }

    /**
     * The nearest-centroid search of {@link #nearest} without the row norms: for rows [from,
     * to), min_l (||c_l||^2 - 2 x.c_l) into s.min and the first l reaching it into s.label.
     */
    private static void nearestInBlock(double[] x, int p, int from, int to, double[] c, int k, double[] cNorms,
                                       NearestScratch s) {
        int b = to - from;
        s.check(b, k);
        double[] work = s.dots;
        double[] min = s.min;
        // ||x - c||^2 = ||x||^2 + ||c||^2 - 2 x.c: all the dot products are one dgemm
        if (p > 0) {
            // column-major W (b x k) = X (b x p, the column-major view of row-major x transposed) C'
            Linalg.blas().dgemm("T", "N", b, k, p, -2.0, x, from * p, p, c, 0, p, 0.0, work, 0, b);
        } else {
            Arrays.fill(work, 0, b * k, 0.0);
        }
        // cluster by cluster over the block's rows: branch-free unit-stride loops the JIT
        // vectorizes; the label is then the first cluster reaching the minimum (lowest on ties)
        double c0 = cNorms[0];
        for (int i = 0; i < b; i++) {
            double v = work[i] + c0;
            work[i] = v;
            min[i] = v;
        }
        for (int j = 1; j < k; j++) {
            double cj = cNorms[j];
            int o = j * b;
            for (int i = 0; i < b; i++) {
                double v = work[o + i] + cj;
                work[o + i] = v;
                min[i] = Math.min(min[i], v);
            }
        }
        if (k <= FEW_CLUSTERS) {
            firstAtMinimumBranchFree(b, k, s);
        } else {
            // cluster by cluster in index order, unit stride: the first match of each row wins
            // (its branch is rarely taken, so it predicts well, unlike a search's exit per row)
            int[] label = s.label;
            Arrays.fill(label, 0, b, -1);
            for (int j = 0; j < k; j++) {
                int o = j * b;
                for (int i = 0; i < b; i++) {
                    if (work[o + i] == min[i] && label[i] < 0) {
                        label[i] = j;
                    }
                }
            }
            for (int i = 0; i < b; i++) {
                if (label[i] < 0) {
                    label[i] = k - 1; // not finite (overflow): no value equals the minimum
                }
            }
        }
    }

    /**
     * The first cluster j with dots[j b + i] equal to row i's minimum, for every row of the
     * block, without a branch per row (a search's exit mispredicts about once a row): the
     * difference to the minimum is 0 there and otherwise at least the smallest subnormal,
     * which times 1e600 exceeds any index, so the minimum over j of difference * 1e600 + j is
     * the first j at the minimum. A row whose values are not finite (overflow) falls back to
     * a search.
     */
    private static void firstAtMinimumBranchFree(int b, int k, NearestScratch s) {
        double[] work = s.dots;
        double[] min = s.min;
        double[] first = s.first;
        for (int i = 0; i < b; i++) {
            first[i] = (work[i] - min[i]) * HUGE * HUGE;
        }
        for (int j = 1; j < k; j++) {
            int o = j * b;
            double index = j;
            for (int i = 0; i < b; i++) {
                first[i] = Math.min(first[i], (work[o + i] - min[i]) * HUGE * HUGE + index);
            }
        }
        int[] label = s.label;
        for (int i = 0; i < b; i++) {
            double f = first[i];
            if (f < k) {
                label[i] = (int) f;
            } else {
                int j = 0;
                while (j < k - 1 && work[j * b + i] != min[i]) {
                    j++;
                }
                label[i] = j;
            }
        }
    }
}
