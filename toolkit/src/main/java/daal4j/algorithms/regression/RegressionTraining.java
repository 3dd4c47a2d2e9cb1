package daal4j.algorithms.regression;

import daal4j.algorithms.Algorithm;
import daal4j.algorithms.Summary;
import daal4j.data.Inputs;
import daal4j.data.Matrix;

/**
 * What linear and ridge regression training share: the inputs (data, dependentData), the
 * intercept flag, and the summarize -> merge -> solve shape over a {@link RegressionSummary}
 * chosen by the method.
 *
 * @param <A> the concrete algorithm, for fluent setters
 */
public abstract class RegressionTraining<A extends RegressionTraining<A>>
        extends Algorithm<A, RegressionSummary, TrainingResult> {

    private boolean interceptFlag;

    /** Whether to fit an intercept (daal4py's default: false). */
    public A interceptFlag(boolean on) {
        interceptFlag = on;
        @SuppressWarnings("unchecked")
        A self = (A) this;
        return self;
    }

    /** Whether an intercept is fitted. */
    public boolean interceptFlag() {
        return interceptFlag;
    }

    /**
     * Trains on {@code data} (n x features) and {@code dependentData} (n x responses), each a
     * Matrix, double[][], double[] (one column), Table or CSV path.
     */
    public TrainingResult compute(Object data, Object dependentData) {
        return run(() -> {
            Matrix x = input(data, "data");
            Matrix y = input(dependentData, "dependentData");
            if (x.rows() != y.rows()) {
                throw new IllegalArgumentException("dependentData has " + y.rows() + " rows, data has " + x.rows());
            }
            return summarize(x, y);
        });
    }

    /** The method's summary of these rows. */
    protected abstract RegressionSummary summarize(Matrix x, Matrix y);

    /** Penalties on the non-intercept coefficients, one per response. */
    protected abstract double[] penalties(int responses);

    /** The algorithm's daal4py name, for errors. */
    protected abstract String name();

    /** The method's summary back from its {@link RegressionSummary#encode()}. */
    protected abstract RegressionSummary decode(double[] encoded);

    @Override
    protected final Summary.Decoder<RegressionSummary> decoder() {
        return this::decode;
    }

    @Override
    protected TrainingResult finish(RegressionSummary all) {
        if (all.rows() == 0) {
            throw new IllegalArgumentException(name() + ": no rows on any rank");
        }
        if (all.responses() == 0) {
            throw new IllegalArgumentException(name() + ": dependentData has no columns");
        }
        Matrix beta = all.beta(interceptFlag, penalties(all.responses()));
        return new TrainingResult(new LinearModel(beta, interceptFlag));
    }
}
