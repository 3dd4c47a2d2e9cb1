package daal4j.algorithms.regression;

import static daal4j.Daal4j.linearRegressionPrediction;
import static daal4j.Daal4j.ridgeRegressionPrediction;
import static daal4j.testing.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import daal4j.data.Matrix;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Prediction over many row blocks (a few and many responses) against a plain sum per row. */
class PredictionBlocksTest {

    static final int N = 2100; // a few blocks of 50 columns and a short last one

    static Matrix random(int rows, int cols, long seed) {
        Random r = new Random(seed);
        double[] v = new double[rows * cols];
        for (int k = 0; k < v.length; k++) {
            v[k] = r.nextGaussian() * 3;
        }
        return Matrix.wrap(rows, cols, v);
    }

    /** b0 + sum_j x_ij b_j, one row and response at a time. */
    static Matrix expected(Matrix x, Matrix beta) {
        double[] y = new double[x.rows() * beta.rows()];
        for (int i = 0; i < x.rows(); i++) {
            for (int r = 0; r < beta.rows(); r++) {
                double s = beta.get(r, 0);
                for (int j = 0; j < x.cols(); j++) {
                    s += x.get(i, j) * beta.get(r, j + 1);
                }
                y[i * beta.rows() + r] = s;
            }
        }
        return Matrix.wrap(x.rows(), beta.rows(), y);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 5, 13})
    void everyBlockMatchesAPlainSum(int responses) {
        Matrix x = random(N, 50, 1);
        LinearModel model = new LinearModel(random(responses, 51, 2), true);
        assertClose(expected(x, model.Beta), linearRegressionPrediction().compute(x, model).prediction, 1e-12,
                "linear");
        assertClose(expected(x, model.Beta), ridgeRegressionPrediction().compute(x, model).prediction, 1e-12,
                "ridge");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8})
    void theFirstNonFiniteValueIsReportedWhicheverBlockItIsIn(int responses) {
        double[][] x = random(N, 50, 3).toArray();
        LinearModel model = new LinearModel(random(responses, 51, 4), true);
        x[1900][5] = Double.NaN;
        assertEquals("data: NaN at row 1900, column 5 (values must be finite)", assertThrows(
                IllegalArgumentException.class, () -> linearRegressionPrediction().compute(x, model)).getMessage());
        // a value the model multiplies by 0 is still checked
        double[] beta = model.Beta.toRowMajor();
        for (int r = 0; r < responses; r++) {
            beta[r * 51 + 1 + 30] = 0;
        }
        LinearModel zeroSlope = new LinearModel(Matrix.wrap(responses, 51, beta), true);
        x[1200][30] = Double.POSITIVE_INFINITY;
        assertEquals("data: Infinity at row 1200, column 30 (values must be finite)", assertThrows(
                IllegalArgumentException.class, () -> linearRegressionPrediction().compute(x, zeroSlope)).getMessage());
        x[700][49] = Double.NEGATIVE_INFINITY;
        assertEquals("data: -Infinity at row 700, column 49 (values must be finite)", assertThrows(
                IllegalArgumentException.class, () -> ridgeRegressionPrediction().compute(x, model)).getMessage());
    }

    @Test
    void responsesThatOverflowAreNotAnInputError() {
        double[] v = new double[N];
        java.util.Arrays.fill(v, 1e300);
        LinearModel model = new LinearModel(Matrix.row(0, 1e300), true);
        Matrix y = linearRegressionPrediction().compute(Matrix.wrap(N, 1, v), model).prediction;
        assertEquals(Double.POSITIVE_INFINITY, y.get(N - 1, 0));
    }
}
