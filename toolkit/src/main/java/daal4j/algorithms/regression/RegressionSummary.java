package daal4j.algorithms.regression;

import daal4j.data.Matrix;

/**
 * What a training method keeps of its rows (the partial of linear and ridge regression):
 * normal equations for normEqDense, an R factor for qrDense. Summaries of the same method
 * merge in row order across chunks and ranks; the merged one yields the coefficients.
 */
public abstract class RegressionSummary {

    /** Number of features (columns of data). */
    public abstract int features();

    /** Number of responses (columns of dependentData). */
    public abstract int responses();

    /** Number of rows summarized. */
    public abstract long rows();

    /** The summary of this one's rows followed by {@code next}'s (same method). */
    public final RegressionSummary merge(RegressionSummary next) {
        // a rank with no rows has nothing to add, whatever width its empty input had
        if (next.rows() == 0) {
            return this;
        }
        if (rows() == 0) {
            return next;
        }
        if (features() != next.features()) {
            throw new IllegalArgumentException("feature counts differ: " + features() + " and " + next.features()
                    + " columns of data");
        }
        if (responses() != next.responses()) {
            throw new IllegalArgumentException("response counts differ: " + responses() + " and "
                    + next.responses() + " columns of dependentData");
        }
        return combine(next);
    }

    /** {@link #merge} once shapes agree and both have rows. */
    protected abstract RegressionSummary combine(RegressionSummary next);

    /** Flat form, to cross ranks; the method's decoder reads it back. */
    public abstract double[] encode();

    /**
     * The coefficients, responses x (features + 1), intercept first (0 without intercept),
     * minimizing the squared error plus {@code penalties[r]} times the squared non-intercept
     * coefficients of response r (all zero for plain least squares).
     */
    public abstract Matrix beta(boolean interceptFlag, double[] penalties);
}
