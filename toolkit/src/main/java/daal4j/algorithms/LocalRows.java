package daal4j.algorithms;

import daal4j.data.CsrMatrix;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import daal4j.spmd.Communicator;
import daal4j.spmd.Spmd;
import java.nio.file.Path;

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

    /**
     * This rank's rows for a CSR method: a {@link CsrMatrix} or a CSR file (of {@code cols}
     * columns when {@code cols > 0}, else as wide as its largest column index); dense data is
     * an error naming the dense method to use instead.
     */
    public static CsrMatrix csr(Object data, String what, String algorithm, String method, String denseMethod,
                                int cols) {
        if (data instanceof CsrMatrix c) {
            return c;
        }
        if (Inputs.isSplit(data)) {
            throw new IllegalArgumentException(algorithm + ": method " + method + " reads whole CSR files, not a file"
                    + " split across ranks (Inputs.rowsOf); give each rank its own CSR file");
        }
        if (data instanceof String || data instanceof Path) {
            return cols > 0 ? CsrMatrix.read(data instanceof String s ? Path.of(s) : (Path) data, cols)
                    : Inputs.csr(data, what);
        }
        throw new IllegalArgumentException(algorithm + ": method " + method + " takes CSR data (a CsrMatrix or a"
                + " CSR file), not " + (data == null ? "null" : data.getClass().getSimpleName())
                + "; for dense data use method " + denseMethod);
    }

    /** Rejects CSR data given to a dense method, naming the CSR method to use instead. */
    public static void requireDense(Object data, String algorithm, String method, String csrMethod) {
        if (data instanceof CsrMatrix) {
            throw new IllegalArgumentException(algorithm + ": method " + method + " takes dense data, not a"
                    + " CsrMatrix; for CSR data use method " + csrMethod);
        }
    }
}
