package daal4j.algorithms.naivebayes;

import static daal4j.Daal4j.multinomialNaiveBayesPrediction;
import static daal4j.Daal4j.multinomialNaiveBayesTraining;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;
import static daal4j.testing.Fixtures.assertClose;
import static daal4j.testing.Fixtures.golden;

import daal4j.data.Csv;
import daal4j.data.Matrix;
import daal4j.examples.Examples;
import daal4j.spmd.Spmd;
import daal4j.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Models and labels equal daal4py 2024.7.0's (goldens of make_goldens.py). daal4py's
 * probabilities are broken in that version, so they are checked against scikit-learn in
 * NaiveBayesTest instead.
 */
class NaiveBayesParityTest {

    @ParameterizedTest
    @CsvSource({"multinomial_naive_bayes, 1.0, 1", "multinomial_naive_bayes, 1.0, 4",
        "multinomial_naive_bayes_alpha05, 0.5, 3"})
    void matchesDaal4py(String golden, double alpha, int ranks) {
        Matrix train = Csv.read(TestData.example("batch/naivebayes_train_dense.csv"));
        Matrix test = Csv.read(TestData.example("batch/naivebayes_test_dense.csv")).columnRange(0, 20);
        MultinomialNaiveBayesModel m = Spmd.local(ranks).call(() -> {
            Matrix mine = Examples.slice(train, myProcid(), numProcs());
            return multinomialNaiveBayesTraining(20).alpha(alpha).distributed(true)
                    .compute(mine.columnRange(0, 20), mine.columnRange(20, 21)).model;
        }).get(0);
        assertClose(golden(golden, "LogP"), m.LogP, 1e-12, golden + ".LogP");
        assertClose(golden(golden, "LogTheta"), m.LogTheta, 1e-12, golden + ".LogTheta");
        if (alpha == 1.0) {
            assertClose(golden(golden, "AuxTable"), m.AuxTable, 1e-12, golden + ".AuxTable");
        }
        assertClose(golden(golden, "prediction"), multinomialNaiveBayesPrediction(20).compute(test, m).prediction, 0,
                golden + ".prediction");
    }
}
