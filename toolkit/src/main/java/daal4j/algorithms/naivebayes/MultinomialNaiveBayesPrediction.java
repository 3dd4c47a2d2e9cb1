package daal4j.algorithms.naivebayes;

import daal4j.algorithms.LocalRows;
import daal4j.data.CsrMatrix;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import daal4j.linalg.Kernels;
import daal4j.linalg.Products;
import daal4j.linalg.RowBlocks;
import java.util.List;

/**
 * Multinomial naive Bayes prediction (daal4py's {@code multinomial_naive_bayes_prediction})
 * on local rows: class scores x LogTheta' + LogP', then labels and/or (log) probabilities.
 */
public final class MultinomialNaiveBayesPrediction {

    private static final List<String> RESULTS = List.of("computeClassLabels", "computeClassProbabilities",
            "computeClassLogProbabilities");

    private final int nClasses;
    private String method = "defaultDense";
    private boolean labels = true;
    private boolean probabilities;
    private boolean logProbabilities;

    /** Prediction for a model of {@code nClasses} classes. */
    public MultinomialNaiveBayesPrediction(int nClasses) {
        if (nClasses < 1) {
            throw new IllegalArgumentException("multinomial_naive_bayes_prediction: nClasses must be >= 1, got "
                    + nClasses);
        }
        this.nClasses = nClasses;
    }

    /** Method: defaultDense, or fastCSR for CSR data (as daal4py). */
    public MultinomialNaiveBayesPrediction method(String name) {
        if (!name.equals("defaultDense") && !name.equals("fastCSR")) {
            throw new IllegalArgumentException("multinomial_naive_bayes_prediction: unknown method '" + name
                    + "'; use defaultDense or fastCSR");
        }
        method = name;
        return this;
    }

    /** The method in use. */
    public String method() {
        return method;
    }

    /**
     * What to compute, '|'-separated: computeClassLabels (default), computeClassProbabilities,
     * computeClassLogProbabilities.
     */
    public MultinomialNaiveBayesPrediction resultsToEvaluate(String which) {
        boolean l = false;
        boolean p = false;
        boolean lp = false;
        for (String part : which.split("\\|")) {
            switch (part.trim()) {
                case "computeClassLabels" -> l = true;
                case "computeClassProbabilities" -> p = true;
                case "computeClassLogProbabilities" -> lp = true;
                default -> throw new IllegalArgumentException("resultsToEvaluate: unknown '" + part + "'; use "
                        + String.join("|", RESULTS));
            }
        }
        labels = l;
        probabilities = p;
        logProbabilities = lp;
        return this;
    }

    /** What is computed, '|'-separated as {@link #resultsToEvaluate(String)} takes it. */
    public String resultsToEvaluate() {
        List<String> on = new java.util.ArrayList<>();
        if (labels) {
            on.add("computeClassLabels");
        }
        if (probabilities) {
            on.add("computeClassProbabilities");
        }
        if (logProbabilities) {
            on.add("computeClassLogProbabilities");
        }
        return String.join("|", on);
    }

    /** The number of classes the model must have. */
    public int nClasses() {
        return nClasses;
    }

    /** The classes of {@code data} (non-negative counts; a Matrix, double[][], Table or CSV path). */
    public NaiveBayesPredictionResult compute(Object data, MultinomialNaiveBayesModel model) {
        if (model == null) {
            throw new IllegalArgumentException("multinomial_naive_bayes_prediction: model is missing (null)");
        }
        if (model.nClasses() != nClasses) {
            throw new IllegalArgumentException("multinomial_naive_bayes_prediction: nClasses is " + nClasses
                    + ", the model has " + model.nClasses());
        }
        String algo = "multinomial_naive_bayes_prediction";
        if (method.equals("fastCSR")) {
            // a CSR file does not say its width: the model does
            CsrMatrix x = LocalRows.csr(data, "data", algo, method, "defaultDense", (int) model.NFeatures);
            if (x.cols() != model.NFeatures) {
                throw new IllegalArgumentException("data has " + x.cols() + " features, the model " + model.NFeatures);
            }
            ClassScores out = new ClassScores(model, x.rows(), labels, probabilities, logProbabilities);
            out.score(sparseScores(x, model), 0, 0, x.rows());
            return out.result(logProbabilities);
        }
        LocalRows.requireDense(data, algo, method, "fastCSR");
        Matrix x = LocalRows.of(data, "data", true);
        if (x.cols() != model.NFeatures) {
            Inputs.requireFinite(x, "data"); // a bad value is reported before the width, as always
            throw new IllegalArgumentException("data has " + x.cols() + " features, the model " + model.NFeatures);
        }
        return denseScores(x, model);
    }

    /**
     * Checks, multiplies by LogTheta' and scores block by block, each block while it is in
     * cache: the counts are read from memory once and the likelihoods of a block are scored
     * before the next block's are written.
     */
    private NaiveBayesPredictionResult denseScores(Matrix x, MultinomialNaiveBayesModel model) {
        int n = x.rows();
        int p = x.cols();
        double[] v = x.rowMajorView();
        double[] logTheta = model.LogTheta.rowMajorView();
        if (labels && !probabilities && !logProbabilities) {
            // the native library runs this same loop in C (Python calls it on numpy's memory too)
            double[] label = new double[n];
            if (Kernels.naiveBayesLabels(v, 0, n, p, logTheta, model.LogP.toRowMajor(), nClasses, RowBlocks.rows(p),
                    label)) {
                return new NaiveBayesPredictionResult(Matrix.wrap(n, 1, label), null, null);
            }
        }
        ClassScores out = new ClassScores(model, n, labels, probabilities, logProbabilities);
        int step = RowBlocks.rows(p);
        // the likelihoods go straight into the log probabilities when those are asked for,
        // else into one block's scratch
        double[] all = out.logProbabilityStorage();
        double[] jll = all != null ? all : new double[Math.min(n, step) * nClasses];
        for (int from = 0; from < n; from += step) {
            int to = Math.min(n, from + step);
            if (!validCounts(v, from * p, to * p)) {
                reportBadCount(x);
            }
            // joint log likelihood: counts times log feature probabilities, plus log priors
            int at = all != null ? from * nClasses : 0;
            Products.multiplyTransposedRows(v, p, from, to, logTheta, nClasses, jll, at);
            out.score(jll, at, from, to);
        }
        return out.result(logProbabilities);
    }

    /** Whether values [from, to) are all finite and non-negative: one test per value. */
    private static boolean validCounts(double[] v, int from, int to) {
        for (int k = from; k < to; k++) {
            // true for NaN, negatives and both infinities; an early exit measured 2x faster than
            // and-ing a flag over the block (~0.3 ns a value, in cache)
            if (!(v[k] >= 0) || v[k] == Double.POSITIVE_INFINITY) {
                return false;
            }
        }
        return true;
    }

    /**
     * Throws the error for the first bad value of {@code x}: the first NaN or infinite value
     * anywhere if there is one, else the first negative count.
     */
    private static void reportBadCount(Matrix x) {
        Inputs.requireFinite(x, "data");
        double[] v = x.rowMajorView();
        for (int k = 0; k < v.length; k++) {
            if (v[k] < 0) {
                throw new IllegalArgumentException("data: " + v[k] + " at row " + k / x.cols() + ", column "
                        + k % x.cols() + " (counts must be non-negative)");
            }
        }
        throw new IllegalStateException("data: a bad count was seen but not found again");
    }

    /** x LogTheta' over the stored counts only (n x nClasses, row-major): O(nnz * nClasses). */
    private double[] sparseScores(CsrMatrix x, MultinomialNaiveBayesModel model) {
        int n = x.rows();
        int p = x.cols();
        int[] off = x.rowOffsetsView();
        int[] idx = x.columnIndicesView();
        double[] v = x.valuesView();
        double[] logTheta = model.LogTheta.rowMajorView();
        double[] jll = new double[n * nClasses];
        for (int i = 0; i < n; i++) {
            int o = i * nClasses;
            for (int k = off[i]; k < off[i + 1]; k++) {
                double c = v[k];
                if (!(c >= 0) || c == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("data: " + c + " at row " + i + ", column " + idx[k]
                            + " (counts must be non-negative and finite)");
                }
                int j = idx[k];
                for (int cl = 0; cl < nClasses; cl++) {
                    jll[o + cl] += c * logTheta[cl * p + j];
                }
            }
        }
        return jll;
    }
}
