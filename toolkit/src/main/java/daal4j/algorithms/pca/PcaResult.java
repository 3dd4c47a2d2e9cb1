package daal4j.algorithms.pca;

import daal4j.algorithms.Result;
import daal4j.data.Matrix;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Result of {@link Pca}, named as daal4py's; the same on every rank. */
public final class PcaResult extends Result {

    /** 1 x k, descending (svdDense: singular values of the normalized data, as daal4py). */
    public final Matrix eigenvalues;
    /** k x p: row i is the i-th principal direction. */
    public final Matrix eigenvectors;
    /** 1 x p column means, or null unless resultsToCompute has mean. */
    public final Matrix means;
    /** 1 x p column variances (over n - 1), or null unless resultsToCompute has variance. */
    public final Matrix variances;
    /**
     * What {@link PcaTransform} needs, as daal4py's dict: keys "mean", "variance" and
     * "eigenvalue", each null unless asked for in resultsToCompute.
     */
    public final Map<String, Matrix> dataForTransform;

    PcaResult(Matrix eigenvalues, Matrix eigenvectors, Matrix means, Matrix variances, boolean withEigenvalues) {
        this(eigenvalues, eigenvectors, means, variances, dataForTransform(means, variances,
                withEigenvalues ? eigenvalues : null));
    }

    /** The canonical constructor: the fields in order. */
    PcaResult(Matrix eigenvalues, Matrix eigenvectors, Matrix means, Matrix variances,
            Map<String, Matrix> dataForTransform) {
        this.eigenvalues = eigenvalues;
        this.eigenvectors = eigenvectors;
        this.means = means;
        this.variances = variances;
        this.dataForTransform = Collections.unmodifiableMap(new LinkedHashMap<>(dataForTransform));
    }

    private static Map<String, Matrix> dataForTransform(Matrix mean, Matrix variance, Matrix eigenvalue) {
        Map<String, Matrix> d = new LinkedHashMap<>();
        d.put("mean", mean);
        d.put("variance", variance);
        d.put("eigenvalue", eigenvalue);
        return d;
    }
}
