package daal4j.algorithms.moments;

import daal4j.algorithms.Result;
import daal4j.algorithms.summaries.MomentsPartial;
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
        int p = all.width();
        double n = all.rows();
        double[] sumSq = all.sumSquares();
        double[] m2 = all.sumSquaresCentered();
        double[] raw2 = new double[p];
        double[] var = new double[p];
        double[] sd = new double[p];
        double[] cv = new double[p];
        double[] mu = all.mean();
        for (int j = 0; j < p; j++) {
            raw2[j] = sumSq[j] / n;
            var[j] = m2[j] / (n - 1);
            sd[j] = Math.sqrt(var[j]);
            cv[j] = sd[j] / mu[j];
        }
        boolean every = estimates == Estimates.estimatesAll;
        boolean minMax = every || estimates == Estimates.estimatesMinMax;
        boolean meanVar = every || estimates == Estimates.estimatesMeanVariance;
        minimum = minMax ? Matrix.row(all.minimum()) : null;
        maximum = minMax ? Matrix.row(all.maximum()) : null;
        sum = every ? Matrix.row(all.sum()) : null;
        sumSquares = every ? Matrix.row(sumSq) : null;
        sumSquaresCentered = every ? Matrix.row(m2) : null;
        mean = meanVar ? Matrix.row(mu) : null;
        secondOrderRawMoment = every ? Matrix.row(raw2) : null;
        variance = meanVar ? Matrix.row(var) : null;
        standardDeviation = every ? Matrix.row(sd) : null;
        variation = every ? Matrix.row(cv) : null;
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
