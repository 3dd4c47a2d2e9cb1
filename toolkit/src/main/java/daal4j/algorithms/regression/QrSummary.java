package daal4j.algorithms.regression;

import daal4j.algorithms.qr.CenteredR;
import daal4j.data.Matrix;
import daal4j.linalg.Dense;

/**
 * The qrDense summary: the tall-and-skinny QR summary ({@link CenteredR}) of the rows of
 * [X Y], centered when an intercept is fitted. Its R = [Rxx Rxy; 0 Ryy] gives the slopes by
 * one triangular solve Rxx B = Rxy (least squares without forming X'X, so the condition
 * number is not squared); the intercept is mean(y) - mean(x)'B.
 */
final class QrSummary extends RegressionSummary {

    private final int p;
    private final int q;
    private final CenteredR xy;

    private QrSummary(int p, int q, CenteredR xy) {
        this.p = p;
        this.q = q;
        this.xy = xy;
    }

    /** The summary of data {@code x} and responses {@code y}, centered for an intercept. */
    static QrSummary of(Matrix x, Matrix y, boolean intercept) {
        return new QrSummary(x.cols(), y.cols(),
                CenteredR.of(Dense.sideBySide(x, y), intercept, "linear_regression_training (qrDense)"));
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
        return new QrSummary(p, q, CenteredR.merge(xy, ((QrSummary) next).xy));
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
    static QrSummary decode(double[] e) {
        return new QrSummary((int) e[0], (int) e[1], CenteredR.decode(java.util.Arrays.copyOfRange(e, 2, e.length)));
    }

    @Override
    public Matrix beta(boolean interceptFlag, double[] penalties) {
        for (double penalty : penalties) {
            if (penalty != 0) {
                throw new IllegalArgumentException("qrDense solves plain least squares; a ridge penalty needs normEqDense");
            }
        }
        int w = p + q;
        double[] r = xy.r.rowMajorView();
        double[] rxx = new double[p * p];
        double[] rxy = new double[p * q];
        for (int i = 0; i < p; i++) {
            System.arraycopy(r, i * w, rxx, i * p, p);
            System.arraycopy(r, i * w + p, rxy, i * q, q);
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
        Matrix b = Dense.upperTriangularSolve(Matrix.wrap(p, p, rxx), Matrix.wrap(p, q, rxy));
        double[] mean = xy.mean();
        double[] beta = new double[q * (p + 1)];
        for (int t = 0; t < q; t++) {
            double intercept = 0;
            if (interceptFlag) {
                intercept = mean[p + t];
                for (int j = 0; j < p; j++) {
                    intercept -= mean[j] * b.get(j, t);
                }
            }
            beta[t * (p + 1)] = intercept;
            for (int j = 0; j < p; j++) {
                beta[t * (p + 1) + 1 + j] = b.get(j, t);
            }
        }
        return Matrix.wrap(q, p + 1, beta);
    }
}
