package daal4j.algorithms.regression;

import daal4j.algorithms.summaries.CrossProducts;
import daal4j.data.Matrix;
import daal4j.linalg.Solvers;

/**
 * The normEqDense summary: count, means and centered cross-products of [X Y], merged
 * exactly across blocks, chunks and ranks. With an intercept the slopes solve the centered
 * system (Cxx + penalty I) b = Cxy and the intercept is mean(y) - mean(x)'b: the same
 * solution as the normal equations of [1 X] with an unpenalized intercept, far better
 * conditioned. Without one they solve the raw system (X'X + penalty I) b = X'Y.
 */
final class NormalEquations extends RegressionSummary {

    private final CrossProducts xy;

    private NormalEquations(int p, int q, CrossProducts xy) {
        super(p, q);
        this.xy = xy;
    }

    /** The summary of the rows of data {@code x} and responses {@code y}. */
    static NormalEquations of(Matrix x, Matrix y) {
        return new NormalEquations(x.cols(), y.cols(),
                CrossProducts.of(new Matrix[] {x, y}, new String[] {"data", "dependentData"}));
    }

    /** The summary back from {@link #encode()}. */
    static NormalEquations decode(double[] e) {
        return decode(e, (p, q, body) -> new NormalEquations(p, q, CrossProducts.decode(body)));
    }

    @Override
    public long rows() {
        return xy.n;
    }

    @Override
    protected RegressionSummary combine(RegressionSummary next) {
        return new NormalEquations(features(), responses(), xy.merge(((NormalEquations) next).xy));
    }

    @Override
    protected double[] body() {
        return xy.encode();
    }

    @Override
    public Matrix beta(boolean interceptFlag, double[] penalties) {
        int p = features();
        int q = responses();
        double[] s = interceptFlag ? xy.centered() : xy.raw();
        double[] xtx = block(s, 0, p);
        double[] xty = block(s, p, q);
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
        return coefficients(Matrix.wrap(p, q, b), xy.mean(), interceptFlag);
    }

    private Matrix solve(double[] xtx, double penalty, Matrix rhs) {
        int p = features();
        double[] a = xtx.clone();
        for (int j = 0; j < p; j++) {
            a[j * p + j] += penalty;
        }
        return Solvers.solvePsd(Matrix.wrap(p, p, a), rhs);
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
