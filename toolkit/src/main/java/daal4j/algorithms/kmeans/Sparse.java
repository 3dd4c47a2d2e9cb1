package daal4j.algorithms.kmeans;

import daal4j.data.CsrMatrix;
import daal4j.data.Inputs;
import java.nio.file.Path;

/** Which input a method takes: a CSR method a CsrMatrix (or a CSR file), a dense method anything else. */
final class Sparse {

    private Sparse() {
    }

    /** Whether {@code method} is one of daal4py's CSR methods. */
    static boolean method(String method) {
        return method.endsWith("CSR");
    }

    /**
     * The CSR rows of {@code data} for a CSR method (a CsrMatrix, or a CSR file path); any
     * other input is an error naming the dense method to use instead.
     */
    static CsrMatrix rows(Object data, String family, String method, String denseMethod) {
        if (data instanceof CsrMatrix || data instanceof String || data instanceof Path) {
            return Inputs.csr(data, "data");
        }
        throw new IllegalArgumentException(family + " method '" + method + "' takes a CsrMatrix or a CSR file, not "
                + (data == null ? "null" : data.getClass().getSimpleName()) + "; for dense data use method \""
                + denseMethod + "\"");
    }

    /** {@code data} for a dense method; a CsrMatrix is an error naming the CSR method to use instead. */
    static Object dense(Object data, String family, String method, String csrMethod) {
        if (data instanceof CsrMatrix) {
            throw new IllegalArgumentException(family + " method '" + method + "' takes dense data, not a CsrMatrix;"
                    + " for CSR data use method \"" + csrMethod + "\"");
        }
        return data;
    }
}
