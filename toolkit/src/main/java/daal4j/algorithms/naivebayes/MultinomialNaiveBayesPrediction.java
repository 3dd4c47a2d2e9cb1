package daal4j.algorithms.naivebayes;

import daal4j.algorithms.LocalRows;
import daal4j.data.CsrMatrix;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import daal4j.linalg.Products;
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
            return scores(sparseScores(x, model), x.rows(), model);
        }
        LocalRows.requireDense(data, algo, method, "fastCSR");
        Matrix x = Inputs.requireFinite(LocalRows.of(data, "data", true), "data");
        if (x.cols() != model.NFeatures) {
            throw new IllegalArgumentException("data has " + x.cols() + " features, the model " + model.NFeatures);
        }
        double[] v = x.rowMajorView();
        for (int k = 0; k < v.length; k++) {
            if (v[k] < 0) {
                throw new IllegalArgumentException("data: " + v[k] + " at row " + k / x.cols() + ", column "
                        + k % x.cols() + " (counts must be non-negative)");
            }
        }
        // joint log likelihood: counts times log feature probabilities, plus log priors
        return scores(Products.multiplyTransposed(x, model.LogTheta).toRowMajor(), x.rows(), model);
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

    /** Labels and (log) probabilities from the joint log likelihoods without the priors, in place. */
    private NaiveBayesPredictionResult scores(double[] jll, int n, MultinomialNaiveBayesModel model) {
        double[] label = labels ? new double[n] : null;
        double[] logProb = probabilities || logProbabilities ? new double[n * nClasses] : null;
        for (int i = 0; i < n; i++) {
            int o = i * nClasses;
            int best = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < nClasses; c++) {
                jll[o + c] += model.LogP.get(c, 0);
                if (jll[o + c] > max) {
                    max = jll[o + c];
                    best = c;
                }
            }
            if (label != null) {
                label[i] = best;
            }
            if (logProb != null) {
                // log-sum-exp around the largest score: no overflow, no underflow to log(0)
                double s = 0;
                for (int c = 0; c < nClasses; c++) {
                    s += Math.exp(jll[o + c] - max);
                }
                double norm = max + Math.log(s);
                for (int c = 0; c < nClasses; c++) {
                    logProb[o + c] = jll[o + c] - norm;
                }
            }
        }
        double[] prob = null;
        if (probabilities) {
            prob = new double[n * nClasses];
            for (int k = 0; k < prob.length; k++) {
                prob[k] = Math.exp(logProb[k]);
            }
        }
        return new NaiveBayesPredictionResult(label == null ? null : Matrix.wrap(n, 1, label),
                prob == null ? null : Matrix.wrap(n, nClasses, prob),
                logProbabilities ? Matrix.wrap(n, nClasses, logProb) : null);
    }
}
