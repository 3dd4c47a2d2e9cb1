package daal4j.examples;

import static daal4j.Daal4j.daalfini;
import static daal4j.Daal4j.daalinit;
import static daal4j.Daal4j.linearRegressionPrediction;
import static daal4j.Daal4j.linearRegressionTraining;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;

import daal4j.algorithms.regression.LinearModel;
import daal4j.algorithms.regression.RegressionTraining;
import daal4j.data.Csv;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * daal4py's linear regression SPMD example: each rank trains on its file (10 features, 2
 * responses), the model is the same on every rank, rank 0 predicts the test file.
 */
public final class LinearRegressionExample {

    private LinearRegressionExample() {
    }

    /** The SPMD body: every rank runs it; rank 0 prints. */
    public static void run() {
        trainAndPredict("linear regression", linearRegressionTraining().interceptFlag(true),
                (test, model) -> linearRegressionPrediction().compute(test, model).prediction);
    }

    /**
     * What the linear and ridge examples share: {@code training} over daal4py's four example
     * files (with fewer ranks a rank streams several, with more some have none), then rank 0
     * prints the model and the first predictions of the test file.
     */
    static void trainAndPredict(String name, RegressionTraining<?> training, BiFunction<Matrix, LinearModel, Matrix> predict) {
        training.distributed(true).streaming(true);
        for (int file = myProcid() + 1; file <= 4; file += numProcs()) {
            Matrix mine = Csv.read(Path.of(Inputs.perRank(Examples.data("distributed/linear_regression_train_{}.csv"), file)));
            training.compute(mine.columnRange(0, 10), mine.columnRange(10, 12));
        }
        if (myProcid() >= 4) {
            training.compute(Matrix.zeros(0, 10), Matrix.zeros(0, 2));
        }
        LinearModel model = training.finalizeCompute().model;
        if (myProcid() == 0) {
            Matrix test = Csv.read(Path.of(Examples.data("distributed/linear_regression_test.csv")));
            Matrix predicted = predict.apply(test.columnRange(0, 10), model);
            System.out.println(name + " on " + numProcs() + " ranks:");
            System.out.println(model);
            System.out.println("first predictions: " + predicted.rowRange(0, 5));
            System.out.println("their ground truth: " + test.columnRange(10, 12).rowRange(0, 5));
        }
    }

    /** Runs the example on this process's engine (one rank, or every rank under mpirun). */
    public static void main(String[] args) {
        daalinit();
        run();
        daalfini();
    }
}
