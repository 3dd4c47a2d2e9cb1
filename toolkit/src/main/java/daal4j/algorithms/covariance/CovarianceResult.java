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

    /** The canonical constructor: the fields in order. */
    CovarianceResult(Matrix covariance, Matrix correlation, Matrix mean) {
        this.covariance = covariance;
        this.correlation = correlation;
        this.mean = mean;
    }
}
