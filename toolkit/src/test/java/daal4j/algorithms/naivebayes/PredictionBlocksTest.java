package daal4j.algorithms.naivebayes;

import static daal4j.Daal4j.multinomialNaiveBayesPrediction;
import static daal4j.testing.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import daal4j.data.Matrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Dense prediction over many row blocks against plain per-row sums, and its errors' precedence. */
class PredictionBlocksTest {

    static final int N = 2100; // a few blocks of 50 columns and a short last one
    static final int CLASSES = 7;
    static final String ALL = "computeClassLabels|computeClassProbabilities|computeClassLogProbabilities";

    static double[][] counts(long seed) {
        Random r = new Random(seed);
        double[][] x = new double[N][50];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextInt(6);
            }
        }
        return x;
    }

    static MultinomialNaiveBayesModel model() {
        Random r = new Random(9);
        double[] logP = new double[CLASSES];
        double[] logTheta = new double[CLASSES * 50];
        for (int c = 0; c < CLASSES; c++) {
            logP[c] = Math.log(0.05 + r.nextDouble());
            for (int j = 0; j < 50; j++) {
                logTheta[c * 50 + j] = Math.log(0.01 + r.nextDouble()) - 4;
            }
        }
        return new MultinomialNaiveBayesModel(Matrix.column(logP), Matrix.wrap(CLASSES, 50, logTheta));
    }

    @Test
    void everyBlockMatchesPlainSums() {
        double[][] x = counts(1);
        MultinomialNaiveBayesModel m = model();
        double[] label = new double[N];
        double[] logProb = new double[N * CLASSES];
        double[] prob = new double[N * CLASSES];
        for (int i = 0; i < N; i++) {
            double[] s = new double[CLASSES];
            for (int c = 0; c < CLASSES; c++) {
                s[c] = m.LogP.get(c, 0);
                for (int j = 0; j < 50; j++) {
                    s[c] += x[i][j] * m.LogTheta.get(c, j);
                }
                if (s[c] > s[(int) label[i]]) {
                    label[i] = c;
                }
            }
            double total = 0;
            for (double v : s) {
                total += Math.exp(v - s[(int) label[i]]);
            }
            for (int c = 0; c < CLASSES; c++) {
                logProb[i * CLASSES + c] = s[c] - s[(int) label[i]] - Math.log(total);
                prob[i * CLASSES + c] = Math.exp(s[c] - s[(int) label[i]]) / total;
            }
        }
        NaiveBayesPredictionResult all = multinomialNaiveBayesPrediction(CLASSES).resultsToEvaluate(ALL).compute(x, m);
        assertClose(Matrix.wrap(N, 1, label), all.prediction, 0, "labels");
        assertClose(Matrix.wrap(N, CLASSES, logProb), all.logProbabilities, 1e-12, "log probabilities");
        assertClose(Matrix.wrap(N, CLASSES, prob), all.probabilities, 1e-12, "probabilities");
        // labels alone score each block in a scratch block: the same labels
        NaiveBayesPredictionResult labels = multinomialNaiveBayesPrediction(CLASSES).compute(x, m);
        assertClose(all.prediction, labels.prediction, 0, "labels alone");
        assertNull(labels.probabilities);
        NaiveBayesPredictionResult probs = multinomialNaiveBayesPrediction(CLASSES)
                .resultsToEvaluate("computeClassProbabilities").compute(x, m);
        assertClose(all.probabilities, probs.probabilities, 0, "probabilities alone");
        assertNull(probs.logProbabilities);
    }

    static String error(double[][] x, MultinomialNaiveBayesModel m) {
        return assertThrows(IllegalArgumentException.class, () -> multinomialNaiveBayesPrediction(CLASSES)
                .compute(x, m)).getMessage();
    }

    @Test
    void aNonFiniteValueAnywhereIsReportedBeforeANegativeCount() {
        MultinomialNaiveBayesModel m = model();
        double[][] x = counts(2);
        x[1500][3] = -1;
        assertEquals("data: -1.0 at row 1500, column 3 (counts must be non-negative)", error(x, m));
        x[1900][4] = Double.NaN;
        assertEquals("data: NaN at row 1900, column 4 (values must be finite)", error(x, m));
        x[1900][4] = Double.POSITIVE_INFINITY;
        assertEquals("data: Infinity at row 1900, column 4 (values must be finite)", error(x, m));
        double[][] narrow = new double[N][49];
        narrow[2000][0] = Double.NaN;
        assertEquals("data: NaN at row 2000, column 0 (values must be finite)", error(narrow, m));
        narrow[2000][0] = -1;
        assertEquals("data has 49 features, the model 50", error(narrow, m));
    }

    @Test
    void negativeZeroIsACountOfZero() {
        MultinomialNaiveBayesModel m = model();
        double[][] zero = counts(3);
        zero[1000][7] = 0.0;
        double[][] signed = counts(3);
        signed[1000][7] = -0.0;
        assertEquals(multinomialNaiveBayesPrediction(CLASSES).resultsToEvaluate(ALL).compute(zero, m).logProbabilities,
                multinomialNaiveBayesPrediction(CLASSES).resultsToEvaluate(ALL).compute(signed, m).logProbabilities);
    }
}
