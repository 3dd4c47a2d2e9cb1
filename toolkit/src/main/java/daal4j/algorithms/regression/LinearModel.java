package daal4j.algorithms.regression;

import daal4j.algorithms.Result;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import daal4j.linalg.Kernels;
import daal4j.linalg.Products;
import daal4j.linalg.RowBlocks;

/**
 * A linear (or ridge) regression model, with daal4py's attribute names: {@code Beta} is
 * responses x (features + 1), the intercept first (0 when not fitted). Immutable.
 */
public final class LinearModel extends Result {

    /** Coefficients: one row per response, intercept first. */
    public final Matrix Beta;
    /** Number of coefficients per response: features + 1. */
    public final long NumberOfBetas;
    /** Number of responses. */
    public final long NumberOfResponses;
    /** Number of features. */
    public final long NumberOfFeatures;
    /** Whether the intercept was fitted. */
    public final boolean InterceptFlag;

    /** A model from its coefficients (responses x (features + 1), intercept first). */
    public LinearModel(Matrix beta, boolean interceptFlag) {
        this(beta, beta.cols(), beta.rows(), beta.cols() - 1L, interceptFlag);
    }

    /** The canonical constructor: the fields in order (the counts are Beta's shape). */
    LinearModel(Matrix Beta, long NumberOfBetas, long NumberOfResponses, long NumberOfFeatures,
            boolean InterceptFlag) {
        if (Beta.cols() < 1) {
            throw new IllegalArgumentException("Beta needs at least the intercept column");
        }
        if (NumberOfBetas != Beta.cols() || NumberOfResponses != Beta.rows() || NumberOfFeatures != Beta.cols() - 1L) {
            throw new IllegalArgumentException("NumberOfBetas, NumberOfResponses and NumberOfFeatures must be Beta's"
                    + " shape " + Beta.rows() + " x " + Beta.cols());
        }
        this.Beta = Beta;
        this.NumberOfBetas = NumberOfBetas;
        this.NumberOfResponses = NumberOfResponses;
        this.NumberOfFeatures = NumberOfFeatures;
        this.InterceptFlag = InterceptFlag;
    }

    /** The responses predicted for the rows of {@code x}: x b' + b0, n x responses. */
    Matrix predict(Matrix x) {
        int p = (int) NumberOfFeatures;
        int q = (int) NumberOfResponses;
        if (x.cols() != p) {
            throw new IllegalArgumentException("data has " + x.cols() + " features, the model " + p);
        }
        double[] slopes = new double[q * p];
        double[] intercepts = new double[q];
        for (int r = 0; r < q; r++) {
            intercepts[r] = Beta.get(r, 0);
            for (int j = 0; j < p; j++) {
                slopes[r * p + j] = Beta.get(r, j + 1);
            }
        }
        int n = x.rows();
        double[] xv = x.rowMajorView();
        double[] y = new double[n * q];
        int step = RowBlocks.rows(p);
        // the native library runs this same loop in C (Python calls it on numpy's memory too)
        if (!Kernels.linearPredict(xv, 0, n, p, slopes, intercepts, q, step, y)) {
            predictInJava(x, slopes, intercepts, q, step, y);
        }
        return Matrix.wrap(n, q, y);
    }

    /** The prediction loop in Java: the twin of the native one, the same sums in the same order. */
    static void predictInJava(Matrix x, double[] slopes, double[] intercepts, int q, int step, double[] y) {
        int n = x.rows();
        int p = x.cols();
        double[] xv = x.rowMajorView();
        // check, multiply and shift block by block: BLAS reads each block while the check has
        // left it in cache, so the input is read from memory once
        for (int from = 0; from < n; from += step) {
            int to = Math.min(n, from + step);
            Inputs.requireFinite(x, from, to, "data");
            Products.multiplyTransposedRows(xv, p, from, to, slopes, q, y, from * q);
            for (int i = from * q; i < to * q; i += q) {
                for (int r = 0; r < q; r++) {
                    y[i + r] += intercepts[r];
                }
            }
        }
    }
}
