package daal4j.algorithms.regression;

import static daal4j.Daal4j.linearRegressionPrediction;
import static daal4j.Daal4j.linearRegressionTraining;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;
import static daal4j.Daal4j.ridgeRegressionPrediction;
import static daal4j.Daal4j.ridgeRegressionTraining;
import static daal4j.testing.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.data.Csv;
import daal4j.data.Matrix;
import daal4j.examples.Examples;
import daal4j.spmd.Spmd;
import daal4j.spmd.SpmdException;
import daal4j.testing.Fixtures;
import daal4j.testing.TestData;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegressionTest {

    static final Matrix X = Fixtures.read("regression", "random.x");
    static final Matrix Y = Fixtures.read("regression", "random.y");
    static final Matrix TEST = Fixtures.read("regression", "random.test");

    private static void assertReference(String ref, LinearModel model, double tol) {
        assertClose(Fixtures.read("regression", "random." + ref + ".beta"), model.Beta, tol, ref + " Beta");
        assertClose(Fixtures.read("regression", "random." + ref + ".prediction"),
                linearRegressionPrediction().compute(TEST, model).prediction, tol, ref + " prediction");
    }

    @Test
    void leastSquaresMatchesNumPyLstsq() {
        LinearModel with = linearRegressionTraining().interceptFlag(true).compute(X, Y).model;
        assertReference("lstsq_intercept", with, 1e-9);
        assertEquals(7, with.NumberOfBetas);
        assertEquals(2, with.NumberOfResponses);
        assertEquals(6, with.NumberOfFeatures);
        assertTrue(with.InterceptFlag);
        LinearModel without = linearRegressionTraining().method("normEqDense").compute(X, Y).model;
        assertFalse(without.InterceptFlag);
        assertEquals(0.0, without.Beta.get(0, 0));
        assertEquals(0.0, without.Beta.get(1, 0));
        assertReference("lstsq_nointercept", without, 1e-9);
    }

    @Test
    void ridgeMatchesScikitLearnWithTheInterceptUnpenalized() {
        // daal4py's default penalty is 1.0
        assertReference("ridge1_intercept", ridgeRegressionTraining().interceptFlag(true).compute(X, Y).model, 1e-9);
        assertReference("ridge1_nointercept", ridgeRegressionTraining().compute(X, Y).model, 1e-9);
        assertReference("ridge25_intercept",
                ridgeRegressionTraining().interceptFlag(true).ridgeParameters(25.0).compute(X, Y).model, 1e-9);
        assertReference("ridge_per_response_intercept", ridgeRegressionTraining().interceptFlag(true)
                .ridgeParameters(new double[][] {{0.5, 40.0}}).compute(X, Y).model, 1e-9);
        LinearModel perResponse = ridgeRegressionTraining().ridgeParameters(0.5, 40.0).compute(X, Y).model;
        assertReference("ridge_per_response_nointercept", perResponse, 1e-9);
        assertClose(linearRegressionPrediction().compute(TEST, perResponse).prediction,
                ridgeRegressionPrediction().compute(TEST, perResponse).prediction, 0, "ridge prediction");
        // a zero penalty is least squares
        assertReference("lstsq_intercept",
                ridgeRegressionTraining().interceptFlag(true).ridgeParameters(0.0).compute(X, Y).model, 1e-9);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void everySplitOverLocalRanksEqualsOneRank(int ranks) {
        for (boolean intercept : new boolean[] {true, false}) {
            Matrix one = linearRegressionTraining().interceptFlag(intercept).compute(X, Y).model.Beta;
            List<TrainingResult> all = Spmd.local(ranks).call(() -> linearRegressionTraining().interceptFlag(intercept)
                    .distributed(true).compute(Examples.slice(X, myProcid(), numProcs()),
                            Examples.slice(Y, myProcid(), numProcs())));
            for (TrainingResult r : all) {
                assertClose(one, r.model.Beta, 1e-10, ranks + " ranks, intercept " + intercept);
            }
            assertEquals(all.get(0).model.Beta, all.get(ranks - 1).model.Beta, "bit-identical on every rank");
            Matrix ridgeOne = ridgeRegressionTraining().interceptFlag(intercept).ridgeParameters(3.0)
                    .compute(X, Y).model.Beta;
            Matrix ridge = Spmd.local(ranks).call(() -> ridgeRegressionTraining().interceptFlag(intercept)
                    .ridgeParameters(3.0).distributed(true).compute(Examples.slice(X, myProcid(), numProcs()),
                            Examples.slice(Y, myProcid(), numProcs()))).get(0).model.Beta;
            assertClose(ridgeOne, ridge, 1e-10, ranks + " ranks ridge");
        }
    }

    @Test
    void streamingOverChunksEqualsBatch() {
        LinearRegressionTraining lin = linearRegressionTraining().interceptFlag(true).streaming(true);
        RidgeRegressionTraining ridge = ridgeRegressionTraining().ridgeParameters(25.0).interceptFlag(true)
                .streaming(true);
        for (int from = 0; from < X.rows(); from += 53) {
            int to = Math.min(X.rows(), from + 53);
            assertNull(lin.compute(X.rowRange(from, to), Y.rowRange(from, to)));
            assertNull(ridge.compute(X.rowRange(from, to).toArray(), Y.rowRange(from, to).toTable()));
        }
        assertReference("lstsq_intercept", lin.finalizeCompute().model, 1e-9);
        assertReference("ridge25_intercept", ridge.finalizeCompute().model, 1e-9);
    }

    @Test
    void distributedAndStreamingCompose() {
        List<TrainingResult> all = Spmd.local(3).call(() -> {
            Matrix x = Examples.slice(X, myProcid(), numProcs());
            Matrix y = Examples.slice(Y, myProcid(), numProcs());
            LinearRegressionTraining algo = linearRegressionTraining().interceptFlag(true).distributed(true)
                    .streaming(true);
            for (int from = 0; from < x.rows(); from += 40) {
                int to = Math.min(x.rows(), from + 40);
                algo.compute(x.rowRange(from, to), y.rowRange(from, to));
            }
            return algo.finalizeCompute();
        });
        assertReference("lstsq_intercept", all.get(2).model, 1e-9);
    }

    @Test
    void daal4pyFourRankExampleFiles() {
        String pattern = TestData.example("distributed/linear_regression_train_{}.csv").toString();
        Matrix test = Csv.read(TestData.example("distributed/linear_regression_test.csv")).columnRange(0, 10);
        List<LinearModel> models = Spmd.local(4).call(() -> {
            Matrix mine = Csv.read(java.nio.file.Path.of(pattern.replace("{}", Integer.toString(myProcid() + 1))));
            return linearRegressionTraining().interceptFlag(true).distributed(true)
                    .compute(mine.columnRange(0, 10), mine.columnRange(10, 12)).model;
        });
        assertClose(Fixtures.read("regression", "example.lstsq_intercept.beta"), models.get(3).Beta, 1e-9, "Beta");
        assertClose(Fixtures.read("regression", "example.lstsq_intercept.prediction"),
                linearRegressionPrediction().compute(test, models.get(0)).prediction, 1e-9, "prediction");
        Matrix ridge = Spmd.local(2).call(() -> {
            Matrix mine = Csv.read(java.nio.file.Path.of(pattern.replace("{}", Integer.toString(myProcid() + 1))));
            Matrix other = Csv.read(java.nio.file.Path.of(pattern.replace("{}", Integer.toString(myProcid() + 3))));
            RidgeRegressionTraining algo = ridgeRegressionTraining().interceptFlag(true).distributed(true).streaming(true);
            algo.compute(mine.columnRange(0, 10), mine.columnRange(10, 12));
            algo.compute(other.columnRange(0, 10), other.columnRange(10, 12));
            return algo.finalizeCompute().model.Beta;
        }).get(1);
        assertClose(Fixtures.read("regression", "example.ridge1_intercept.beta"), ridge, 1e-9, "ridge Beta");
    }

    @Test
    void aRankDeficientSystemGetsTheMinimumNormLeastSquaresSolution() {
        Matrix x = Fixtures.read("regression", "singular.x");
        Matrix y = Fixtures.read("regression", "singular.y");
        for (int ranks : new int[] {1, 3}) {
            LinearModel m = Spmd.local(ranks).call(() -> linearRegressionTraining().interceptFlag(true).distributed(true)
                    .compute(Examples.slice(x, myProcid(), numProcs()), Examples.slice(y, myProcid(), numProcs())))
                    .get(0).model;
            assertClose(Fixtures.read("regression", "singular.lstsq_intercept.beta"), m.Beta, 1e-8, "Beta");
            assertClose(Fixtures.read("regression", "singular.lstsq_intercept.prediction"),
                    linearRegressionPrediction().compute(Fixtures.read("regression", "singular.test"), m).prediction,
                    1e-9, "prediction");
        }
        // fewer rows than coefficients, and an all-zero design: still least squares, no failure
        LinearModel few = linearRegressionTraining().interceptFlag(true).compute(X.rowRange(0, 3), Y.rowRange(0, 3)).model;
        assertClose(Y.rowRange(0, 3), linearRegressionPrediction().compute(X.rowRange(0, 3), few).prediction, 1e-7,
                "interpolates");
        LinearModel zero = linearRegressionTraining().compute(Matrix.zeros(5, 2), Y.rowRange(0, 5)).model;
        assertClose(Matrix.zeros(2, 3), zero.Beta, 0, "zero design");
    }

    @Test
    void inputsAsArraysTablesColumnsAndFiles() {
        Matrix x1 = X.columnRange(0, 1);
        double[] y1 = Y.columnAt(0);
        LinearModel a = linearRegressionTraining().interceptFlag(true).compute(x1.toArray(), y1).model;
        LinearModel b = linearRegressionTraining().interceptFlag(true).compute(x1.toTable(), Matrix.column(y1)).model;
        assertClose(a.Beta, b.Beta, 0, "same model");
        assertEquals(1, a.NumberOfResponses);
        String file = TestData.example("distributed/linear_regression_train_1.csv").toString();
        Matrix whole = Csv.read(java.nio.file.Path.of(file));
        // a path for each input: here the same file, data = responses, which fits exactly
        LinearModel self = linearRegressionTraining().compute(file, file).model;
        assertClose(whole, linearRegressionPrediction().compute(file, self).prediction, 1e-8, "identity fit");
        assertTrue(a.toString().contains("Beta"));
    }

    @Test
    void badInputIsAClearErrorOnEveryRank() {
        assertEquals("dependentData has 499 rows, data has 500", assertThrows(IllegalArgumentException.class, () ->
                linearRegressionTraining().compute(X, Y.rowRange(0, 499))).getMessage());
        double[][] nan = Y.toArray();
        nan[7][1] = Double.NaN;
        List<String> errors = Spmd.local(3).call(() -> assertThrows(SpmdException.class, () ->
                linearRegressionTraining().distributed(true).compute(X, myProcid() == 1 ? Matrix.of(nan) : Y))
                .getMessage());
        assertEquals("rank 1: dependentData: NaN at row 7, column 1 (values must be finite)", errors.get(0));
        assertEquals(errors.get(0), errors.get(2));
        List<String> widths = Spmd.local(3).call(() -> assertThrows(IllegalArgumentException.class, () ->
                ridgeRegressionTraining().distributed(true).compute(myProcid() == 2 ? X.columnRange(0, 5) : X, Y))
                .getMessage());
        assertEquals("rank 2 does not match ranks 0..1: feature counts differ: 6 and 5 columns of data", widths.get(0));
        assertEquals(widths.get(0), widths.get(1));
        List<String> responses = Spmd.local(2).call(() -> assertThrows(IllegalArgumentException.class, () ->
                linearRegressionTraining().distributed(true).compute(X, myProcid() == 0 ? Y.columnRange(0, 1) : Y))
                .getMessage());
        assertEquals("rank 1 does not match ranks 0..0: response counts differ: 1 and 2 columns of dependentData",
                responses.get(1));
        assertThrows(IllegalArgumentException.class, () -> ridgeRegressionTraining().ridgeParameters(1, 2, 3).compute(X, Y));
        assertThrows(IllegalArgumentException.class, () -> ridgeRegressionTraining().ridgeParameters(-1.0));
        assertThrows(IllegalArgumentException.class, () -> ridgeRegressionTraining().ridgeParameters(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> linearRegressionTraining().method("qrDens"));
        assertThrows(IllegalArgumentException.class, () -> linearRegressionTraining().compute(Matrix.zeros(0, 3),
                Matrix.zeros(0, 1)));
        LinearModel m = linearRegressionTraining().compute(X, Y).model;
        assertEquals("data has 5 features, the model 6", assertThrows(IllegalArgumentException.class, () ->
                linearRegressionPrediction().compute(X.columnRange(0, 5), m)).getMessage());
        Supplier<Object> noModel = () -> linearRegressionPrediction().compute(X, null);
        assertThrows(IllegalArgumentException.class, noModel::get);
    }
}
