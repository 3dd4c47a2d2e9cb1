package daal4j.testing.mains;

import static daal4j.Daal4j.covariance;
import static daal4j.Daal4j.daalfini;
import static daal4j.Daal4j.daalinit;
import static daal4j.Daal4j.linearRegressionPrediction;
import static daal4j.Daal4j.linearRegressionTraining;
import static daal4j.Daal4j.multinomialNaiveBayesPrediction;
import static daal4j.Daal4j.multinomialNaiveBayesTraining;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;
import static daal4j.Daal4j.ridgeRegressionTraining;

import daal4j.algorithms.regression.LinearModel;
import daal4j.data.Csv;
import daal4j.data.Matrix;
import daal4j.examples.Examples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Covariance, correlation, linear and ridge regression and naive Bayes of daal4py's example
 * files split by rows over the ranks (the last two streamed in chunks on each rank); every
 * rank writes "name v1 v2 …" with all digits. With "bad" as the last argument, the last rank
 * gets a label out of range and every rank writes the error it caught.
 */
public final class RegressSplit {

    private RegressSplit() {
    }

    /** The lines a rank prints; {@code data} is the folder of daal4py's example files. */
    public static List<String> body(String data, boolean bad) {
        List<String> out = new ArrayList<>();
        Matrix cov = mine(Csv.read(Path.of(data, "batch/covcormoments_dense.csv")));
        out.add(line("covariance", covariance().distributed(true).compute(cov).covariance));
        out.add(line("correlation", covariance().outputMatrixType("correlationMatrix").distributed(true)
                .compute(cov).correlation));
        out.add(line("mean", covariance().distributed(true).compute(cov).mean));

        Matrix lr = mine(Csv.read(Path.of(data, "batch/linear_regression_train.csv")));
        Matrix test = Csv.read(Path.of(data, "batch/linear_regression_test.csv")).columnRange(0, 10);
        LinearModel lin = linearRegressionTraining().interceptFlag(true).distributed(true)
                .compute(lr.columnRange(0, 10), lr.columnRange(10, 12)).model;
        out.add(line("linear.Beta", lin.Beta));
        out.add(line("linear.prediction", linearRegressionPrediction().compute(test, lin).prediction));
        var ridge = ridgeRegressionTraining().ridgeParameters(10.0).interceptFlag(true).distributed(true).streaming(true);
        for (int from = 0; from < lr.rows(); from += 97) {
            Matrix chunk = lr.rowRange(from, Math.min(lr.rows(), from + 97));
            ridge.compute(chunk.columnRange(0, 10), chunk.columnRange(10, 12));
        }
        out.add(line("ridge.Beta", ridge.finalizeCompute().model.Beta));

        Matrix nb = mine(Csv.read(Path.of(data, "batch/naivebayes_train_dense.csv")));
        Matrix labels = nb.columnRange(20, 21);
        if (bad && myProcid() == numProcs() - 1) {
            double[] l = labels.toRowMajor();
            l[3] = 20;
            labels = Matrix.wrap(l.length, 1, l);
        }
        try {
            var model = multinomialNaiveBayesTraining(20).distributed(true).compute(nb.columnRange(0, 20), labels).model;
            out.add(line("nb.LogTheta", model.LogTheta));
            Matrix nbTest = Csv.read(Path.of(data, "batch/naivebayes_test_dense.csv")).columnRange(0, 20);
            out.add(line("nb.prediction", multinomialNaiveBayesPrediction(20).compute(nbTest, model).prediction));
        } catch (RuntimeException e) {
            out.add("error " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return out;
    }

    private static Matrix mine(Matrix all) {
        return Examples.slice(all, myProcid(), numProcs());
    }

    /** "name v1 v2 …", values as Double.toString (exact round trip). */
    static String line(String name, Matrix m) {
        StringBuilder s = new StringBuilder(name);
        for (double v : m.rowMajorView()) {
            s.append(' ').append(v);
        }
        return s.toString();
    }

    /**
     * mpirun entry: args[0] is the folder of daal4py's example files, args[1] the folder where
     * rank r writes its lines to rank{r}.txt (mpirun's output forwarding cuts long output
     * anywhere), args[2] optionally "bad".
     */
    public static void main(String[] args) throws java.io.IOException {
        daalinit();
        List<String> lines = body(args[0], args.length > 2 && args[2].equals("bad"));
        java.nio.file.Files.write(Path.of(args[1], "rank" + myProcid() + ".txt"), lines);
        daalfini();
    }
}
