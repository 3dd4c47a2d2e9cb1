package daal4j.algorithms.regression;

import daal4j.algorithms.summaries.CenteredR;
import daal4j.data.Matrix;
import daal4j.linalg.Solvers;

/**
 * The qrDense summary: the tall-and-skinny QR summary ({@link CenteredR}) of the rows of
 * [X Y], centered when an intercept is fitted. Its R = [Rxx Rxy; 0 Ryy] gives the slopes by
 * one triangular solve Rxx B = Rxy (least squares without forming X'X, so the condition
 * number is not squared); the intercept is mean(y) - mean(x)'B.
 */
final class QrSummary extends RegressionSummary {

    private final CenteredR xy;

    private QrSummary(int p, int q, CenteredR xy) {
        super(p, q);
        this.xy = xy;
    }

    /** The summary of data {@code x} and responses {@code y}, centered for an intercept. */
    static QrSummary of(Matrix x, Matrix y, boolean intercept) {
        return new QrSummary(x.cols(), y.cols(),
                CenteredR.of(Matrix.sideBySide(x, y), intercept, "linear_regression_training (qrDense)"));
    }

    /** The summary back from {@link #encode()}. */
    static QrSummary decode(double[] e) {
        return decode(e, (p, q, body) -> new QrSummary(p, q, CenteredR.decode(body)));
    }

    @Override
    public long rows() {
        return xy.n;
    }

    @Override
    protected RegressionSummary combine(RegressionSummary next) {
        return new QrSummary(features(), responses(), xy.merge(((QrSummary) next).xy));
    }

    @Override
    protected double[] body() {
        return xy.encode();
    }

    @Override
    public Matrix beta(boolean interceptFlag, double[] penalties) {
        for (double penalty : penalties) {
            if (penalty != 0) {
                throw new IllegalArgumentException("qrDense solves plain least squares; a ridge penalty needs normEqDense");
            }
        }
        int p = features();
        int q = responses();
        int w = p + q;
        double[] r = xy.r.rowMajorView();
        for (int i = 0; i < p; i++) {
            // R's diagonal against its column: the sine of the angle between feature i and the
            // earlier ones; ~0 means feature i adds nothing, whatever the columns' scales
            double column = 0;
            for (int k = 0; k <= i; k++) {
                column += r[k * w + i] * r[k * w + i];
            }
            if (!(Math.abs(r[i * w + i]) > 1e-10 * Math.sqrt(column))) {
                throw new IllegalArgumentException("linear_regression_training (qrDense): feature " + i
                        + " is a linear combination of the earlier ones" + (interceptFlag ? " and the intercept" : "")
                        + " (or there are too few rows: " + xy.n + "); qrDense needs full column rank,"
                        + " normEqDense gives the minimum-norm solution");
            }
        }
        Matrix b = Solvers.upperTriangularSolve(Matrix.wrap(p, p, block(r, 0, p)), Matrix.wrap(p, q, block(r, p, q)));
        return coefficients(b, xy.mean(), interceptFlag);
    }
}
