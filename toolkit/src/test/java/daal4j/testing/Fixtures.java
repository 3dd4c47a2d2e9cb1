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

    /** One field of a daal4py golden, e.g. {@code golden("covariance_defaultDense", "mean")}. */
    public static Matrix golden(String name, String field) {
        return Csv.read(TestData.golden(name).resolve(field + ".csv"));
    }

    /** The path of a fixture file. */
    public static Path path(String family, String name) {
        return TestData.repo().resolve("toolkit/src/test/resources/fixtures").resolve(family).resolve(name + ".csv");
    }

    /**
     * Asserts two "name v1 v2 …" lines (as the mpirun test mains print) have the same name and
     * values with |a - e| <= tol * max(1, |e|).
     */
    public static void assertLineClose(String expected, String actual, double tol, String where) {
        String[] e = expected.split(" ");
        String[] a = actual.split(" ");
        if (!e[0].equals(a[0]) || e.length != a.length) {
            throw new AssertionError(where + ": line '" + abbreviate(actual) + "', expected '" + abbreviate(expected) + "'");
        }
        for (int i = 1; i < e.length; i++) {
            double x = Double.parseDouble(e[i]);
            double y = Double.parseDouble(a[i]);
            if (!(Math.abs(x - y) <= tol * Math.max(1, Math.abs(x)))) {
                throw new AssertionError(where + " " + e[0] + "[" + i + "]: " + y + " vs " + x);
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
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
