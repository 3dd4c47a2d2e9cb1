package daal4j.algorithms.naivebayes;

import daal4j.algorithms.Result;
import daal4j.data.Matrix;

/** Result of multinomial naive Bayes prediction; results not asked for are null. */
public final class NaiveBayesPredictionResult extends Result {

    /** Most likely class of each row, n x 1. */
    public final Matrix prediction;
    /** Probability of each class for each row, n x nClasses. */
    public final Matrix probabilities;
    /** Natural log of {@link #probabilities}, n x nClasses. */
    public final Matrix logProbabilities;

    NaiveBayesPredictionResult(Matrix prediction, Matrix probabilities, Matrix logProbabilities) {
        this.prediction = prediction;
        this.probabilities = probabilities;
        this.logProbabilities = logProbabilities;
    }
}
