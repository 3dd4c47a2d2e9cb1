package daal4j.algorithms.naivebayes;

import daal4j.algorithms.Summary;
import daal4j.data.CsrMatrix;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import daal4j.linalg.Kernels;
import java.util.Arrays;

/**
 * The naive Bayes partial: per class, the sum of each feature's counts over the rows of
 * that class (nClasses x p), and the number of rows. Sums merge by addition (exact for
 * integer counts below 2^53). Immutable.
 */
final class ClassSums implements Summary<ClassSums> {

    /** Rows per block between checks for negative or non-finite counts (~1.6 MB of 50 columns). */
    static final int BLOCK_ROWS = 4096;

    final int p;
    final int nClasses;
    final long n;
    /** Row-major nClasses x p. */
    final double[] sums;

    private ClassSums(int p, int nClasses, long n, double[] sums) {
        this.p = p;
        this.nClasses = nClasses;
        this.n = n;
        this.sums = sums;
    }

    /**
     * The class sums of the rows of {@code x} (non-negative finite counts) with
     * {@code labels} (n x 1, integers 0..nClasses-1). One pass: each row is added to its
     * class's row; a row of p doubles is too short for a BLAS call to pay, and a one-hot
     * dgemm would do nClasses times the work.
     */
    static ClassSums of(Matrix x, Matrix labels, int nClasses) {
        requireLabels(labels, x.rows());
        int p = x.cols();
        int n = x.rows();
        double[] sums = new double[nClasses * p];
        // the native library runs this same loop in C (Python calls it on numpy's memory too)
        if (Kernels.classSums(x.rowMajorView(), labels.rowMajorView(), n, p, nClasses, BLOCK_ROWS, sums)) {
            return new ClassSums(p, nClasses, n, sums);
        }
        return ofInJava(x, labels, nClasses, BLOCK_ROWS);
    }

    /** {@link #of} in Java, checking blocks of {@code blockRows}: the twin of the native loop. */
    static ClassSums ofInJava(Matrix x, Matrix labels, int nClasses, int blockRows) {
        int p = x.cols();
        int n = x.rows();
        double[] v = x.rowMajorView();
        double[] lab = labels.rowMajorView();
        double[] sums = new double[nClasses * p];
        for (int from = 0; from < n; from += blockRows) {
            int to = Math.min(n, from + blockRows);
            boolean negative = false;
            for (int i = from; i < to; i++) {
                // each label checked as its row is added: no pass of its own, no array of classes
                int src = i * p;
                int dst = classOf(lab[i], i, nClasses) * p;
                // one flag, not a running minimum per column: no second array to load and store
                // per value (measured ~20% faster for 50 columns); false for NaN and -0.0
                for (int j = 0; j < p; j++) {
                    double c = v[src + j];
                    sums[dst + j] += c;
                    negative |= c < 0;
                }
            }
            // a NaN or infinity reaches the sums: look closer only then, or for a negative count
            if (negative || !allFinite(sums)) {
                Inputs.requireFinite(x, from, to, "data");
                for (int e = from * p; e < to * p; e++) {
                    if (v[e] < 0) {
                        throw new IllegalArgumentException("data: " + v[e] + " at row " + e / p + ", column " + e % p
                                + " (counts must be non-negative)");
                    }
                }
                throw new IllegalArgumentException("data: counts too large to sum (overflow)");
            }
        }
        return new ClassSums(p, nClasses, n, sums);
    }

    /**
     * The class sums of the rows of a CSR matrix (non-negative finite counts; the implicit
     * zeros add nothing) with {@code labels} (n x 1, integers 0..nClasses-1), in O(nnz + n).
     */
    static ClassSums of(CsrMatrix x, Matrix labels, int nClasses) {
        requireLabels(labels, x.rows());
        int p = x.cols();
        int n = x.rows();
        int[] off = x.rowOffsetsView();
        int[] idx = x.columnIndicesView();
        double[] v = x.valuesView();
        double[] lab = labels.rowMajorView();
        double[] sums = new double[nClasses * p];
        for (int i = 0; i < n; i++) {
            int dst = classOf(lab[i], i, nClasses) * p;
            for (int k = off[i]; k < off[i + 1]; k++) {
                double c = v[k];
                if (!(c >= 0) || c == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("data: " + c + " at row " + i + ", column " + idx[k]
                            + " (counts must be non-negative and finite)");
                }
                sums[dst + idx[k]] += c;
            }
        }
        if (!allFinite(sums)) {
            throw new IllegalArgumentException("data: counts too large to sum (overflow)");
        }
        return new ClassSums(p, nClasses, n, sums);
    }

    /** Labels must be one column with a row per data row. */
    private static void requireLabels(Matrix labels, int rows) {
        if (labels.cols() != 1) {
            throw new IllegalArgumentException("labels must be one column (n x 1), got " + labels.rows() + " x "
                    + labels.cols());
        }
        if (labels.rows() != rows) {
            throw new IllegalArgumentException("labels has " + labels.rows() + " rows, data has " + rows);
        }
    }

    /** Row i's label as a class 0..nClasses-1, or the error naming it. */
    private static int classOf(double label, int i, int nClasses) {
        if (!(label >= 0 && label < nClasses && label == (int) label)) {
            throw new IllegalArgumentException("labels: " + label + " at row " + i + " is not a class 0.."
                    + (nClasses - 1));
        }
        return (int) label;
    }

    private static boolean allFinite(double[] a) {
        double s = 0;
        for (double d : a) {
            s += d * 0; // NaN for NaN or infinity, else 0
        }
        return s == 0;
    }

    @Override
    public long rows() {
        return n;
    }

    @Override
    public int width() {
        return p;
    }

    @Override
    public ClassSums merge(ClassSums b) {
        ClassSums a = this;
        double[] s = a.sums.clone();
        for (int k = 0; k < s.length; k++) {
            s[k] += b.sums[k];
        }
        return new ClassSums(a.p, a.nClasses, a.n + b.n, s);
    }

    /** Flat form: p, nClasses, n, sums. */
    @Override
    public double[] encode() {
        double[] e = new double[3 + sums.length];
        e[0] = p;
        e[1] = nClasses;
        e[2] = n;
        System.arraycopy(sums, 0, e, 3, sums.length);
        return e;
    }

    static ClassSums decode(double[] e) {
        return new ClassSums((int) e[0], (int) e[1], (long) e[2], Arrays.copyOfRange(e, 3, e.length));
    }
}
