package daal4j.algorithms.pca;

import daal4j.algorithms.qr.Tsqr;
import daal4j.data.Matrix;
import java.util.List;

/**
 * The svdDense summary of some rows: their count, column means and the R factor of the
 * centered rows (R'R is the centered cross-product, never formed). Two summaries merge
 * exactly, without squaring the data: stack both R's and the mean difference row
 * sqrt(n1 n2 / n) (mean2 - mean1), and take the R of the stack (as Chan's update does for
 * sums of squares).
 */
final class CenteredR {

    final long n;
    final double[] mean;
    final Matrix r;

    private CenteredR(long n, double[] mean, Matrix r) {
        this.n = n;
        this.mean = mean;
        this.r = r;
    }

    /** The summary of all rows of {@code x}. */
    static CenteredR of(Matrix x) {
        int p = x.cols();
        int n = x.rows();
        double[] mean = new double[p];
        double[] v = x.rowMajorView();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                mean[j] += v[i * p + j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] = n == 0 ? 0 : mean[j] / n;
        }
        return new CenteredR(n, mean, Tsqr.r(x, mean, "pca"));
    }

    /** The summary of {@code a}'s rows followed by {@code b}'s. */
    static CenteredR merge(CenteredR a, CenteredR b) {
        int p = a.mean.length;
        if (b.mean.length != p) {
            throw new IllegalArgumentException("pca: data with " + b.mean.length + " columns after data with " + p);
        }
        if (a.n == 0) {
            return b;
        }
        if (b.n == 0) {
            return a;
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
        return new CenteredR(n, mean, Tsqr.stackedR(List.of(a.r, b.r, Matrix.wrap(1, p, shift))));
    }

    /** Column variances (divided by n - 1): squared column norms of R. */
    double[] variances() {
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

    /** [n, p, mean, R row-major]. */
    double[] encode() {
        int p = mean.length;
        double[] e = new double[2 + p + p * p];
        e[0] = n;
        e[1] = p;
        System.arraycopy(mean, 0, e, 2, p);
        System.arraycopy(r.rowMajorView(), 0, e, 2 + p, p * p);
        return e;
    }

    /** The summary back from {@link #encode()}. */
    static CenteredR decode(double[] e) {
        int p = (int) e[1];
        double[] mean = new double[p];
        System.arraycopy(e, 2, mean, 0, p);
        double[] r = new double[p * p];
        System.arraycopy(e, 2 + p, r, 0, p * p);
        return new CenteredR((long) e[0], mean, Matrix.wrap(p, p, r));
    }
}
