package daal4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.data.Csv;
import daal4j.data.Matrix;
import daal4j.spmd.Spmd;
import daal4j.spmd.SpmdException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

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

    /** The "name=values" lines of an mpirun test main by name; the values of a repeated name are joined with spaces. */
    public static Map<String, String> namedValues(List<String> lines) {
        Map<String, String> m = new HashMap<>();
        for (String l : lines) {
            int eq = l.indexOf('=');
            if (eq > 0) {
                m.merge(l.substring(0, eq), l.substring(eq + 1), (a, b) -> a + " " + b);
            }
        }
        return m;
    }

    /** Asserts two space-separated lists of numbers agree to 1e-10 * max(1, |expected|). */
    public static void assertValuesClose(String expected, String actual, String what) {
        String[] e = expected.split(" ");
        String[] a = actual.split(" ");
        assertEquals(e.length, a.length, what);
        for (int i = 0; i < e.length; i++) {
            double x = Double.parseDouble(e[i]);
            assertEquals(x, Double.parseDouble(a[i]), 1e-10 * Math.max(1, Math.abs(x)), what + " [" + i + "]");
        }
    }

    /**
     * Runs {@code body} on {@code ranks} local ranks and asserts every rank fails with the same
     * message containing each of {@code words}; returns each rank's exception.
     */
    public static List<RuntimeException> failsOnEveryRank(int ranks, Callable<Object> body, String... words) {
        List<Object> outcomes = Spmd.local(ranks).timeout(Duration.ofSeconds(20)).call(() -> {
            try {
                body.call();
                return "no error";
            } catch (SpmdException | IllegalArgumentException e) {
                return e;
            }
        });
        List<RuntimeException> errors = new ArrayList<>();
        String first = null;
        for (int r = 0; r < ranks; r++) {
            Object o = outcomes.get(r);
            assertTrue(o instanceof RuntimeException, "rank " + r + ": " + o);
            String msg = ((RuntimeException) o).getMessage();
            for (String w : words) {
                assertTrue(msg.contains(w), "rank " + r + ": '" + msg + "' should name '" + w + "'");
            }
            first = first == null ? msg : first;
            assertEquals(first, msg, "the same error on every rank");
            errors.add((RuntimeException) o);
        }
        return errors;
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
