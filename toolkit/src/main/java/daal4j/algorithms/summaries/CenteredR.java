package daal4j.algorithms.summaries;

import daal4j.algorithms.Summary;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import daal4j.linalg.Kernels;
import daal4j.linalg.HouseholderQr;
import java.util.List;

/**
 * The TSQR summary of some rows for the algorithms that need R only (pca svdDense, linear
 * regression qrDense): their count, column means and the R factor (p x p) of the centered
 * rows, or of the rows themselves when built uncentered. R'R is the (centered)
 * cross-product, never formed. Two summaries merge exactly, without squaring the data: stack
 * both R's and, when centered, the mean difference row sqrt(n1 n2 / n) (mean2 - mean1), and
 * take the R of the stack (as Chan's update does for sums of squares).
 */
public final class CenteredR implements Summary<CenteredR> {

    /** Number of rows summarized. */
    public final long n;
    private final double[] mean;
    private final boolean centered;
    /** R of the (centered) rows, p x p upper triangular with non-negative diagonal. */
    public final Matrix r;

    private CenteredR(long n, double[] mean, boolean centered, Matrix r) {
        this.n = n;
        this.mean = mean;
        this.centered = centered;
        this.r = r;
    }

    /**
     * The summary of all rows of {@code x}: R of the centered rows, or of the rows as they
     * are when {@code center} is false; {@code algorithm} names the caller in errors (NaN and
     * infinite values are rejected).
     *
     * <p>One pass over the data, block by block, as {@link #merge} would merge the blocks'
     * summaries: a block's means are found as the means so far (the first row for the first
     * block) plus the mean difference from them, summed over the block (so digits are not lost
     * when the data lie far from the origin); the block, shifted by its means as it is copied,
     * is factored under the running R and the merge's row sqrt(n1 n2 / n) (mean2 - mean1).
     */
    public static CenteredR of(Matrix x, boolean center, String algorithm) {
        int p = x.cols();
        double[] v = x.rowMajorView();
        long n = 0;
        double[] mean = new double[p];
        Matrix r = null;
        for (int from = 0; from < x.rows(); from += Tsqr.BLOCK_ROWS) {
            int to = Math.min(x.rows(), from + Tsqr.BLOCK_ROWS);
            int nb = to - from;
            if (n == 0) {
                System.arraycopy(v, from * p, mean, 0, p); // any reference point will do
            }
            double[] d = new double[p]; // this block's means minus the means so far
            Kernels.shiftedColumnSums(v, p, from, to, mean, d);
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(d[j])) {
                    // a finite sum means finite values; otherwise let the check name the value
                    Inputs.requireFinite(x, from, to, algorithm + " data");
                    throw new IllegalArgumentException(algorithm + " data: values too large to sum (overflow)");
                }
                d[j] /= nb;
            }
            long total = n + nb;
            double w = Math.sqrt((double) n * nb / total);
            double[] blockMean = new double[p];
            double[] mergeRow = new double[p];
            for (int j = 0; j < p; j++) {
                blockMean[j] = mean[j] + d[j];
                mergeRow[j] = w * d[j];
                mean[j] += d[j] * nb / total;
            }
            Matrix above = r == null || !center ? r : Matrix.stack(List.of(r, Matrix.wrap(1, p, mergeRow)));
            r = HouseholderQr.r(above, v, p, from, to, center ? blockMean : null);
            n = total;
        }
        return new CenteredR(n, mean, center, r == null ? Matrix.zeros(p, p) : Tsqr.withNonNegativeDiagonal(r));
    }

    /** Column means, 1 x p values (copy). */
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public long rows() {
        return n;
    }

    @Override
    public int width() {
        return mean.length;
    }

    /** The summary of these rows followed by {@code b}'s (both centered, or both not). */
    @Override
    public CenteredR merge(CenteredR b) {
        CenteredR a = this;
        int p = a.mean.length;
        if (a.centered != b.centered) {
            throw new IllegalArgumentException("cannot merge a centered summary with an uncentered one");
        }
        long n = a.n + b.n;
        double w = Math.sqrt((double) a.n * b.n / n);
        double[] mean = new double[p];
        double[] shift = new double[p];
        for (int j = 0; j < p; j++) {
            double d = b.mean[j] - a.mean[j];
            mean[j] = a.mean[j] + d * b.n / n;
            shift[j] = w * d;
        }
        List<Matrix> parts = a.centered ? List.of(a.r, b.r, Matrix.wrap(1, p, shift)) : List.of(a.r, b.r);
        return new CenteredR(n, mean, a.centered, Tsqr.stackedR(parts));
    }

    /** Column variances (divided by n - 1): squared column norms of R (centered summaries only). */
    public double[] variances() {
        if (!centered) {
            throw new IllegalStateException("variances need a centered summary");
        }
        int p = mean.length;
        double[] var = new double[p];
        double[] rv = r.rowMajorView();
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                var[j] += rv[i * p + j] * rv[i * p + j];
            }
        }
        for (int j = 0; j < p; j++) {
            var[j] /= n - 1;
        }
        return var;
    }

    /** [n, p, centered (1/0), mean, R row-major]: the summary as plain doubles, to cross ranks. */
    @Override
    public double[] encode() {
        int p = mean.length;
        double[] e = new double[3 + p + p * p];
        e[0] = n;
        e[1] = p;
        e[2] = centered ? 1 : 0;
        System.arraycopy(mean, 0, e, 3, p);
        System.arraycopy(r.rowMajorView(), 0, e, 3 + p, p * p);
        return e;
    }

    /** The summary back from {@link #encode()}. */
    public static CenteredR decode(double[] e) {
        int p = (int) e[1];
        double[] mean = new double[p];
        System.arraycopy(e, 3, mean, 0, p);
        double[] r = new double[p * p];
        System.arraycopy(e, 3 + p, r, 0, p * p);
        return new CenteredR((long) e[0], mean, e[2] != 0, Matrix.wrap(p, p, r));
    }
}
