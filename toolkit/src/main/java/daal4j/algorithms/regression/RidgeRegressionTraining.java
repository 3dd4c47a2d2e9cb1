package daal4j.algorithms.regression;

import daal4j.data.Inputs;
import daal4j.data.Matrix;
import java.util.Arrays;

/**
 * Ridge regression training (daal4py's {@code ridge_regression_training}): least squares
 * plus ridgeParameters times the squared coefficients, the intercept not penalized; normal
 * equations, in batch, streaming or distributed mode.
 */
public final class RidgeRegressionTraining extends RegressionTraining<RidgeRegressionTraining> {

    private double[] ridgeParameters = {1.0};

    /** Method: normEqDense, the only one (as daal4py). */
    public RidgeRegressionTraining method(String name) {
        if (!name.equals("normEqDense")) {
            throw new IllegalArgumentException("ridge_regression_training: unknown method '" + name
                    + "'; use normEqDense");
        }
        return this;
    }

    /**
     * The penalties: one value for every response, or one per response (daal4py's default:
     * 1.0). Each must be finite and non-negative.
     */
    public RidgeRegressionTraining ridgeParameters(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("ridgeParameters: give one value, or one per response");
        }
        for (double v : values) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("ridgeParameters: " + v + " (each must be finite and >= 0)");
            }
        }
        ridgeParameters = values.clone();
        return this;
    }

    /** The penalties as a 1 x 1 or 1 x responses matrix, as daal4py takes them. */
    public RidgeRegressionTraining ridgeParameters(Matrix values) {
        return ridgeParameters(values.toRowMajor());
    }

    /** The penalties as a 1 x 1 or 1 x responses array, as daal4py takes them. */
    public RidgeRegressionTraining ridgeParameters(double[][] values) {
        return ridgeParameters(Inputs.matrix(values, "ridgeParameters"));
    }

    /** The penalties in use. */
    public double[] ridgeParameters() {
        return ridgeParameters.clone();
    }

    @Override
    protected RegressionSummary summarize(Matrix x, Matrix y) {
        return NormalEquations.of(x, y);
    }

    @Override
    protected RegressionSummary decode(double[] encoded) {
        return NormalEquations.decode(encoded);
    }

    @Override
    protected double[] penalties(int responses) {
        if (ridgeParameters.length == 1) {
            double[] all = new double[responses];
            Arrays.fill(all, ridgeParameters[0]);
            return all;
        }
        if (ridgeParameters.length != responses) {
            throw new IllegalArgumentException("ridge_regression_training: " + ridgeParameters.length
                    + " ridgeParameters for " + responses + " responses; give one, or one per response");
        }
        return ridgeParameters.clone();
    }

    @Override
    protected String name() {
        return "ridge_regression_training";
    }
}
