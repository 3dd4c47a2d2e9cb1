package daal4j.algorithms.regression;

import daal4j.algorithms.Result;

/** Result of linear or ridge regression training: the trained model. */
public final class TrainingResult extends Result {

    /** The trained model. */
    public final LinearModel model;

    TrainingResult(LinearModel model) {
        this.model = model;
    }
}
