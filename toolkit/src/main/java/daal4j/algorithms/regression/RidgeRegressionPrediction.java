package daal4j.algorithms.regression;

/** Ridge regression prediction (daal4py's {@code ridge_regression_prediction}) on local rows. */
public final class RidgeRegressionPrediction extends RegressionPrediction<RidgeRegressionPrediction> {

    /** A prediction with the default method. */
    public RidgeRegressionPrediction() {
        super("ridge_regression_prediction");
    }
}
