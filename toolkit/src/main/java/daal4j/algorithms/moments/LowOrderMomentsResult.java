package daal4j.algorithms.moments;

import daal4j.algorithms.Result;
import daal4j.data.Matrix;

/** The ten estimates of low order moments, each 1 x p; estimates not asked for are null. */
public final class LowOrderMomentsResult extends Result {

    /** Column minimums. */
    public final Matrix minimum;
    /** Column maximums. */
    public final Matrix maximum;
    /** Column sums. */
    public final Matrix sum;
    /** Column sums of squares. */
    public final Matrix sumSquares;
    /** Column sums of squared differences from the mean. */
    public final Matrix sumSquaresCentered;
    /** Column means. */
    public final Matrix mean;
    /** Column means of squares. */
    public final Matrix secondOrderRawMoment;
    /** Column variances (divisor n - 1). */
    public final Matrix variance;
    /** Column standard deviations (divisor n - 1). */
    public final Matrix standardDeviation;
    /** Column coefficients of variation: standard deviation over mean. */
    public final Matrix variation;

    /** The canonical constructor: the fields in order. */
    LowOrderMomentsResult(Matrix minimum, Matrix maximum, Matrix sum, Matrix sumSquares, Matrix sumSquaresCentered,
            Matrix mean, Matrix secondOrderRawMoment, Matrix variance, Matrix standardDeviation, Matrix variation) {
        this.minimum = minimum;
        this.maximum = maximum;
        this.sum = sum;
        this.sumSquares = sumSquares;
        this.sumSquaresCentered = sumSquaresCentered;
        this.mean = mean;
        this.secondOrderRawMoment = secondOrderRawMoment;
        this.variance = variance;
        this.standardDeviation = standardDeviation;
        this.variation = variation;
    }

    /** Which estimates to compute (daal4py's estimatesToCompute). */
    public enum Estimates {
        /** All ten. */
        estimatesAll,
        /** Minimum and maximum. */
        estimatesMinMax,
        /** Mean and variance. */
        estimatesMeanVariance
    }
}
