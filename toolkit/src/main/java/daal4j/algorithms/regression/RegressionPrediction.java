package daal4j.algorithms.regression;

import daal4j.algorithms.LocalRows;

/**
 * What linear and ridge regression prediction share: the responses of local rows under a
 * trained {@link LinearModel} (no collective: each rank predicts its own rows).
 *
 * @param <A> the concrete algorithm, for fluent setters
 */
public abstract class RegressionPrediction<A extends RegressionPrediction<A>> {

    private final String name;

    RegressionPrediction(String name) {
        this.name = name;
    }

    /** Method: defaultDense, the only one (as daal4py). */
    public A method(String method) {
        if (!method.equals("defaultDense")) {
            throw new IllegalArgumentException(name + ": unknown method '" + method + "'; use defaultDense");
        }
        @SuppressWarnings("unchecked")
        A self = (A) this;
        return self;
    }

    /** The responses of {@code data} (a Matrix, double[][], Table or CSV path) under {@code model}. */
    public PredictionResult compute(Object data, LinearModel model) {
        if (model == null) {
            throw new IllegalArgumentException(name + ": model is missing (null)");
        }
        return new PredictionResult(model.predict(LocalRows.of(data, "data", true)));
    }
}
