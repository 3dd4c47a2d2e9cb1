package daal4j.algorithms.covariance;

import daal4j.algorithms.Result;
import daal4j.data.Matrix;

/**
 * Result of {@link Covariance}. As in daal4py, {@code covariance} and {@code correlation}
 * are the same matrix: the one {@code outputMatrixType} asked for (covariance by default).
 */
public final class CovarianceResult extends Result {

    /** The p x p matrix asked for: covariance (divisor n - 1) or correlation. */
    public final Matrix covariance;
    /** The same matrix as {@link #covariance} (daal4py returns one table under both names). */
    public final Matrix correlation;
    /** Column means, 1 x p. */
    public final Matrix mean;

    CovarianceResult(CrossProducts all, boolean correlationOutput) {
        this(matrix(all, correlationOutput), Matrix.wrap(1, all.p, all.mean()));
    }

    private CovarianceResult(Matrix asked, Matrix mean) {
        this(asked, asked, mean);
    }

    /** The canonical constructor: the fields in order. */
    CovarianceResult(Matrix covariance, Matrix correlation, Matrix mean) {
        this.covariance = covariance;
        this.correlation = correlation;
        this.mean = mean;
    }

    /** The covariance (divisor n - 1) or correlation matrix of the merged cross-products. */
    private static Matrix matrix(CrossProducts all, boolean correlationOutput) {
        int p = all.p;
        double[] c = all.centered();
        if (correlationOutput) {
            double[] scale = new double[p];
            for (int j = 0; j < p; j++) {
                scale[j] = 1 / Math.sqrt(c[j * p + j]);
            }
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    // a constant column has no correlation: 0/0 = NaN, as NumPy's corrcoef
                    c[i * p + j] = i == j && c[i * p + i] > 0 ? 1.0 : c[i * p + j] * scale[i] * scale[j];
                }
            }
        } else {
            double d = all.n - 1;
            for (int k = 0; k < c.length; k++) {
                c[k] /= d;
            }
        }
        return Matrix.wrap(p, p, c);
    }
}
