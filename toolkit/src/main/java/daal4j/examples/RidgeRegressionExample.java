package daal4j.examples;

import static daal4j.Daal4j.daalfini;
import static daal4j.Daal4j.daalinit;
import static daal4j.Daal4j.ridgeRegressionPrediction;
import static daal4j.Daal4j.ridgeRegressionTraining;

/**
 * daal4py's ridge regression SPMD example (penalty 1.0, the default): each rank trains on its
 * file (10 features, 2 responses), rank 0 predicts the test file.
 */
public final class RidgeRegressionExample {

    private RidgeRegressionExample() {
    }

    /** The SPMD body: every rank runs it; rank 0 prints. */
    public static void run() {
        LinearRegressionExample.trainAndPredict("ridge regression", ridgeRegressionTraining().interceptFlag(true),
                (test, model) -> ridgeRegressionPrediction().compute(test, model).prediction);
    }

    /** Runs the example on this process's engine (one rank, or every rank under mpirun). */
    public static void main(String[] args) {
        daalinit();
        run();
        daalfini();
    }
}
