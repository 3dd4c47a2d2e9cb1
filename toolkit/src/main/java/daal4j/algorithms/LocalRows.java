package daal4j.algorithms;

import daal4j.data.Inputs;
import daal4j.data.Matrix;
import daal4j.spmd.Communicator;
import daal4j.spmd.Spmd;

/**
 * Where an algorithm's input becomes this rank's rows. It lives here, not in data, because
 * only this layer knows the ranks: a file split across ranks ({@link Inputs#rowsOf}) is read
 * as this rank's part of it.
 */
public final class LocalRows {

    private LocalRows() {
    }

    /**
     * This rank's rows of {@code data}: of a split file, part rank of size when
     * {@code distributed} (the whole file otherwise); any other input as it is.
     */
    public static Matrix of(Object data, String what, boolean distributed) {
        if (distributed && Inputs.isSplit(data)) {
            // outside an SPMD run this is the single engine: part 0 of 1, the whole file
            Communicator comm = Spmd.current();
            return Inputs.matrix(data, what, comm.rank(), comm.size());
        }
        return Inputs.matrix(data, what);
    }
}
