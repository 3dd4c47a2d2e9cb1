package daal4j.algorithms.naivebayes;

import daal4j.data.Matrix;

/**
 * Turns joint log likelihoods without the priors into labels and (log) probabilities, a range
 * of rows at a time, so that a prediction can score each block while it is in cache.
 */
final class ClassScores {

    private final int n;
    private final int nClasses;
    private final double[] logPrior;
    private final double[] label;
    private final double[] logProb;
    private final double[] prob;

    /** Room for the results asked for, for n rows. */
    ClassScores(MultinomialNaiveBayesModel model, int n, boolean labels, boolean probabilities,
                boolean logProbabilities) {
        this.n = n;
        nClasses = (int) model.nClasses();
        logPrior = model.LogP.toRowMajor();
        label = labels ? new double[n] : null;
        logProb = probabilities || logProbabilities ? new double[n * nClasses] : null;
        prob = probabilities ? new double[n * nClasses] : null;
    }

    /**
     * Where the likelihoods of all n rows can be written so that {@link #score} turns them into
     * the log probabilities in place (row i at i * nClasses), or null when they are not asked for.
     */
    double[] logProbabilityStorage() {
        return logProb;
    }

    /**
     * Scores rows [from, to), whose likelihoods start at {@code jll[at]} (nClasses a row); adds
     * the priors to them in place.
     */
    void score(double[] jll, int at, int from, int to) {
        for (int i = from; i < to; i++) {
            int o = at + (i - from) * nClasses;
            int best = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < nClasses; c++) {
                jll[o + c] += logPrior[c];
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
                int r = i * nClasses;
                for (int c = 0; c < nClasses; c++) {
                    logProb[r + c] = jll[o + c] - norm;
                }
                if (prob != null) {
                    for (int c = 0; c < nClasses; c++) {
                        prob[r + c] = Math.exp(logProb[r + c]);
                    }
                }
            }
        }
    }

    /** The result, once every row has been scored. */
    NaiveBayesPredictionResult result(boolean logProbabilities) {
        return new NaiveBayesPredictionResult(label == null ? null : Matrix.wrap(n, 1, label),
                prob == null ? null : Matrix.wrap(n, nClasses, prob),
                logProbabilities ? Matrix.wrap(n, nClasses, logProb) : null);
    }
}
