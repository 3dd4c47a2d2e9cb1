package daal4j.algorithms.naivebayes;

import static daal4j.Daal4j.multinomialNaiveBayesPrediction;
import static daal4j.Daal4j.multinomialNaiveBayesTraining;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;
import static daal4j.testing.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import daal4j.data.Csv;
import daal4j.data.Matrix;
import daal4j.examples.Examples;
import daal4j.spmd.Spmd;
import daal4j.spmd.SpmdException;
import daal4j.testing.Fixtures;
import daal4j.testing.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NaiveBayesTest {

    static final Matrix X = Fixtures.read("naivebayes", "random.x");
    static final Matrix LABELS = Fixtures.read("naivebayes", "random.labels");
    static final Matrix TEST = Fixtures.read("naivebayes", "random.test");
    static final String ALL = "computeClassLabels|computeClassProbabilities|computeClassLogProbabilities";

    /** The model and every prediction of {@code model} on {@code test} against scikit-learn's. */
    static void assertReference(String ref, MultinomialNaiveBayesModel model, Matrix test, double tol) {
        assertClose(Fixtures.read("naivebayes", ref + ".LogP"), model.LogP, tol, ref + ".LogP");
        assertClose(Fixtures.read("naivebayes", ref + ".LogTheta"), model.LogTheta, tol, ref + ".LogTheta");
        NaiveBayesPredictionResult r = multinomialNaiveBayesPrediction(model.nClasses()).resultsToEvaluate(ALL)
                .compute(test, model);
        assertClose(Fixtures.read("naivebayes", ref + ".prediction"), r.prediction, 0, ref + ".prediction");
        assertClose(Fixtures.read("naivebayes", ref + ".probabilities"), r.probabilities, tol, ref + ".probabilities");
        assertClose(Fixtures.read("naivebayes", ref + ".logProbabilities"), r.logProbabilities, tol,
                ref + ".logProbabilities");
    }

    @Test
    void defaultsMatchScikitLearnWithUniformPriors() {
        MultinomialNaiveBayesModel m = multinomialNaiveBayesTraining(5).compute(X, LABELS).model;
        assertReference("random.default", m, TEST, 1e-12);
        assertEquals(8, m.NFeatures);
        assertEquals(8, m.NumberOfFeatures);
        // AuxTable is LogTheta plus the class's LogP, as daal4py's
        assertEquals(m.LogTheta.get(2, 3) + m.LogP.get(2, 0), m.AuxTable.get(2, 3), 0);
    }

    @Test
    void alphaPerFeatureAndPriorsMatchScikitLearn() {
        double[] alpha = new double[8];
        for (int j = 0; j < 8; j++) {
            alpha[j] = 0.25 + j * 0.25;
        }
        MultinomialNaiveBayesModel m = multinomialNaiveBayesTraining(5).alpha(Matrix.row(alpha))
                .priorClassEstimates(Matrix.column(0.1, 0.2, 0.3, 0.25, 0.15)).compute(X, LABELS).model;
        assertReference("random.alpha_prior", m, TEST, 1e-12);
        MultinomialNaiveBayesModel one = multinomialNaiveBayesTraining(5).alpha(1.0).compute(X, LABELS).model;
        assertClose(multinomialNaiveBayesTraining(5).compute(X, LABELS).model.LogTheta, one.LogTheta, 0, "alpha 1");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void everySplitOverLocalRanksEqualsOneRank(int ranks) {
        MultinomialNaiveBayesModel one = multinomialNaiveBayesTraining(5).compute(X, LABELS).model;
        List<NaiveBayesTrainingResult> all = Spmd.local(ranks).call(() -> multinomialNaiveBayesTraining(5)
                .distributed(true).compute(Examples.slice(X, myProcid(), numProcs()),
                        Examples.slice(LABELS, myProcid(), numProcs())));
        for (NaiveBayesTrainingResult r : all) {
            // integer counts add exactly: every split gives the very same model
            assertClose(one.LogTheta, r.model.LogTheta, 0, ranks + " ranks: LogTheta");
            assertClose(one.LogP, r.model.LogP, 0, ranks + " ranks: LogP");
        }
        assertReference("random.default", all.get(ranks - 1).model, TEST, 1e-12);
    }

    @Test
    void streamingAndDistributedStreamingEqualBatch() {
        MultinomialNaiveBayesTraining algo = multinomialNaiveBayesTraining(5).streaming(true);
        for (int from = 0; from < X.rows(); from += 101) {
            int to = Math.min(X.rows(), from + 101);
            assertNull(algo.compute(X.rowRange(from, to), LABELS.rowRange(from, to)));
        }
        assertReference("random.default", algo.finalizeCompute().model, TEST, 1e-12);
        MultinomialNaiveBayesModel m = Spmd.local(2).call(() -> {
            Matrix x = Examples.slice(X, myProcid(), numProcs());
            Matrix y = Examples.slice(LABELS, myProcid(), numProcs());
            MultinomialNaiveBayesTraining a = multinomialNaiveBayesTraining(5).distributed(true).streaming(true);
            for (int from = 0; from < x.rows(); from += 64) {
                int to = Math.min(x.rows(), from + 64);
                a.compute(x.rowRange(from, to).toArray(), y.rowRange(from, to).toTable());
            }
            return a.finalizeCompute().model;
        }).get(1);
        assertReference("random.default", m, TEST, 1e-12);
    }

    @Test
    void daal4pyExampleSlicedOverFourRanks() {
        Matrix train = Csv.read(TestData.example("batch/naivebayes_train_dense.csv"));
        Matrix test = Csv.read(TestData.example("batch/naivebayes_test_dense.csv"));
        MultinomialNaiveBayesModel m = Spmd.local(4).call(() -> {
            Matrix mine = Examples.slice(train, myProcid(), numProcs());
            return multinomialNaiveBayesTraining(20).distributed(true)
                    .compute(mine.columnRange(0, 20), mine.columnRange(20, 21)).model;
        }).get(0);
        assertReference("example.default", m, test.columnRange(0, 20), 1e-12);
        // the default result is the labels only
        NaiveBayesPredictionResult labels = multinomialNaiveBayesPrediction(20).compute(test.columnRange(0, 20), m);
        assertClose(test.columnRange(20, 21), labels.prediction, 0, "labels of the test file");
        assertNull(labels.probabilities);
        assertNull(labels.logProbabilities);
        NaiveBayesPredictionResult probs = multinomialNaiveBayesPrediction(20)
                .resultsToEvaluate("computeClassProbabilities").compute(test.columnRange(0, 20), m);
        assertNull(probs.prediction);
        assertNotNull(probs.probabilities);
        // labels given as a separate file and int[] work alike
        int[] ints = new int[train.rows()];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = (int) train.get(i, 20);
        }
        assertClose(m.LogTheta, multinomialNaiveBayesTraining(20).compute(train.columnRange(0, 20), ints).model.LogTheta,
                1e-15, "int[] labels");
        MultinomialNaiveBayesModel fromLabelFile = multinomialNaiveBayesTraining(20).compute(train.columnRange(0, 20),
                TestData.example("distributed/naivebayes_train_labels.csv").toString()).model;
        assertClose(m.LogTheta, fromLabelFile.LogTheta, 1e-15, "labels file");
    }

    @Test
    void badInputIsAClearErrorOnEveryRank() {
        double[][] bad = LABELS.toArray();
        bad[9][0] = 5;
        List<String> errors = Spmd.local(3).call(() -> assertThrows(SpmdException.class, () ->
                multinomialNaiveBayesTraining(5).distributed(true).compute(X, myProcid() == 1 ? Matrix.of(bad) : LABELS))
                .getMessage());
        assertEquals("rank 1: labels: 5.0 at row 9 is not a class 0..4", errors.get(0));
        assertEquals(errors.get(0), errors.get(2));
        bad[9][0] = 1.5;
        assertEquals("labels: 1.5 at row 9 is not a class 0..4", assertThrows(IllegalArgumentException.class, () ->
                multinomialNaiveBayesTraining(5).compute(X, bad)).getMessage());
        double[][] negative = X.toArray();
        negative[650][2] = -1;
        assertEquals("data: -1.0 at row 650, column 2 (counts must be non-negative)",
                assertThrows(IllegalArgumentException.class, () ->
                        multinomialNaiveBayesTraining(5).compute(negative, LABELS)).getMessage());
        // a negative count far below the sums' rounding is still one; -0.0 is not
        negative[650][2] = -1e-300;
        assertEquals("data: -1.0E-300 at row 650, column 2 (counts must be non-negative)",
                assertThrows(IllegalArgumentException.class, () ->
                        multinomialNaiveBayesTraining(5).compute(negative, LABELS)).getMessage());
        double[][] signedZero = X.toArray();
        signedZero[650][2] = -0.0;
        double[][] zero = X.toArray();
        zero[650][2] = 0.0;
        assertEquals(multinomialNaiveBayesTraining(5).compute(zero, LABELS).model.LogTheta,
                multinomialNaiveBayesTraining(5).compute(signedZero, LABELS).model.LogTheta);
        negative[650][2] = -1;
        double[][] inf = X.toArray();
        inf[3][7] = Double.POSITIVE_INFINITY;
        assertEquals("data: Infinity at row 3, column 7 (values must be finite)",
                assertThrows(IllegalArgumentException.class, () ->
                        multinomialNaiveBayesTraining(5).compute(inf, LABELS)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> multinomialNaiveBayesTraining(5).compute(X, LABELS.rowRange(0, 9)));
        List<String> widths = Spmd.local(2).call(() -> assertThrows(IllegalArgumentException.class, () ->
                multinomialNaiveBayesTraining(5).distributed(true).compute(myProcid() == 1 ? X.columnRange(0, 7) : X,
                        LABELS)).getMessage());
        assertEquals("rank 1 does not match ranks 0..0: feature counts differ: 8 and 7 columns", widths.get(1));
        assertThrows(IllegalArgumentException.class, () -> multinomialNaiveBayesTraining(5).alpha(1, 2).compute(X, LABELS));
        assertThrows(IllegalArgumentException.class, () -> multinomialNaiveBayesTraining(5).alpha(0.0));
        assertThrows(IllegalArgumentException.class, () -> multinomialNaiveBayesTraining(5).priorClassEstimates(0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> multinomialNaiveBayesTraining(0));
        MultinomialNaiveBayesModel m = multinomialNaiveBayesTraining(5).compute(X, LABELS).model;
        assertThrows(IllegalArgumentException.class, () -> multinomialNaiveBayesPrediction(4).compute(TEST, m));
        assertThrows(IllegalArgumentException.class, () -> multinomialNaiveBayesPrediction(5)
                .resultsToEvaluate("computeClassLabels|computeEverything"));
        assertThrows(IllegalArgumentException.class, () -> multinomialNaiveBayesPrediction(5).compute(negative, m));
        assertThrows(IllegalArgumentException.class, () -> multinomialNaiveBayesPrediction(5).compute(
                TEST.columnRange(0, 7), m));
    }
}
