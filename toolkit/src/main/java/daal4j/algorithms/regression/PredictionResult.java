package daal4j.algorithms.regression;

import daal4j.algorithms.Result;
import daal4j.data.Matrix;

/** Result of linear or ridge regression prediction. */
public final class PredictionResult extends Result {

    /** Predicted responses, n x responses. */
    public final Matrix prediction;

    PredictionResult(Matrix prediction) {
        this.prediction = prediction;
    }
}
