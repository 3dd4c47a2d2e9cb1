package daal4j.algorithms.svd;

import daal4j.algorithms.Result;
import daal4j.data.Matrix;

/** Result of {@link Svd}, named as daal4py's. */
public final class SvdResult extends Result {

    /** Singular values, descending, 1 x p; the same on every rank. */
    public final Matrix singularValues;
    /** V', p x p: row k is the k-th right singular vector; null when notRequired. */
    public final Matrix rightSingularMatrix;
    /** U for this rank's rows (local rows x p); null when notRequired. */
    public final Matrix leftSingularMatrix;

    SvdResult(Matrix singularValues, Matrix rightSingularMatrix, Matrix leftSingularMatrix) {
        this.singularValues = singularValues;
        this.rightSingularMatrix = rightSingularMatrix;
        this.leftSingularMatrix = leftSingularMatrix;
    }
}
