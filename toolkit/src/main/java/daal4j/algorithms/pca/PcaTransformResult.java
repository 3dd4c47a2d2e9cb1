package daal4j.algorithms.pca;

import daal4j.algorithms.Result;
import daal4j.data.Matrix;

/** Result of {@link PcaTransform}, named as daal4py's. */
public final class PcaTransformResult extends Result {

    /** The transformed rows, rows x nComponents. */
    public final Matrix transformedData;

    PcaTransformResult(Matrix transformedData) {
        this.transformedData = transformedData;
    }
}
