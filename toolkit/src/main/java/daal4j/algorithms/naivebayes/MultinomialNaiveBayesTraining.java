package daal4j.algorithms.naivebayes;

import daal4j.algorithms.Algorithm;
import daal4j.algorithms.LocalRows;
import daal4j.algorithms.Summary;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import java.util.Arrays;

/**
 * Multinomial naive Bayes training (daal4py's {@code multinomial_naive_bayes_training}):
 * per-class feature counts with {@code alpha} imagined occurrences of each feature, and the
 * class priors, in batch, streaming or distributed mode.
 */
public final class MultinomialNaiveBayesTraining
        extends Algorithm<MultinomialNaiveBayesTraining, ClassSums, NaiveBayesTrainingResult> {

    private final int nClasses;
    private String method = "defaultDense";
    private double[] alpha = {1.0};
    private double[] priorClassEstimates;

    /** Training for labels 0..nClasses-1. */
    public MultinomialNaiveBayesTraining(int nClasses) {
        if (nClasses < 1) {
            throw new IllegalArgumentException("multinomial_naive_bayes_training: nClasses must be >= 1, got " + nClasses);
        }
        this.nClasses = nClasses;
    }

    /** Method: defaultDense, or fastCSR for CSR data (as daal4py). */
    public MultinomialNaiveBayesTraining method(String name) {
        if (!name.equals("defaultDense") && !name.equals("fastCSR")) {
            throw new IllegalArgumentException("multinomial_naive_bayes_training: unknown method '" + name
                    + "'; use defaultDense or fastCSR");
        }
        method = name;
        return this;
    }

    /** The method in use. */
    public String method() {
        return method;
    }

    /** Imagined occurrences: one value for every feature, or one per feature (default 1). */
    public MultinomialNaiveBayesTraining alpha(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("alpha: give one value, or one per feature");
        }
        for (double v : values) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("alpha: " + v + " (each must be finite and > 0)");
            }
        }
        alpha = values.clone();
        return this;
    }

    /** Imagined occurrences as a 1 x p matrix, as daal4py takes them. */
    public MultinomialNaiveBayesTraining alpha(Matrix values) {
        return alpha(values.toRowMajor());
    }

    /** Prior class probabilities, one per class (default: 1 / nClasses each). */
    public MultinomialNaiveBayesTraining priorClassEstimates(double... priors) {
        if (priors.length != nClasses) {
            throw new IllegalArgumentException("priorClassEstimates: " + priors.length + " values for " + nClasses
                    + " classes");
        }
        for (double v : priors) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("priorClassEstimates: " + v + " (each must be finite and > 0)");
            }
        }
        priorClassEstimates = priors.clone();
        return this;
    }

    /** Prior class probabilities as an nClasses x 1 (or 1 x nClasses) matrix, as daal4py takes them. */
    public MultinomialNaiveBayesTraining priorClassEstimates(Matrix priors) {
        return priorClassEstimates(priors.toRowMajor());
    }

    /** Number of classes. */
    public int nClasses() {
        return nClasses;
    }

    /**
     * Trains on {@code data} (n x p non-negative counts) and {@code labels} (n x 1 integers
     * 0..nClasses-1), each a Matrix, double[][], double[]/int[] (labels), Table or CSV path;
     * with method fastCSR the data is a CsrMatrix or CSR file path.
     */
    public NaiveBayesTrainingResult compute(Object data, Object labels) {
        if (method.equals("fastCSR")) {
            return run(() -> ClassSums.of(LocalRows.csr(data, "data", "multinomial_naive_bayes_training", method,
                    "defaultDense", 0), input(labels, "labels"), nClasses));
        }
        LocalRows.requireDense(data, "multinomial_naive_bayes_training", method, "fastCSR");
        return run(() -> ClassSums.of(input(data, "data"), input(labels, "labels"), nClasses));
    }

    @Override
    protected Summary.Decoder<ClassSums> decoder() {
        return ClassSums::decode;
    }

    @Override
    protected NaiveBayesTrainingResult finish(ClassSums all) {
        if (all.n == 0) {
            throw new IllegalArgumentException("multinomial_naive_bayes_training: no rows on any rank");
        }
        int p = all.p;
        double[] a = alpha;
        if (a.length == 1) {
            a = new double[p];
            Arrays.fill(a, alpha[0]);
        } else if (a.length != p) {
            throw new IllegalArgumentException("multinomial_naive_bayes_training: " + a.length + " alpha values for "
                    + p + " features; give one, or one per feature");
        }
        double alphaSum = 0;
        for (double v : a) {
            alphaSum += v;
        }
        double[] logTheta = new double[nClasses * p];
        for (int c = 0; c < nClasses; c++) {
            double total = alphaSum;
            for (int j = 0; j < p; j++) {
                total += all.sums[c * p + j];
            }
            double logTotal = Math.log(total);
            for (int j = 0; j < p; j++) {
                logTheta[c * p + j] = Math.log(all.sums[c * p + j] + a[j]) - logTotal;
            }
        }
        double[] logP = new double[nClasses];
        for (int c = 0; c < nClasses; c++) {
            logP[c] = priorClassEstimates == null ? -Math.log(nClasses) : Math.log(priorClassEstimates[c]);
        }
        return new NaiveBayesTrainingResult(new MultinomialNaiveBayesModel(Matrix.wrap(nClasses, 1, logP),
                Matrix.wrap(nClasses, p, logTheta)));
    }
}
