package daal4j.algorithms.qr;

import daal4j.algorithms.Result;
import daal4j.data.Matrix;

/** Result of {@link Qr}, named as daal4py's. */
public final class QrResult extends Result {

    /** Q for this rank's rows (local rows x p), orthonormal columns over all ranks. */
    public final Matrix matrixQ;
    /** R, p x p upper triangular with non-negative diagonal; the same on every rank. */
    public final Matrix matrixR;

    QrResult(Matrix matrixQ, Matrix matrixR) {
        this.matrixQ = matrixQ;
        this.matrixR = matrixR;
    }
}
