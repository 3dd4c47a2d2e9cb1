package daal4j.linalg;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Logger;

/**
 * daal4j's own native kernels, for the loops no BLAS routine expresses (libdaal4j_kernels, built
 * from src/main/c where a C compiler exists), each with a Java twin that gives the same sums.
 */
public final class Kernels {

    /** System property: {@code false} keeps every kernel on its Java twin (for comparisons). */
    public static final String PROPERTY = "daal4j.kernels.native";

    private static final Logger LOG = Logger.getLogger(Kernels.class.getName());

    /** Where the build puts the library among the toolkit's classes, per platform. */
    static final String RESOURCE = "native/" + System.getProperty("os.name").toLowerCase() + "-"
            + System.getProperty("os.arch") + "/libdaal4j_kernels.so";

    private static final String LOAD_ERROR = load();

    /**
     * Blocks per native call of a summary over many rows: a call pins the Java array, which
     * holds off the collector for every thread (ranks of the local engine allocate meanwhile).
     */
    private static final int SLICE_BLOCKS = 32;

    private Kernels() {
    }

    /** Whether the native kernels are in use. */
    public static boolean isNative() {
        return LOAD_ERROR == null;
    }

    /** Which kernels are in use, and if Java, why. */
    public static String describe() {
        return isNative() ? "native kernels" : "Java kernels (" + LOAD_ERROR + ")";
    }

    /**
     * Adds rows [from, to) of row-major {@code x} ({@code p} columns) to per-column
     * accumulators: sums of d = x - shift, sums of d^2, minimums and maximums. A NaN leaves a
     * column's extremes undefined (its sums turn NaN): recompute such a column's extremes.
     */
    public static void momentsPass(double[] x, int p, int from, int to, double[] shift, double[] sumShifted,
                                   double[] sumSquares, double[] min, double[] max) {
        if (from < 0 || to < from || (long) to * p > x.length || shift.length < p || sumShifted.length < p
                || sumSquares.length < p || min.length < p || max.length < p) {
            throw new IllegalArgumentException("momentsPass: rows [" + from + ", " + to + ") of " + p
                    + " columns outside the arrays");
        }
        if (to == from || p == 0) {
            return;
        }
        if (isNative()) {
            momentsPassNative(x, p, from, to, shift, sumShifted, sumSquares, min, max);
        } else {
            momentsPassJava(x, p, from, to, shift, sumShifted, sumSquares, min, max);
        }
    }

    /**
     * The native moments summary of rows [from, to) of row-major {@code x} ({@code p} columns,
     * blocks of {@code blockRows}) in {@code MomentsPartial.encode}'s layout, or null where the
     * library is not in use (the caller then computes it in Java, with the same sums).
     */
    public static double[] momentsSummary(double[] x, int p, int from, int to, int blockRows) {
        if (from < 0 || to < from || (long) to * p > x.length || blockRows < 1) {
            throw new IllegalArgumentException("momentsSummary: rows [" + from + ", " + to + ") of " + p
                    + " columns outside the array, or blocks of " + blockRows + " rows");
        }
        if (!isNative()) {
            return null;
        }
        double[] out = new double[2 + 7 * p];
        if (sliced(from, to, blockRows, (a, b) -> momentsSummaryNative(x, p, a, b, blockRows, out) ? 0 : -1) != 0) {
            throw new OutOfMemoryError("momentsSummary: no native memory for " + p + " columns");
        }
        return out;
    }

    /**
     * The native cross-products summary of rows [from, to) of the row-major {@code parts} side
     * by side ({@code cols[k]} columns each, at most 4 parts; blocks of {@code blockRows}): the
     * state {@code [p, blockRows, n, shift (p), offset (p), u (p x p column-major, upper
     * triangle)]} of {@code CrossProducts.of}'s loop. Null where the Java loop must run: no
     * library, BLAS other than the system's libblas.so.3 that the library calls (so both sides
     * sum with the same dsyrk), or a value that is not finite (the Java loop names it).
     */
    public static double[] crossProductsSummary(double[][] parts, int[] cols, int from, int to, int blockRows) {
        int p = 0;
        for (int k = 0; k < parts.length; k++) {
            if (from < 0 || to < from || (long) to * cols[k] > parts[k].length) {
                throw new IllegalArgumentException("crossProductsSummary: rows [" + from + ", " + to + ") of "
                        + cols[k] + " columns outside part " + k);
            }
            p += cols[k];
        }
        if (!withSystemBlas() || parts.length > 4 || blockRows < 1) {
            return null;
        }
        double[] state = new double[3 + 2 * p + p * p];
        state[0] = p;
        state[1] = blockRows;
        int status = sliced(from, to, blockRows, (a, b) -> crossProductsSummaryNative(parts, cols, a, b, state));
        if (status == -1) {
            throw new OutOfMemoryError("crossProductsSummary: no native memory for " + p + " columns");
        }
        return status == 0 ? state : null;
    }

    /**
     * Writes the linear predictions of rows [from, to) of row-major {@code x} ({@code p}
     * columns) into row-major {@code y} (q values a row, from row {@code from}): x slopes' +
     * intercepts, with {@code slopes} row-major q x p, in blocks of {@code blockRows}, as
     * {@code LinearModel.predict} does in Java. False where the Java loop must run (as for
     * {@link #crossProductsSummary}; y is then partly written).
     */
    public static boolean linearPredict(double[] x, int from, int to, int p, double[] slopes, double[] intercepts,
                                        int q, int blockRows, double[] y) {
        if (from < 0 || to < from || (long) to * p > x.length || (long) to * q > y.length
                || slopes.length < q * p || intercepts.length < q || blockRows < 1) {
            throw new IllegalArgumentException("linearPredict: rows [" + from + ", " + to + ") of " + p
                    + " columns by " + q + " responses outside the arrays");
        }
        if (!withSystemBlas()) {
            return false;
        }
        return sliced(from, to, blockRows,
                (a, b) -> linearPredictNative(x, a, b, p, slopes, intercepts, q, blockRows, y)) == 0;
    }

    /**
     * Adds each of rows [0, rows) of row-major {@code x} ({@code p} columns) to the row of
     * {@code sums} (row-major nClasses x p) of its label, checking blocks of {@code blockRows}
     * as the naive Bayes class sums do in Java. False where the Java loop must run: no library,
     * or a label that is not a class, a negative count or a value that is not finite (the Java
     * loop names it; sums is then partly written).
     */
    public static boolean classSums(double[] x, double[] labels, int rows, int p, int nClasses, int blockRows,
                                    double[] sums) {
        if (rows < 0 || (long) rows * p > x.length || labels.length < rows || (long) nClasses * p > sums.length
                || blockRows < 1) {
            throw new IllegalArgumentException("classSums: " + rows + " rows of " + p + " columns, " + nClasses
                    + " classes outside the arrays");
        }
        return isNative() && sliced(0, rows, blockRows,
                (a, b) -> classSumsNative(x, labels, a, b, p, nClasses, blockRows, sums)) == 0;
    }

    /**
     * Writes the naive Bayes labels of rows [from, to) of row-major counts {@code x} ({@code p}
     * columns) into {@code labels} from index {@code from}: the first class of the largest
     * x logTheta' + logPrior, in blocks of {@code blockRows}, as the prediction does in Java.
     * False where the Java loop must run (as for {@link #crossProductsSummary}, or at a bad count).
     */
    public static boolean naiveBayesLabels(double[] x, int from, int to, int p, double[] logTheta, double[] logPrior,
                                           int nClasses, int blockRows, double[] labels) {
        if (from < 0 || to < from || (long) to * p > x.length || labels.length < to
                || (long) nClasses * p > logTheta.length || logPrior.length < nClasses || blockRows < 1) {
            throw new IllegalArgumentException("naiveBayesLabels: rows [" + from + ", " + to + ") of " + p
                    + " columns, " + nClasses + " classes outside the arrays");
        }
        if (!withSystemBlas()) {
            return false;
        }
        int status = sliced(from, to, blockRows,
                (a, b) -> naiveBayesLabelsNative(x, a, b, p, logTheta, logPrior, nClasses, blockRows, labels));
        if (status == -1) {
            throw new OutOfMemoryError("naiveBayesLabels: no native memory for " + nClasses + " classes");
        }
        return status == 0;
    }

    /** A native call over rows [from, to): its status, 0 when done. */
    @FunctionalInterface
    private interface RowsCall {
        int rows(int from, int to);
    }

    /**
     * Runs {@code call} over rows [from, to) in slices of {@link #SLICE_BLOCKS} blocks (at least
     * once, for no rows too), each call continuing where the last ended, so that the Java arrays
     * stay pinned, holding off the collector, for milliseconds at a time only; the first status
     * other than 0 ends it.
     */
    private static int sliced(int from, int to, int blockRows, RowsCall call) {
        long slice = (long) blockRows * SLICE_BLOCKS;
        int at = from;
        do {
            int end = (int) Math.min(to, at + slice);
            int status = call.rows(at, end);
            if (status != 0) {
                return status;
            }
            at = end;
        } while (at < to);
        return 0;
    }

    /**
     * Whether the native library may call BLAS itself: it loads the system's libblas.so.3, the
     * library the JVM's netlib binding uses unless told otherwise, so both sum alike.
     */
    private static boolean withSystemBlas() {
        return isNative() && Linalg.isNative()
                && System.getProperty("dev.ludovic.netlib.blas.nativeLib") == null
                && System.getProperty("dev.ludovic.netlib.blas.nativeLibPath") == null;
    }

    /** The Java twin of the native moments pass: same order of additions per column. */
    static void momentsPassJava(double[] x, int p, int from, int to, double[] shift, double[] sumShifted,
                                double[] sumSquares, double[] min, double[] max) {
        for (int i = from; i < to; i++) {
            int o = i * p;
            for (int j = 0; j < p; j++) {
                double v = x[o + j];
                double d = v - shift[j];
                sumShifted[j] += d;
                sumSquares[j] += d * d;
                min[j] = v < min[j] ? v : min[j];
                max[j] = v > max[j] ? v : max[j];
            }
        }
    }

    /**
     * Adds rows [from, to) of row-major {@code x} ({@code p} columns) minus {@code shift} to
     * per-column sums: each difference is taken before it is summed, so a shift near the
     * values keeps the digits a plain sum would lose (a zero shift gives the plain sums).
     */
    public static void shiftedColumnSums(double[] x, int p, int from, int to, double[] shift, double[] sums) {
        if (from < 0 || to < from || (long) to * p > x.length || shift.length < p || sums.length < p) {
            throw new IllegalArgumentException("shiftedColumnSums: rows [" + from + ", " + to + ") of " + p
                    + " columns outside the arrays");
        }
        if (to == from || p == 0) {
            return;
        }
        if (isNative()) {
            shiftedColumnSumsNative(x, p, from, to, shift, sums);
        } else {
            shiftedColumnSumsJava(x, p, from, to, shift, sums);
        }
    }

    /** The Java twin of the native shifted sums: same order of additions per column. */
    static void shiftedColumnSumsJava(double[] x, int p, int from, int to, double[] shift, double[] sums) {
        for (int i = from; i < to; i++) {
            int at = i * p;
            for (int j = 0; j < p; j++) {
                sums[j] += x[at + j] - shift[j];
            }
        }
    }

    /**
     * Squared Euclidean distances of rows [from, to) of row-major {@code x} ({@code p} columns)
     * to the point at c[offset .. offset + p), into out[0 .. to - from): each row's squared
     * differences summed in column order, the bits of a plain loop per row.
     */
    public static void squaredDistances(double[] x, int p, int from, int to, double[] c, int offset, double[] out) {
        if (from < 0 || to < from || p < 0 || (long) to * p > x.length || offset < 0 || (long) offset + p > c.length
                || out.length < to - from) {
            throw new IllegalArgumentException("squaredDistances: rows [" + from + ", " + to + ") of " + p
                    + " columns or the point at " + offset + " outside the arrays");
        }
        if (isNative() && p > 0) {
            if (to > from) {
                squaredDistancesNative(x, p, from, to, c, offset, out);
            }
        } else {
            squaredDistancesJava(x, p, from, to, c, offset, out);
        }
    }

    /**
     * The Java twin of the native squared distances, with the same additions per row: four rows
     * at a time, so that four independent sums are in flight instead of one chain of additions.
     */
    static void squaredDistancesJava(double[] x, int p, int from, int to, double[] c, int offset, double[] out) {
        int i = from;
        for (; i + 3 < to; i += 4) {
            int o0 = i * p;
            int o1 = o0 + p;
            int o2 = o1 + p;
            int o3 = o2 + p;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int j = 0; j < p; j++) {
                double cj = c[offset + j];
                double d0 = x[o0 + j] - cj;
                double d1 = x[o1 + j] - cj;
                double d2 = x[o2 + j] - cj;
                double d3 = x[o3 + j] - cj;
                s0 += d0 * d0;
                s1 += d1 * d1;
                s2 += d2 * d2;
                s3 += d3 * d3;
            }
            out[i - from] = s0;
            out[i - from + 1] = s1;
            out[i - from + 2] = s2;
            out[i - from + 3] = s3;
        }
        for (; i < to; i++) {
            int o = i * p;
            double s = 0;
            for (int j = 0; j < p; j++) {
                double d = x[o + j] - c[offset + j];
                s += d * d;
            }
            out[i - from] = s;
        }
    }

    static native void squaredDistancesNative(double[] x, int p, int from, int to, double[] c, int offset,
                                              double[] out);

    static native void shiftedColumnSumsNative(double[] x, int p, int from, int to, double[] shift, double[] sums);

    static native int classSumsNative(double[] x, double[] labels, int from, int to, int p, int nClasses,
                                      int blockRows, double[] sums);

    static native int naiveBayesLabelsNative(double[] x, int from, int to, int p, double[] logTheta,
                                             double[] logPrior, int nClasses, int blockRows, double[] labels);

    static native int linearPredictNative(double[] x, int from, int to, int p, double[] slopes, double[] intercepts,
                                          int q, int blockRows, double[] y);

    static native int crossProductsSummaryNative(double[][] parts, int[] cols, int from, int to, double[] state);

    static native boolean momentsSummaryNative(double[] x, int p, int from, int to, int blockRows, double[] out);

    static native void momentsPassNative(double[] x, int p, int from, int to, double[] shift, double[] sumShifted,
                                         double[] sumSquares, double[] min, double[] max);

    /** Null when the library loaded, else why not. */
    private static String load() {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
            return PROPERTY + "=false";
        }
        try {
            URL url = Kernels.class.getResource(RESOURCE);
            if (url == null) {
                return "no " + RESOURCE + " in the build (no C compiler when it was built?)";
            }
            Path lib = "file".equals(url.getProtocol()) ? Path.of(url.toURI()) : extract(url);
            System.load(lib.toAbsolutePath().toString());
            return null;
        } catch (Exception | UnsatisfiedLinkError e) {
            LOG.warning(() -> "daal4j native kernels not loaded (" + e + "); using their Java twins");
            return e.toString();
        }
    }

    /** A library inside a jar is loaded from a private temporary copy. */
    private static Path extract(URL url) throws IOException {
        Path lib = Files.createTempFile("libdaal4j_kernels", ".so");
        lib.toFile().deleteOnExit();
        try (InputStream in = url.openStream()) {
            Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
        }
        return lib;
    }
}
