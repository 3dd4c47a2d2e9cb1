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

    LowOrderMomentsResult(MomentsPartial all, Estimates estimates) {
        this(estimates(all, estimates));
    }

    private LowOrderMomentsResult(Matrix[] e) {
        this(e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8], e[9]);
    }

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

    /** The ten estimates of the merged partial, in field order; those not asked for null. */
    private static Matrix[] estimates(MomentsPartial all, Estimates estimates) {
        int p = all.p;
        double n = all.n;
        double[] raw2 = new double[p];
        double[] var = new double[p];
        double[] sd = new double[p];
        double[] cv = new double[p];
        double[] mu = all.mean();
        for (int j = 0; j < p; j++) {
            raw2[j] = all.sumSq[j] / n;
            var[j] = all.m2[j] / (n - 1);
            sd[j] = Math.sqrt(var[j]);
            cv[j] = sd[j] / mu[j];
        }
        boolean every = estimates == Estimates.estimatesAll;
        boolean minMax = every || estimates == Estimates.estimatesMinMax;
        boolean meanVar = every || estimates == Estimates.estimatesMeanVariance;
        return new Matrix[] {
            minMax ? Matrix.row(all.min) : null,
            minMax ? Matrix.row(all.max) : null,
            every ? Matrix.row(all.sum) : null,
            every ? Matrix.row(all.sumSq) : null,
            every ? Matrix.row(all.m2) : null,
            meanVar ? Matrix.row(mu) : null,
            every ? Matrix.row(raw2) : null,
            meanVar ? Matrix.row(var) : null,
            every ? Matrix.row(sd) : null,
            every ? Matrix.row(cv) : null,
        };
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
