package daal4j.examples;

import static daal4j.Daal4j.daalfini;
import static daal4j.Daal4j.daalinit;
import static daal4j.Daal4j.multinomialNaiveBayesPrediction;
import static daal4j.Daal4j.multinomialNaiveBayesTraining;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;

import daal4j.algorithms.naivebayes.NaiveBayesPredictionResult;
import daal4j.algorithms.naivebayes.NaiveBayesTrainingResult;
import daal4j.data.Csv;
import daal4j.data.Matrix;
import java.nio.file.Path;

/**
 * daal4py's multinomial naive Bayes SPMD example: each rank trains on its slice of the
 * training file (20 features, label in column 21, 20 classes); rank 0 predicts the test file.
 */
public final class NaiveBayesExample {

    private NaiveBayesExample() {
    }

    /** The SPMD body: every rank runs it; rank 0 prints. */
    public static void run() {
        Matrix train = Csv.read(Path.of(Examples.data("batch/naivebayes_train_dense.csv")));
        Matrix mine = Examples.slice(train, myProcid(), numProcs());
        NaiveBayesTrainingResult result = multinomialNaiveBayesTraining(20).distributed(true)
                .compute(mine.columnRange(0, 20), mine.columnRange(20, 21));
        if (myProcid() == 0) {
            Matrix test = Csv.read(Path.of(Examples.data("batch/naivebayes_test_dense.csv")));
            NaiveBayesPredictionResult predicted = multinomialNaiveBayesPrediction(20)
                    .compute(test.columnRange(0, 20), result.model);
            int right = 0;
            for (int i = 0; i < test.rows(); i++) {
                right += predicted.prediction.get(i, 0) == test.get(i, 20) ? 1 : 0;
            }
            System.out.println("multinomial naive Bayes on " + numProcs() + " ranks (" + train.rows() + " rows):");
            System.out.println("LogP: " + result.model.LogP.transpose());
            System.out.println("LogTheta: " + result.model.LogTheta);
            System.out.println("first predictions: " + predicted.prediction.rowRange(0, 10).transpose());
            System.out.println("their ground truth: " + test.columnRange(20, 21).rowRange(0, 10).transpose());
            System.out.println(right + " of " + test.rows() + " test rows classified right");
        }
    }

    /** Runs the example on this process's engine (one rank, or every rank under mpirun). */
    public static void main(String[] args) {
        daalinit();
        run();
        daalfini();
    }
}
