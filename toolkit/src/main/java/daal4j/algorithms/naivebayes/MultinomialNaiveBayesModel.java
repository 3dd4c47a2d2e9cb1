package daal4j.algorithms.naivebayes;

import daal4j.algorithms.Result;
import daal4j.data.Matrix;

/**
 * A multinomial naive Bayes model, with daal4py's attribute names. Immutable.
 */
public final class MultinomialNaiveBayesModel extends Result {

    /** Log prior probability of each class, nClasses x 1. */
    public final Matrix LogP;
    /** Log probability of each feature within each class, nClasses x p. */
    public final Matrix LogTheta;
    /** LogTheta plus each class's LogP (what prediction multiplies by), nClasses x p, as daal4py. */
    public final Matrix AuxTable;
    /** Number of features. */
    public final long NFeatures;
    /** Number of features (daal4py exposes both names). */
    public final long NumberOfFeatures;

    /** A model from its log priors (nClasses x 1) and log feature probabilities (nClasses x p). */
    public MultinomialNaiveBayesModel(Matrix logP, Matrix logTheta) {
        this(logP, logTheta, auxTable(logP, logTheta), logTheta.cols(), logTheta.cols());
    }

    /** The canonical constructor: the fields in order. */
    MultinomialNaiveBayesModel(Matrix LogP, Matrix LogTheta, Matrix AuxTable, long NFeatures, long NumberOfFeatures) {
        if (LogP.cols() != 1 || LogP.rows() != LogTheta.rows() || AuxTable.rows() != LogTheta.rows()
                || AuxTable.cols() != LogTheta.cols()) {
            throw new IllegalArgumentException("LogP must be nClasses x 1 and AuxTable nClasses x p for LogTheta's "
                    + LogTheta.rows() + " x " + LogTheta.cols());
        }
        if (NFeatures != LogTheta.cols() || NumberOfFeatures != LogTheta.cols()) {
            throw new IllegalArgumentException("NFeatures and NumberOfFeatures must be LogTheta's " + LogTheta.cols()
                    + " columns");
        }
        this.LogP = LogP;
        this.LogTheta = LogTheta;
        this.AuxTable = AuxTable;
        this.NFeatures = NFeatures;
        this.NumberOfFeatures = NumberOfFeatures;
    }

    /** LogTheta plus each class's LogP. */
    private static Matrix auxTable(Matrix logP, Matrix logTheta) {
        if (logP.cols() != 1 || logP.rows() != logTheta.rows()) {
            throw new IllegalArgumentException("LogP must be nClasses x 1 for LogTheta's " + logTheta.rows()
                    + " classes, got " + logP.rows() + " x " + logP.cols());
        }
        int k = logTheta.rows();
        int p = logTheta.cols();
        double[] aux = logTheta.toRowMajor();
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < p; j++) {
                aux[c * p + j] += logP.get(c, 0);
            }
        }
        return Matrix.wrap(k, p, aux);
    }

    /** Number of classes. */
    public int nClasses() {
        return LogTheta.rows();
    }
}
