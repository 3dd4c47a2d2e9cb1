package daal4j.algorithms.naivebayes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import daal4j.data.Matrix;
import daal4j.linalg.Kernels;
import daal4j.linalg.Linalg;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The native class sums and labels (which Python also calls) against their Java twins, bit for bit. */
class NaiveBayesKernelsTest {

    @Test
    void theNativeClassSumsAndLabelsEqualTheJavaOnes() {
        assumeTrue(Kernels.isNative() && Linalg.isNative(), Linalg.describe());
        Random r = new Random(51);
        for (int p : new int[] {1, 7, 50}) {
            for (int k : new int[] {1, 3, 4, 5, 20}) {
                for (int n : new int[] {1, 999, 5000}) {
                    Matrix x = counts(r, n, p);
                    double[] lab = new double[n];
                    for (int i = 0; i < n; i++) {
                        lab[i] = r.nextInt(k);
                    }
                    Matrix labels = Matrix.wrap(n, 1, lab);
                    String where = p + " features, " + k + " classes, " + n + " rows";
                    for (int block : new int[] {ClassSums.BLOCK_ROWS, 17}) {
                        double[] nat = new double[k * p];
                        assertTrue(Kernels.classSums(x.rowMajorView(), lab, n, p, k, block, nat), where);
                        assertArrayEquals(bits(ClassSums.ofInJava(x, labels, k, block).sums), bits(nat), where);
                    }
                    var model = new MultinomialNaiveBayesTraining(k).compute(x, labels).model;
                    var javaPath = new MultinomialNaiveBayesPrediction(k)
                            .resultsToEvaluate("computeClassLabels|computeClassProbabilities").compute(x, model);
                    var nativePath = new MultinomialNaiveBayesPrediction(k).compute(x, model);
                    assertArrayEquals(bits(javaPath.prediction.toRowMajor()), bits(nativePath.prediction.toRowMajor()),
                            "labels, " + where);
                }
            }
        }
    }

    @Test
    void aBadLabelOrCountLeavesTheJavaLoopToNameIt() {
        assumeTrue(Kernels.isNative() && Linalg.isNative(), Linalg.describe());
        Matrix x = counts(new Random(2), 3000, 3);
        double[] lab = new double[3000];
        lab[2222] = 1.5;
        assertFalse(Kernels.classSums(x.rowMajorView(), lab, 3000, 3, 2, 100, new double[6]));
        String e = assertThrows(IllegalArgumentException.class,
                () -> new MultinomialNaiveBayesTraining(2).compute(x, Matrix.wrap(3000, 1, lab))).getMessage();
        assertTrue(e.contains("labels: 1.5 at row 2222"), e);
        double[] v = x.toRowMajor();
        v[3 * 2900 + 2] = -1;
        assertFalse(Kernels.naiveBayesLabels(v, 0, 3000, 3, new double[6], new double[2], 2, 100, new double[3000]));
        var model = new MultinomialNaiveBayesTraining(2).compute(x, Matrix.wrap(3000, 1, new double[3000])).model;
        String m = assertThrows(IllegalArgumentException.class,
                () -> new MultinomialNaiveBayesPrediction(2).compute(Matrix.wrap(3000, 3, v), model)).getMessage();
        assertTrue(m.contains("-1.0 at row 2900, column 2"), m);
    }

    private static Matrix counts(Random r, int n, int p) {
        double[] v = new double[n * p];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(6);
        }
        return Matrix.wrap(n, p, v);
    }

    private static long[] bits(double[] v) {
        return Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
