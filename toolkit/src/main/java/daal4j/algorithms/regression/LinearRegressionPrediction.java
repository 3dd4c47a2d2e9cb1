package daal4j.algorithms.regression;

/** Linear regression prediction (daal4py's {@code linear_regression_prediction}) on local rows. */
public final class LinearRegressionPrediction extends RegressionPrediction<LinearRegressionPrediction> {

    /** A prediction with the default method. */
    public LinearRegressionPrediction() {
        super("linear_regression_prediction");
    }
}
