package daal4j.algorithms.qr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.data.Matrix;
import daal4j.linalg.Products;
import daal4j.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;

/** What the QR, SVD and PCA tests share: fixtures, row splits and matrix checks. */
public final class Decomp {

    private Decomp() {
    }

    /** A daal4py 2024.7.0 golden field, e.g. {@code golden("qr", "matrixR")}. */
    public static Matrix golden(String name, String field) {
        return Fixtures.golden(name, field);
    }

    /**
     * The sign (+1/-1) of each row of {@code actual} that best matches the same row of
     * {@code expected}; asserts the match to {@code tol} relative to max |expected|.
     */
    public static double[] assertRowsEqualUpToSign(Matrix expected, Matrix actual, double tol, String what) {
        assertTrue(expected.rows() == actual.rows() && expected.cols() == actual.cols(), what + ": shape "
                + actual.rows() + " x " + actual.cols() + ", expected " + expected.rows() + " x " + expected.cols());
        double scale = maxAbs(expected) > 0 ? maxAbs(expected) : 1;
        double[] signs = new double[expected.rows()];
        for (int i = 0; i < expected.rows(); i++) {
            double plus = 0;
            double minus = 0;
            for (int j = 0; j < expected.cols(); j++) {
                plus = Math.max(plus, Math.abs(expected.get(i, j) - actual.get(i, j)));
                minus = Math.max(minus, Math.abs(expected.get(i, j) + actual.get(i, j)));
            }
            signs[i] = plus <= minus ? 1 : -1;
            double d = Math.min(plus, minus);
            assertTrue(d <= tol * scale, what + " row " + i + " differs by " + d + " up to sign");
        }
        return signs;
    }

    /** A fixture written by toolkit/src/test/python/make_decomp_fixtures.py. */
    public static Matrix fixture(String name) {
        return Fixtures.read("decomp", name);
    }

    /**
     * Rows of {@code x} split into {@code ranks} parts of uneven sizes; with 3 or more ranks
     * part 1 gets only 3 rows (fewer than most fixtures' columns) and, with 4, part 2 none.
     */
    public static List<Matrix> split(Matrix x, int ranks) {
        int n = x.rows();
        List<Matrix> parts = new ArrayList<>();
        int[] sizes = new int[ranks];
        int left = n;
        for (int r = 0; r < ranks; r++) {
            sizes[r] = r == ranks - 1 ? left : ranks >= 3 && r == 1 ? 3 : ranks == 4 && r == 2 ? 0 : left / (ranks - r) + 7;
            left -= sizes[r];
        }
        int at = 0;
        for (int size : sizes) {
            parts.add(x.rowRange(at, at + size));
            at += size;
        }
        return parts;
    }

    /** Largest |a - b| entry, or infinity on a shape mismatch. */
    public static double maxDiff(Matrix a, Matrix b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            return Double.POSITIVE_INFINITY;
        }
        double m = 0;
        double[] x = a.rowMajorView();
        double[] y = b.rowMajorView();
        for (int k = 0; k < x.length; k++) {
            m = Math.max(m, Math.abs(x[k] - y[k]));
        }
        return m;
    }

    /** Largest |entry|. */
    public static double maxAbs(Matrix a) {
        double m = 0;
        for (double v : a.rowMajorView()) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** Asserts |actual - expected| <= tol * max |expected| entrywise (tol alone for a zero matrix). */
    public static void assertClose(Matrix expected, Matrix actual, double tol, String what) {
        double scale = maxAbs(expected) > 0 ? maxAbs(expected) : 1;
        double d = maxDiff(expected, actual);
        assertTrue(d <= tol * scale, what + ": differs by " + d + " (tolerance " + tol * scale + ")\nexpected "
                + expected + "\nactual " + actual);
    }

    /** Asserts |actual - expected| <= absTol entrywise (for values near zero by cancellation). */
    public static void assertWithin(Matrix expected, Matrix actual, double absTol, String what) {
        double d = maxDiff(expected, actual);
        assertTrue(d <= absTol, what + ": differs by " + d + " (tolerance " + absTol + ")");
    }

    /** Asserts Q'Q = I to {@code tol}. */
    public static void assertOrthonormalColumns(Matrix q, double tol, String what) {
        Matrix qtq = Products.gram(q);
        double d = maxDiff(qtq, Matrix.identity(q.cols()));
        assertTrue(d < tol, what + ": ||Q'Q - I||max = " + d);
    }

}
