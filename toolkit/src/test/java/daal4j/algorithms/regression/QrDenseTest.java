package daal4j.algorithms.regression;

import static daal4j.Daal4j.linearRegressionPrediction;
import static daal4j.Daal4j.linearRegressionTraining;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;
import static daal4j.testing.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.data.Matrix;
import daal4j.examples.Examples;
import daal4j.spmd.Spmd;
import daal4j.testing.Fixtures;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Linear regression's qrDense method: the tall-and-skinny QR of [X Y] (see QrSummary). */
class QrDenseTest {

    private static LinearRegressionTraining qrDense(boolean intercept) {
        return linearRegressionTraining().method("qrDense").interceptFlag(intercept);
    }

    @ParameterizedTest
    @CsvSource({"linear_regression_qrDense, true, 1", "linear_regression_qrDense_noIntercept, false, 1",
        "linear_regression_qrDense, true, 4", "linear_regression_qrDense_noIntercept, false, 3"})
    void matchesDaal4pyGoldens(String golden, boolean intercept, int ranks) {
        Matrix x = RegressionParityTest.X;
        Matrix y = RegressionParityTest.Y;
        LinearModel m = Spmd.local(ranks).call(() -> qrDense(intercept).distributed(true)
                .compute(Examples.slice(x, myProcid(), numProcs()), Examples.slice(y, myProcid(), numProcs())))
                .get(0).model;
        RegressionParityTest.assertModel(golden, m,
                linearRegressionPrediction().compute(RegressionParityTest.TEST, m).prediction);
    }

    @Test
    void matchesNumPyLstsqInEveryMode() {
        Matrix x = RegressionTest.X;
        Matrix y = RegressionTest.Y;
        for (boolean intercept : new boolean[] {true, false}) {
            Matrix expected = Fixtures.read("regression", "random.lstsq_" + (intercept ? "intercept" : "nointercept")
                    + ".beta");
            assertClose(expected, qrDense(intercept).compute(x, y).model.Beta, 1e-9, "batch");
            LinearRegressionTraining s = qrDense(intercept).streaming(true);
            for (int from = 0; from < x.rows(); from += 37) {
                int to = Math.min(x.rows(), from + 37);
                s.compute(x.rowRange(from, to), y.rowRange(from, to));
            }
            assertClose(expected, s.finalizeCompute().model.Beta, 1e-9, "streaming");
            for (int ranks = 2; ranks <= 4; ranks++) {
                List<TrainingResult> all = Spmd.local(ranks).call(() -> {
                    LinearRegressionTraining t = qrDense(intercept).distributed(true).streaming(true);
                    Matrix mx = Examples.slice(x, myProcid(), numProcs());
                    Matrix my = Examples.slice(y, myProcid(), numProcs());
                    t.compute(mx.rowRange(0, mx.rows() / 2), my.rowRange(0, my.rows() / 2));
                    t.compute(mx.rowRange(mx.rows() / 2, mx.rows()), my.rowRange(my.rows() / 2, my.rows()));
                    return t.finalizeCompute();
                });
                for (TrainingResult r : all) {
                    assertClose(expected, r.model.Beta, 1e-9, ranks + " ranks, streaming");
                    assertEquals(all.get(0).model.Beta, r.model.Beta, "identical on every rank");
                }
            }
        }
    }

    @Test
    void keepsTheDigitsTheNormalEquationsLose() {
        // two nearly parallel features (condition ~1e7) and an exact linear response: the QR
        // solution recovers the coefficients, the normal equations square the condition
        Random rnd = new Random(3);
        int n = 2000;
        double[] xv = new double[n * 2];
        double[] yv = new double[n];
        for (int i = 0; i < n; i++) {
            double a = rnd.nextGaussian();
            xv[2 * i] = a;
            xv[2 * i + 1] = a + 1e-7 * rnd.nextGaussian();
            yv[i] = 2.0 + 3.0 * xv[2 * i] - 1.5 * xv[2 * i + 1];
        }
        Matrix x = Matrix.wrap(n, 2, xv);
        Matrix y = Matrix.wrap(n, 1, yv);
        Matrix exact = Matrix.row(2.0, 3.0, -1.5);
        Matrix qr = qrDense(true).compute(x, y).model.Beta;
        assertClose(exact, qr, 1e-6, "qrDense on an ill-conditioned system");
    }

    @Test
    void dependentFeaturesAreAClearErrorOnEveryRank() {
        Matrix x = RegressionTest.X;
        double[] d = x.toRowMajor();
        int p = x.cols();
        for (int i = 0; i < x.rows(); i++) {
            d[i * p + 4] = d[i * p + 1] - 2 * d[i * p + 2];
        }
        Matrix dependent = Matrix.wrap(x.rows(), p, d);
        List<String> messages = Spmd.local(2).call(() -> {
            try {
                qrDense(true).distributed(true).compute(Examples.slice(dependent, myProcid(), numProcs()),
                        Examples.slice(RegressionTest.Y, myProcid(), numProcs()));
                return "no error";
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        });
        assertEquals(messages.get(0), messages.get(1));
        assertTrue(messages.get(0).contains("feature 4 is a linear combination of the earlier ones"), messages.get(0));
        assertThrows(IllegalArgumentException.class, () -> qrDense(false).compute(x.rowRange(0, 3),
                RegressionTest.Y.rowRange(0, 3)));
    }
}
