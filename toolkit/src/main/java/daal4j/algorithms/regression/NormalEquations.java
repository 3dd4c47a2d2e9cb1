package daal4j.algorithms.regression;

import daal4j.algorithms.covariance.CrossProducts;
import daal4j.data.Matrix;
import daal4j.linalg.Dense;

/**
 * The normEqDense summary: count, means and centered cross-products of [X Y], merged
 * exactly across blocks, chunks and ranks. With an intercept the slopes solve the centered
 * system (Cxx + penalty I) b = Cxy and the intercept is mean(y) - mean(x)'b: the same
 * solution as the normal equations of [1 X] with an unpenalized intercept, far better
 * conditioned. Without one they solve the raw system (X'X + penalty I) b = X'Y.
 */
final class NormalEquations extends RegressionSummary {

    private final int p;
    private final int q;
    private final CrossProducts xy;

    private NormalEquations(int p, int q, CrossProducts xy) {
        this.p = p;
        this.q = q;
        this.xy = xy;
    }

    /** The summary of the rows of data {@code x} and responses {@code y}. */
    static NormalEquations of(Matrix x, Matrix y) {
        return new NormalEquations(x.cols(), y.cols(),
                CrossProducts.of(new Matrix[] {x, y}, new String[] {"data", "dependentData"}));
    }

    @Override
    public int features() {
        return p;
    }

    @Override
    public int responses() {
        return q;
    }

    @Override
    public long rows() {
        return xy.n;
    }

    @Override
    protected RegressionSummary combine(RegressionSummary next) {
        return new NormalEquations(p, q, CrossProducts.merge(xy, ((NormalEquations) next).xy));
    }

    @Override
    public double[] encode() {
        double[] body = xy.encode();
        double[] e = new double[2 + body.length];
        e[0] = p;
        e[1] = q;
        System.arraycopy(body, 0, e, 2, body.length);
        return e;
    }

    /** The summary back from {@link #encode()}. */
    static NormalEquations decode(double[] e) {
        return new NormalEquations((int) e[0], (int) e[1], CrossProducts.decode(java.util.Arrays.copyOfRange(e, 2, e.length)));
    }

    @Override
    public Matrix beta(boolean interceptFlag, double[] penalties) {
        int w = p + q;
        double[] s = interceptFlag ? xy.centered() : xy.raw();
        double[] xtx = new double[p * p];
        double[] xty = new double[p * q];
        for (int i = 0; i < p; i++) {
            System.arraycopy(s, i * w, xtx, i * p, p);
            System.arraycopy(s, i * w + p, xty, i * q, q);
        }
        double[] b = new double[p * q];
        boolean shared = true;
        for (double penalty : penalties) {
            shared &= penalty == penalties[0];
        }
        if (shared) {
            // one system for every response
            put(b, solve(xtx, penalties[0], Matrix.wrap(p, q, xty)), 0, q);
        } else {
            Matrix all = Matrix.wrap(p, q, xty);
            for (int r = 0; r < q; r++) {
                put(b, solve(xtx, penalties[r], Matrix.column(all.columnAt(r))), r, q);
            }
        }
        double[] mean = xy.mean();
        double[] beta = new double[q * (p + 1)];
        for (int r = 0; r < q; r++) {
            double b0 = 0;
            if (interceptFlag) {
                b0 = mean[p + r];
                for (int j = 0; j < p; j++) {
                    b0 -= mean[j] * b[j * q + r];
                }
            }
            beta[r * (p + 1)] = b0;
            for (int j = 0; j < p; j++) {
                beta[r * (p + 1) + 1 + j] = b[j * q + r];
            }
        }
        return Matrix.wrap(q, p + 1, beta);
    }

    private Matrix solve(double[] xtx, double penalty, Matrix rhs) {
        double[] a = xtx.clone();
        for (int j = 0; j < p; j++) {
            a[j * p + j] += penalty;
        }
        return Dense.solvePsd(Matrix.wrap(p, p, a), rhs);
    }

    /** Copies the p x k solution {@code x} into columns [col, col + k) of the p x q array {@code b}. */
    private static void put(double[] b, Matrix x, int col, int q) {
        for (int j = 0; j < x.rows(); j++) {
            for (int k = 0; k < x.cols(); k++) {
                b[j * q + col + k] = x.get(j, k);
            }
        }
    }
}
