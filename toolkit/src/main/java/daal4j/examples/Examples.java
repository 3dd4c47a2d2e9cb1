package daal4j.examples;

import daal4j.data.CsrMatrix;
import daal4j.data.Matrix;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the examples share: where daal4py's example data is, and this rank's slice of a file. */
public final class Examples {

    /** System property naming the folder of daal4py's example data. */
    public static final String DATA_PROPERTY = "daal4j.data";

    private Examples() {
    }

    /** A path inside daal4py's example data, e.g. {@code data("distributed/qr_{}.csv")}. */
    public static String data(String relative) {
        return dataDir().resolve(relative).toString();
    }

    /** Rows [rank * n / size, (rank + 1) * n / size) of m: this rank's share of one file. */
    public static Matrix slice(Matrix m, int rank, int size) {
        int n = m.rows();
        return m.rowRange((int) ((long) rank * n / size), (int) ((long) (rank + 1) * n / size));
    }

    /** Rows [rank * n / size, (rank + 1) * n / size) of a CSR matrix: this rank's share of one file. */
    public static CsrMatrix slice(CsrMatrix m, int rank, int size) {
        int n = m.rows();
        return m.rowRange((int) ((long) rank * n / size), (int) ((long) (rank + 1) * n / size));
    }

    private static Path dataDir() {
        String prop = System.getProperty(DATA_PROPERTY);
        if (prop != null) {
            return Path.of(prop);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("data/daal4py-examples");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find data/daal4py-examples above " + Path.of("").toAbsolutePath()
                + "; set -D" + DATA_PROPERTY + "=<folder>");
    }
}
