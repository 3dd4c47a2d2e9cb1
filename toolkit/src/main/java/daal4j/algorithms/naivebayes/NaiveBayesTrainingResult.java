package daal4j.algorithms.naivebayes;

import daal4j.algorithms.Result;

/** Result of multinomial naive Bayes training: the trained model. */
public final class NaiveBayesTrainingResult extends Result {

    /** The trained model. */
    public final MultinomialNaiveBayesModel model;

    NaiveBayesTrainingResult(MultinomialNaiveBayesModel model) {
        this.model = model;
    }
}
