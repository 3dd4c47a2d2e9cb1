package daal4j.algorithms.summaries;

import daal4j.algorithms.Fold;
import daal4j.algorithms.Summary;
import daal4j.data.CsrMatrix;
import daal4j.linalg.Kernels;
import java.util.Arrays;

/**
 * Per-column summary of some rows: count, extremes, raw sums, and the mean with the
 * centered sum of squares, which merge exactly (Chan et al.) instead of being recovered
 * from raw sums, where cancellation would lose the variance of large values. The mean is
 * kept as shift + offset, the shift being one of the data values: near 1e15 a double
 * cannot hold the mean to better than 0.125, but the offset from a data value it can, and
 * differences of shifts of similar size are exact.
 */
public final class MomentsPartial implements Summary<MomentsPartial> {

    /** Rows per block: small enough that a block's second pass reads from cache. */
    public static final int BLOCK_ROWS = 2048;

    private final int p;
    private final long n;
    private final double[] min;
    private final double[] max;
    private final double[] sum;
    private final double[] sumSq;
    private final double[] shift;
    private final double[] offset;
    private final double[] m2;

    private MomentsPartial(int p, long n, double[] min, double[] max, double[] sum, double[] sumSq,
                           double[] shift, double[] offset, double[] m2) {
        this.p = p;
        this.n = n;
        this.min = min;
        this.max = max;
        this.sum = sum;
        this.sumSq = sumSq;
        this.shift = shift;
        this.offset = offset;
        this.m2 = m2;
    }

    /** Column minimums (copy). */
    public double[] minimum() {
        return min.clone();
    }

    /** Column maximums (copy). */
    public double[] maximum() {
        return max.clone();
    }

    /** Column sums (copy). */
    public double[] sum() {
        return sum.clone();
    }

    /** Column sums of squares (copy). */
    public double[] sumSquares() {
        return sumSq.clone();
    }

    /** Column sums of squared differences from the mean (copy). */
    public double[] sumSquaresCentered() {
        return m2.clone();
    }

    /** Column means. */
    public double[] mean() {
        double[] mean = new double[p];
        for (int j = 0; j < p; j++) {
            mean[j] = shift[j] + offset[j];
        }
        return mean;
    }

    /** The summary of no rows of {@code p} columns. */
    static MomentsPartial empty(int p) {
        double[] min = new double[p];
        double[] max = new double[p];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        return new MomentsPartial(p, 0, min, max, new double[p], new double[p], new double[p], new double[p],
                new double[p]);
    }

    /** The summary of rows [from, to) of a row-major array with {@code p} columns. */
    public static MomentsPartial of(double[] x, int p, int from, int to) {
        // the native library runs this same loop in C (Python calls it on numpy's memory too)
        double[] encoded = Kernels.momentsSummary(x, p, from, to, BLOCK_ROWS);
        return encoded != null ? decode(encoded) : ofInJava(x, p, from, to, BLOCK_ROWS);
    }

    /** {@link #of} in Java, in blocks of {@code blockRows}: the twin of the native summary, the same sums in the same order. */
    static MomentsPartial ofInJava(double[] x, int p, int from, int to, int blockRows) {
        MomentsPartial acc = empty(p);
        for (int b = from; b < to; b += blockRows) {
            // shifted by the mean so far (by the block's first row at first), the block's own
            // offset from it is small and one pass gives its centered sum of squares
            double[] shift = acc.n == 0 ? Arrays.copyOfRange(x, b * p, b * p + p) : acc.mean();
            acc = Fold.merge(acc, block(x, p, b, Math.min(to, b + blockRows), shift));
        }
        return acc;
    }

    /**
     * The summary of a CSR matrix's rows, its implicit zeros counted as values (as the dense
     * summary of the densified rows), in O(nnz + p): sums, extremes and counts of the stored
     * values, then their squared differences from the mean, the zeros' share added per column.
     */
    public static MomentsPartial of(CsrMatrix x) {
        int p = x.cols();
        int n = x.rows();
        MomentsPartial s = empty(p);
        if (n == 0) {
            return s;
        }
        int[] idx = x.columnIndicesView();
        double[] v = x.valuesView();
        int[] count = new int[p];
        for (int k = 0; k < v.length; k++) {
            int j = idx[k];
            double a = v[k];
            count[j]++;
            s.sum[j] += a;
            s.sumSq[j] += a * a;
            s.min[j] = Math.min(s.min[j], a);
            s.max[j] = Math.max(s.max[j], a);
        }
        double[] mean = new double[p];
        for (int j = 0; j < p; j++) {
            mean[j] = s.sum[j] / n;
            if (count[j] < n) {
                s.min[j] = Math.min(s.min[j], 0.0);
                s.max[j] = Math.max(s.max[j], 0.0);
            }
        }
        // second pass: centered on the first mean; its small remainder corrects mean and m2
        double[] resid = new double[p];
        for (int k = 0; k < v.length; k++) {
            int j = idx[k];
            double d = v[k] - mean[j];
            resid[j] += d;
            s.m2[j] += d * d;
        }
        for (int j = 0; j < p; j++) {
            double zeros = n - count[j];
            resid[j] -= zeros * mean[j];
            s.m2[j] += zeros * mean[j] * mean[j];
            s.m2[j] = Math.max(0.0, s.m2[j] - resid[j] * (resid[j] / n));
            s.offset[j] = mean[j] + resid[j] / n;
        }
        return new MomentsPartial(p, n, s.min, s.max, s.sum, s.sumSq, s.shift, s.offset, s.m2);
    }

    /**
     * One block, in one pass (a native kernel where built): sums of d = x - shift and of d^2,
     * and the extremes. The centered sum of squares is then sum d^2 - nb o^2 (o the mean of d),
     * which loses at most one bit while nb o^2 stays below half of sum d^2; otherwise (the first
     * block, whose shift is a single row, or data drifting away from the mean so far) a second
     * pass over the cached block centers each value exactly.
     */
    private static MomentsPartial block(double[] x, int p, int from, int to, double[] shift) {
        MomentsPartial s = empty(p);
        double[] min = s.min;
        double[] max = s.max;
        double[] offset = s.offset;
        double[] m2 = s.m2;
        Kernels.momentsPass(x, p, from, to, shift, offset, m2, min, max);
        int nb = to - from;
        boolean exact = false;
        for (int j = 0; j < p; j++) {
            double squares = m2[j];
            m2[j] -= offset[j] * (offset[j] / nb);
            exact |= !(m2[j] >= 0.5 * squares);
        }
        double[] sum = s.sum;
        for (int j = 0; j < p; j++) {
            // nb shift + the sum of the shifted values is the raw sum, rounded once
            sum[j] = nb * shift[j] + offset[j];
            offset[j] /= nb;
        }
        if (exact) {
            Arrays.fill(m2, 0.0);
            for (int i = from; i < to; i++) {
                int o = i * p;
                for (int j = 0; j < p; j++) {
                    double d = (x[o + j] - shift[j]) - offset[j];
                    m2[j] += d * d;
                }
            }
        }
        double[] sumSq = s.sumSq;
        for (int j = 0; j < p; j++) {
            // sum of squares = nb mean^2 + centered sum of squares: two non-negative terms
            double mean = shift[j] + offset[j];
            sumSq[j] = nb * mean * mean + m2[j];
            if (!Double.isFinite(m2[j])) {
                plainColumn(x, p, from, to, j, s);
            }
        }
        return new MomentsPartial(p, nb, min, max, sum, sumSq, shift.clone(), offset, m2);
    }

    /**
     * Column j of the block holds a NaN or an infinity: its sums as plain running sums give
     * them (an infinity stays infinite where the shifted forms above would make it NaN), and
     * its extremes by Math.min/max make a NaN the extreme, which the compares of the pass skip.
     */
    private static void plainColumn(double[] x, int p, int from, int to, int j, MomentsPartial s) {
        double sum = 0;
        double sumSq = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            double v = x[i * p + j];
            sum += v;
            sumSq += v * v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        s.sum[j] = sum;
        s.sumSq[j] = sumSq;
        s.min[j] = min;
        s.max[j] = max;
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
    public MomentsPartial merge(MomentsPartial b) {
        MomentsPartial a = this;
        long n = a.n + b.n;
        double wb = (double) b.n / n;
        double cross = (double) a.n * b.n / n;
        double[] min = new double[p];
        double[] max = new double[p];
        double[] sum = new double[p];
        double[] sumSq = new double[p];
        double[] offset = new double[p];
        double[] m2 = new double[p];
        for (int j = 0; j < p; j++) {
            min[j] = Math.min(a.min[j], b.min[j]);
            max[j] = Math.max(a.max[j], b.max[j]);
            sum[j] = a.sum[j] + b.sum[j];
            sumSq[j] = a.sumSq[j] + b.sumSq[j];
            double delta = (b.shift[j] - a.shift[j]) + (b.offset[j] - a.offset[j]);
            offset[j] = a.offset[j] + delta * wb;
            m2[j] = a.m2[j] + b.m2[j] + delta * delta * cross;
        }
        return new MomentsPartial(p, n, min, max, sum, sumSq, a.shift, offset, m2);
    }

    /** Flat form: p, n, then the seven per-column arrays. */
    @Override
    public double[] encode() {
        double[] e = new double[2 + 7 * p];
        e[0] = p;
        e[1] = n;
        double[][] parts = {min, max, sum, sumSq, shift, offset, m2};
        for (int k = 0; k < parts.length; k++) {
            System.arraycopy(parts[k], 0, e, 2 + k * p, p);
        }
        return e;
    }

    /** The summary back from {@link #encode()}. */
    public static MomentsPartial decode(double[] e) {
        int p = (int) e[0];
        if (e.length != 2 + 7L * p || p < 0 || e[1] < 0) {
            throw new IllegalArgumentException("a moments summary of " + p + " columns has " + (2 + 7L * p)
                    + " values, not " + e.length);
        }
        long n = (long) e[1];
        double[][] parts = new double[7][];
        for (int k = 0; k < 7; k++) {
            parts[k] = Arrays.copyOfRange(e, 2 + k * p, 2 + (k + 1) * p);
        }
        return new MomentsPartial(p, n, parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]);
    }
}
