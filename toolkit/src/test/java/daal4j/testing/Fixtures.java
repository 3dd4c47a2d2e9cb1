package daal4j.testing;

import daal4j.data.Csv;
import daal4j.data.Matrix;
import java.nio.file.Path;

/** Reference values written by the Python scripts under toolkit/src/test/python. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A fixture file, e.g. {@code read("moments", "near1e15.variance")}. */
    public static Matrix read(String family, String name) {
        return Csv.read(path(family, name));
    }

    /** The path of a fixture file. */
    public static Path path(String family, String name) {
        return TestData.repo().resolve("toolkit/src/test/resources/fixtures").resolve(family).resolve(name + ".csv");
    }

    /** Asserts equal shapes and |a - b| <= tol * max(1, |b|) everywhere. */
    public static void assertClose(Matrix expected, Matrix actual, double tol, String what) {
        if (expected.rows() != actual.rows() || expected.cols() != actual.cols()) {
            throw new AssertionError(what + ": shape " + actual.rows() + " x " + actual.cols() + ", expected "
                    + expected.rows() + " x " + expected.cols());
        }
        for (int i = 0; i < expected.rows(); i++) {
            for (int j = 0; j < expected.cols(); j++) {
                double e = expected.get(i, j);
                double a = actual.get(i, j);
                boolean same = Double.compare(e, a) == 0 || Math.abs(a - e) <= tol * Math.max(1, Math.abs(e));
                if (!same) {
                    throw new AssertionError(what + " (" + i + ", " + j + "): " + a + ", expected " + e
                            + " (tolerance " + tol + ")");
                }
            }
        }
    }
}
