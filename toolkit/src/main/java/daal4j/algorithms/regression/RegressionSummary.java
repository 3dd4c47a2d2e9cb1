package daal4j.algorithms.regression;

import daal4j.algorithms.Summary;
import daal4j.data.Matrix;
import java.util.Arrays;

/**
 * What a training method keeps of its rows (the partial of linear and ridge regression):
 * normal equations for normEqDense, an R factor for qrDense. Summaries of the same method
 * merge in row order across chunks and ranks; the merged one yields the coefficients.
 * This base holds what every method shares (the shape, its flat form, the intercept), so a
 * method holds only its own summary and solve.
 */
public abstract class RegressionSummary implements Summary<RegressionSummary> {

    /** Makes a method's summary from its shape and its {@link #body()}. */
    @FunctionalInterface
    protected interface BodyDecoder<S extends RegressionSummary> {
        /** The summary of this shape whose {@link #body()} was {@code body}. */
        S of(int features, int responses, double[] body);
    }

    private final int p;
    private final int q;

    /** A summary of rows with {@code features} columns of data and {@code responses} of dependentData. */
    protected RegressionSummary(int features, int responses) {
        p = features;
        q = responses;
    }

    /** Number of features (columns of data). */
    public final int features() {
        return p;
    }

    /** Number of responses (columns of dependentData). */
    public final int responses() {
        return q;
    }

    /** Number of rows summarized. */
    @Override
    public abstract long rows();

    /** The features: the width every part with rows must agree on. */
    @Override
    public final int width() {
        return p;
    }

    @Override
    public final String widthName() {
        return "columns of data";
    }

    /**
     * The summary of this one's rows followed by {@code next}'s (same method), once both have
     * rows and the same features; the responses must agree too.
     */
    @Override
    public final RegressionSummary merge(RegressionSummary next) {
        if (responses() != next.responses()) {
            throw new IllegalArgumentException("response counts differ: " + responses() + " and "
                    + next.responses() + " columns of dependentData");
        }
        return combine(next);
    }

    /** {@link #merge} once shapes agree and both have rows. */
    protected abstract RegressionSummary combine(RegressionSummary next);

    /** Flat form, to cross ranks: features, responses, then the method's {@link #body()}. */
    @Override
    public final double[] encode() {
        double[] body = body();
        double[] e = new double[2 + body.length];
        e[0] = p;
        e[1] = q;
        System.arraycopy(body, 0, e, 2, body.length);
        return e;
    }

    /** The method's own summary as plain doubles (the shape is encoded apart). */
    protected abstract double[] body();

    /** The summary back from {@link #encode()}, made by the method's {@code decoder}. */
    protected static <S extends RegressionSummary> S decode(double[] encoded, BodyDecoder<S> decoder) {
        return decoder.of((int) encoded[0], (int) encoded[1], Arrays.copyOfRange(encoded, 2, encoded.length));
    }

    /**
     * The coefficients, responses x (features + 1), intercept first (0 without intercept),
     * minimizing the squared error plus {@code penalties[r]} times the squared non-intercept
     * coefficients of response r (all zero for plain least squares).
     */
    public abstract Matrix beta(boolean interceptFlag, double[] penalties);

    /**
     * Rows [0, features) and columns [from, from + cols) of {@code square}, a row-major
     * (features + responses) square over [X Y]: its X'X-like block (from 0, features wide) or
     * its X'Y-like block (from features, responses wide), row-major.
     */
    protected final double[] block(double[] square, int from, int cols) {
        int w = p + q;
        double[] b = new double[p * cols];
        for (int i = 0; i < p; i++) {
            System.arraycopy(square, i * w + from, b, i * cols, cols);
        }
        return b;
    }

    /**
     * The coefficients in {@link #beta}'s layout from the features x responses {@code slopes}
     * and the column means of [X Y]: with an intercept, mean(y) - mean(x)'slopes (the fit of
     * centered data moved back to the data's origin), else 0.
     */
    protected final Matrix coefficients(Matrix slopes, double[] mean, boolean interceptFlag) {
        double[] beta = new double[q * (p + 1)];
        for (int r = 0; r < q; r++) {
            double intercept = 0;
            if (interceptFlag) {
                intercept = mean[p + r];
                for (int j = 0; j < p; j++) {
                    intercept -= mean[j] * slopes.get(j, r);
                }
            }
            beta[r * (p + 1)] = intercept;
            for (int j = 0; j < p; j++) {
                beta[r * (p + 1) + 1 + j] = slopes.get(j, r);
            }
        }
        return Matrix.wrap(q, p + 1, beta);
    }
}
