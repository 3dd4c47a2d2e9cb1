package daal4j.algorithms.summaries;

import daal4j.algorithms.Summary;
import daal4j.data.CsrMatrix;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import daal4j.linalg.Kernels;
import daal4j.linalg.Products;
import java.util.Arrays;

/**
 * Summary of some rows of p columns: the count, the mean, and the centered cross-products
 * sum (x - mean)(x - mean)'. Rows go through {@code dsyrk} a block at a time, each block
 * centered first (shifted by the mean of the rows before it, its own mean's small remainder
 * taken out exactly) unless every mean so far is within two standard deviations of zero, where
 * raw products lose nothing and the block needs no centered copy. The summaries of blocks,
 * chunks and ranks merge exactly (Chan et al.): cross-products plus the outer product of the
 * difference of means, so no large raw sums are ever subtracted.
 *
 * <p>The mean is kept as shift + offset, the shift being a data row or an earlier mean: near
 * 1e15 a double cannot hold a mean to better than 0.125, but its offset from a nearby value
 * it can, and differences of shifts of similar size are exact. Immutable.
 */
public final class CrossProducts implements Summary<CrossProducts> {

    /** Target size of a block, in doubles (512 KB): it stays in cache from one pass to the next. */
    private static final int BLOCK_VALUES = 1 << 16;

    /** Fewest rows per block: fewer would leave dsyrk too short a sum to run at speed. */
    private static final int MIN_BLOCK_ROWS = 512;

    /** Number of columns. */
    public final int p;
    /** Number of rows summarized. */
    public final long n;
    private final double[] shift;
    private final double[] offset;
    /**
     * Upper triangle of the centered cross-products, packed column by column (BLAS's packed
     * "U" layout, p(p+1)/2 values): half the memory to zero, add, send and copy of a full p x p.
     */
    private final double[] upper;
    /** Where the triangle starts in {@code upper}: a decoded summary keeps its encoded array. */
    private final int base;

    private CrossProducts(int p, long n, double[] shift, double[] offset, double[] upper) {
        this(p, n, shift, offset, upper, 0);
    }

    private CrossProducts(int p, long n, double[] shift, double[] offset, double[] upper, int base) {
        this.p = p;
        this.n = n;
        this.shift = shift;
        this.offset = offset;
        this.upper = upper;
        this.base = base;
    }

    /** The summary of the rows of {@code data}, named {@code what} in errors. */
    public static CrossProducts of(Matrix data, String what) {
        return of(new Matrix[] {data}, new String[] {what});
    }

    /**
     * The summary of the rows of {@code parts} side by side (all with the same number of
     * rows): columns of {@code parts[0]} first, then {@code parts[1]}'s … Rejects NaN and
     * infinite values, naming the part by {@code names}.
     */
    public static CrossProducts of(Matrix[] parts, String[] names) {
        int rows = parts[0].rows();
        int p = 0;
        for (int k = 0; k < parts.length; k++) {
            if (parts[k].rows() != rows) {
                throw new IllegalArgumentException(names[k] + " has " + parts[k].rows() + " rows, "
                        + names[0] + " has " + rows);
            }
            p += parts[k].cols();
        }
        if (p == 0 || rows == 0) {
            return new CrossProducts(p, rows, new double[p], new double[p], new double[packedSize(p)]);
        }
        int blockRows = blockRows(p);
        double[][] arrays = new double[parts.length][];
        int[] cols = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            arrays[k] = parts[k].rowMajorView();
            cols[k] = parts[k].cols();
        }
        // the native library runs this same loop in C (Python calls it on numpy's memory too)
        double[] state = Kernels.crossProductsSummary(arrays, cols, 0, rows, blockRows);
        return state != null ? fromState(state) : ofInJava(parts, names, p, rows, blockRows);
    }

    /** Rows per block of the dense loop for {@code p} columns in all. */
    public static int blockRows(int p) {
        return Math.max(MIN_BLOCK_ROWS, BLOCK_VALUES / Math.max(1, p));
    }

    /**
     * The summary from the state of the dense loop ({@link Kernels#crossProductsSummary}'s
     * layout): its triangle packed, as {@link #ofInJava} packs it.
     */
    static CrossProducts fromState(double[] state) {
        int p = (int) state[0];
        double[] packed = new double[packedSize(p)];
        int u = 3 + 2 * p;
        for (int j = 0; j < p; j++) {
            System.arraycopy(state, u + j * p, packed, colStart(j), j + 1);
        }
        return new CrossProducts(p, (long) state[2], Arrays.copyOfRange(state, 3, 3 + p),
                Arrays.copyOfRange(state, 3 + p, 3 + 2 * p), packed);
    }

    /** The dense loop in Java: the twin of the native summary, the same sums in the same order. */
    static CrossProducts ofInJava(Matrix[] parts, String[] names, int p, int rows, int blockRows) {
        double[] block = new double[Math.min(rows, blockRows) * p];
        // one full accumulator for every block (dsyrk writes full storage), packed once at the
        // end: this method owns it until then. The p
        // spare values satisfy netlib's bounds check, which wants a whole ldc-long column
        // after the last one of a diagonal block even where BLAS writes only its top.
        double[] u = new double[p * p + p];
        CrossProducts acc = new CrossProducts(p, 0, new double[p], new double[p], u);
        for (int from = 0; from < rows; from += blockRows) {
            int to = Math.min(rows, from + blockRows);
            CrossProducts b = nearZeroMeans(acc)
                    ? rawBlock(parts, names, p, from, to, u)
                    : centerBlock(block, parts, names, p, from, to, acc, u);
            acc = combine(acc, u, b, false);
        }
        double[] packed = new double[packedSize(p)];
        for (int j = 0; j < p; j++) {
            System.arraycopy(u, j * p, packed, colStart(j), j + 1);
        }
        return new CrossProducts(p, acc.n, acc.shift, acc.offset, packed);
    }

    /**
     * The summary of a CSR matrix's rows, its implicit zeros counted as values (as the dense
     * summary of the densified rows), never densified: each row's outer product over its own
     * non-zeros goes into the raw cross-products (O(nnz * row nnz + p^2)), from which
     * n mean mean' is taken. Rejects NaN and infinite values, naming {@code what}.
     */
    public static CrossProducts of(CsrMatrix x, String what) {
        int p = x.cols();
        int n = x.rows();
        if (p == 0 || n == 0) {
            return new CrossProducts(p, n, new double[p], new double[p], new double[packedSize(p)]);
        }
        int[] off = x.rowOffsetsView();
        int[] idx = x.columnIndicesView();
        double[] v = x.valuesView();
        double[] u = new double[packedSize(p)];
        double[] mean = new double[p];
        for (int i = 0; i < n; i++) {
            int to = off[i + 1];
            for (int a = off[i]; a < to; a++) {
                double va = v[a];
                if (!Double.isFinite(va)) {
                    throw new IllegalArgumentException(what + ": " + va + " at row " + i + ", column " + idx[a]
                            + " (values must be finite)");
                }
                int ja = idx[a];
                mean[ja] += va;
                // indices increase along the row: (ja, jb) with ja <= jb is the upper triangle,
                // packed at colStart(jb) + ja
                for (int b = a; b < to; b++) {
                    u[colStart(idx[b]) + ja] += va * v[b];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            if (!Double.isFinite(mean[j])) {
                throw new IllegalArgumentException(what + ": values too large to sum (overflow)");
            }
            mean[j] /= n;
        }
        subtractOuter(u, p, n, mean, true);
        return new CrossProducts(p, n, new double[p], mean, u);
    }

    /**
     * Whether every column's mean so far lies within two standard deviations of zero. Then
     * a block's raw products X'X exceed its centered ones by the factor 1 + mean^2/var <= 5
     * at most, so X'X - nb mean mean' loses no more than 5 ulps of them to cancellation, and
     * the block needs no centered copy: one dsyrk and column sums straight on the data.
     * {@code before} is the dense loop's summary, its triangle still in full storage.
     */
    private static boolean nearZeroMeans(CrossProducts before) {
        if (before.n < 2) {
            return false;
        }
        int p = before.p;
        for (int j = 0; j < p; j++) {
            double m = before.shift[j] + before.offset[j];
            if (!(m * m <= 4 * before.upper[j * p + j] / before.n)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds the centered products of rows [from, to) of {@code parts} side by side to
     * {@code u} from their raw ones: dsyrk for each part, X'Y of each part with all later
     * ones (and its column sums) in one product, in place.
     */
    private static CrossProducts rawBlock(Matrix[] parts, String[] names, int p, int from, int to, double[] u) {
        int nb = to - from;
        double[] mean = new double[p];
        int ca = 0;
        for (int a = 0; a < parts.length; a++) {
            double[] xa = parts[a].rowMajorView();
            int qa = parts[a].cols();
            double[] sums;
            if (a + 1 < parts.length) {
                Matrix[] later = Arrays.copyOfRange(parts, a + 1, parts.length);
                sums = Products.addCrossProductAndSums(xa, qa, later, from, to, u, (ca + qa) * p + ca, p);
            } else {
                sums = new double[qa];
                Products.addColumnSums(xa, qa, from, to, sums);
            }
            for (int j = 0; j < qa; j++) {
                // a NaN or infinity anywhere in the column reaches its sum: find it only then
                if (!Double.isFinite(sums[j])) {
                    Inputs.requireFinite(parts[a], from, to, names[a]);
                    throw new IllegalArgumentException(names[a] + ": values too large to sum (overflow)");
                }
                mean[ca + j] = sums[j] / nb;
            }
            Products.addGram(xa, qa, from, to, u, ca * p + ca, p);
            ca += qa;
        }
        subtractOuter(u, p, nb, mean, false);
        return new CrossProducts(p, nb, new double[p], mean, null);
    }

    /** Values in a packed upper triangle of p columns. */
    private static int packedSize(int p) {
        return colStart(p);
    }

    /** Where column j of a packed upper triangle starts. */
    private static int colStart(int j) {
        return (int) ((long) j * (j + 1) / 2);
    }

    /** u -= w v v' on the upper triangle, packed or full p x p column-major storage. */
    private static void subtractOuter(double[] u, int p, double w, double[] v, boolean packed) {
        for (int j = 0; j < p; j++) {
            double vj = w * v[j];
            int c = packed ? colStart(j) : j * p;
            for (int i = 0; i <= j; i++) {
                u[c + i] -= vj * v[i];
            }
        }
    }

    /**
     * Puts rows [from, to) of {@code parts}, centered, into {@code block}, adds their
     * centered cross-products to {@code u}, and returns their count and mean.
     *
     * <p>The rows are shifted by the mean of the rows before them ({@code before}), or by
     * the block's first row when there are none. The shifted block's mean o is then of the
     * order of its spread at most (small, after the first block), so the centered products
     * D'D - nb o o' lose nothing to cancellation; only the first block, whose shift is a
     * single row, is centered exactly on its own mean in a second pass.
     */
    private static CrossProducts centerBlock(double[] block, Matrix[] parts, String[] names, int p, int from,
                                             int to, CrossProducts before, double[] u) {
        int nb = to - from;
        boolean first = before.n == 0;
        double[] s = first ? new double[p] : before.mean();
        double[] o = new double[p];
        int col = 0;
        for (Matrix m : parts) {
            int q = m.cols();
            double[] x = m.rowMajorView();
            if (first) {
                System.arraycopy(x, from * q, s, col, q);
            }
            for (int i = from; i < to; i++) {
                int src = i * q;
                int dst = (i - from) * p + col;
                for (int j = 0; j < q; j++) {
                    double d = x[src + j] - s[col + j];
                    block[dst + j] = d;
                    o[col + j] += d;
                }
            }
            col += q;
        }
        for (int j = 0; j < p; j++) {
            // a NaN or infinity anywhere in the column reaches its sum: find it only then
            if (!Double.isFinite(o[j])) {
                for (int k = 0; k < parts.length; k++) {
                    Inputs.requireFinite(parts[k], from, to, names[k]);
                }
                throw new IllegalArgumentException(names[0] + ": values too large to sum (overflow)");
            }
            o[j] /= nb;
        }
        if (first) {
            for (int i = 0; i < nb; i++) {
                int r = i * p;
                for (int j = 0; j < p; j++) {
                    block[r + j] -= o[j];
                }
            }
            Products.addGram(block, p, 0, nb, u);
        } else {
            Products.addGram(block, p, 0, nb, u);
            subtractOuter(u, p, nb, o, false);
        }
        return new CrossProducts(p, nb, s, o, null);
    }

    @Override
    public long rows() {
        return n;
    }

    @Override
    public int width() {
        return p;
    }

    @Override
    public CrossProducts merge(CrossProducts b) {
        CrossProducts a = this;
        double[] u = new double[packedSize(p)];
        for (int k = 0; k < u.length; k++) {
            u[k] = a.upper[a.base + k] + b.upper[b.base + k];
        }
        return combine(a, u, b, true);
    }

    /**
     * The summary of a's rows followed by b's, given {@code u} = both centered cross-products
     * added: adds the mean-difference term n_a n_b / n (delta delta') and moves the mean.
     */
    private static CrossProducts combine(CrossProducts a, double[] u, CrossProducts b, boolean packed) {
        if (a.n == 0) {
            return new CrossProducts(b.p, b.n, b.shift, b.offset, u);
        }
        int p = a.p;
        long n = a.n + b.n;
        double wb = (double) b.n / n;
        double cross = (double) a.n * b.n / n;
        double[] delta = new double[p];
        double[] offset = new double[p];
        for (int j = 0; j < p; j++) {
            delta[j] = (b.shift[j] - a.shift[j]) + (b.offset[j] - a.offset[j]);
            offset[j] = a.offset[j] + delta[j] * wb;
        }
        for (int j = 0; j < p; j++) {
            double dj = cross * delta[j];
            int c = packed ? colStart(j) : j * p;
            for (int i = 0; i <= j; i++) {
                u[c + i] += dj * delta[i];
            }
        }
        return new CrossProducts(p, n, a.shift, offset, u);
    }

    /** Column means, 1 x p. */
    public double[] mean() {
        double[] m = new double[p];
        for (int j = 0; j < p; j++) {
            m[j] = shift[j] + offset[j];
        }
        return m;
    }

    /** The centered cross-products sum (x - mean)(x - mean)', p x p row-major, symmetric. */
    public double[] centered() {
        return centeredOver(1);
    }

    /**
     * The centered cross-products sum divided by {@code d}, p x p row-major, symmetric: one
     * pass that writes both halves from the upper triangle (a covariance's p^2 values are
     * written once, not copied, mirrored and divided in three passes).
     */
    public double[] centeredOver(double d) {
        double[] c = new double[p * p];
        for (int j = 0; j < p; j++) {
            int from = colStart(j);
            for (int i = 0; i <= j; i++) {
                double v = upper[base + from + i] / d;
                c[j * p + i] = v;
                c[i * p + j] = v;
            }
        }
        return c;
    }

    /** The raw cross-products sum x x' = centered + n mean mean', p x p row-major, symmetric. */
    public double[] raw() {
        double[] c = centered();
        double[] m = mean();
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                c[i * p + j] += n * m[i] * m[j];
            }
        }
        return c;
    }

    /**
     * Flat form: p, n, shift, offset, then the upper triangle packed column by column
     * (p(p+1)/2 values): the lower half is never read, so it need not cross ranks.
     */
    @Override
    public double[] encode() {
        int size = packedSize(p);
        double[] e = new double[2 + 2 * p + size];
        e[0] = p;
        e[1] = n;
        System.arraycopy(shift, 0, e, 2, p);
        System.arraycopy(offset, 0, e, 2 + p, p);
        System.arraycopy(upper, base, e, 2 + 2 * p, size);
        return e;
    }

    /**
     * The summary back from {@link #encode()}, keeping {@code e} (never written to) for its
     * triangle: a p x p summary's megabytes are not copied once more on every rank.
     */
    public static CrossProducts decode(double[] e) {
        int p = (int) e[0];
        long n = (long) e[1];
        return new CrossProducts(p, n, Arrays.copyOfRange(e, 2, 2 + p), Arrays.copyOfRange(e, 2 + p, 2 + 2 * p),
                e, 2 + 2 * p);
    }
}
