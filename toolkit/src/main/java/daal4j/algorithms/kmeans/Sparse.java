package daal4j.algorithms.kmeans;

import daal4j.algorithms.LocalRows;
import daal4j.data.CsrMatrix;

/** Which input a method takes: a CSR method a CsrMatrix (or a CSR file), a dense method anything else. */
final class Sparse {

    private Sparse() {
    }

    /** Whether {@code method} is one of daal4py's CSR methods. */
    static boolean method(String method) {
        return method.endsWith("CSR");
    }

    /**
     * The CSR rows of {@code data} for a CSR method (a CsrMatrix, or a CSR file path, read as
     * {@code cols} wide when {@code cols > 0}); any other input is an error naming the dense
     * method to use instead (the toolkit's one rule, {@link LocalRows#csr}).
     */
    static CsrMatrix rows(Object data, String family, String method, String denseMethod, int cols) {
        return LocalRows.csr(data, "data", family, method, denseMethod, cols);
    }

    /** {@code data} for a dense method; a CsrMatrix is an error naming the CSR method to use instead. */
    static Object dense(Object data, String family, String method, String csrMethod) {
        LocalRows.requireDense(data, family, method, csrMethod);
        return data;
    }
}
