package daal4j.algorithms.regression;

import daal4j.data.Matrix;
import java.util.List;

/**
 * Linear regression training by least squares (daal4py's {@code linear_regression_training}),
 * several responses at once, in batch, streaming or distributed mode. Methods: normEqDense
 * (normal equations; a rank-deficient system gets the minimum-norm least-squares solution) and
 * qrDense (the tall-and-skinny QR of [X Y], see {@link QrSummary}; full column rank needed).
 * A new method adds its {@link RegressionSummary} to {@link #summarize} and {@link #decode}.
 */
public final class LinearRegressionTraining extends RegressionTraining<LinearRegressionTraining> {

    private static final List<String> METHODS = List.of("normEqDense", "qrDense");

    private String method = "normEqDense";

    /** Method: normEqDense (the default) or qrDense. */
    public LinearRegressionTraining method(String name) {
        if (!METHODS.contains(name)) {
            throw new IllegalArgumentException("linear_regression_training: unknown method '" + name + "'; use "
                    + METHODS);
        }
        method = name;
        return this;
    }

    /** The method in use. */
    public String method() {
        return method;
    }

    @Override
    protected RegressionSummary summarize(Matrix x, Matrix y) {
        return switch (method) {
            case "normEqDense" -> NormalEquations.of(x, y);
            case "qrDense" -> QrSummary.of(x, y, interceptFlag());
            default -> throw new IllegalStateException(method);
        };
    }

    @Override
    protected RegressionSummary decode(double[] encoded) {
        return switch (method) {
            case "normEqDense" -> NormalEquations.decode(encoded);
            case "qrDense" -> QrSummary.decode(encoded);
            default -> throw new IllegalStateException(method);
        };
    }

    @Override
    protected double[] penalties(int responses) {
        return new double[responses];
    }

    @Override
    protected String name() {
        return "linear_regression_training";
    }
}
