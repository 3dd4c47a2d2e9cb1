package daal4j.algorithms.moments;

import daal4j.algorithms.Algorithm;
import daal4j.algorithms.LocalRows;
import daal4j.algorithms.Summary;
import daal4j.algorithms.moments.LowOrderMomentsResult.Estimates;
import daal4j.algorithms.summaries.MomentsPartial;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import java.util.Arrays;

/**
 * Low order moments (daal4py's {@code low_order_moments}): minimum, maximum, sums, mean,
 * variance and their relatives for every column, in batch, streaming or distributed mode.
 */
public final class LowOrderMoments extends Algorithm<LowOrderMoments, MomentsPartial, LowOrderMomentsResult> {

    /**
     * daal4py's method names; all compute the same estimates here, in one stable pass. The
     * CSR ones take a {@link daal4j.data.CsrMatrix} or a CSR file, the others dense data.
     */
    private static final String[] METHODS = {"defaultDense", "singlePassDense", "sumDense", "fastCSR",
        "singlePassCSR", "sumCSR"};

    private String method = "defaultDense";
    private Estimates estimatesToCompute = Estimates.estimatesAll;

    /** Method: defaultDense, singlePassDense, sumDense, or for CSR data fastCSR, singlePassCSR, sumCSR. */
    public LowOrderMoments method(String name) {
        if (!Arrays.asList(METHODS).contains(name)) {
            throw new IllegalArgumentException("low_order_moments: unknown method '" + name
                    + "'; use " + String.join(", ", METHODS));
        }
        method = name;
        return this;
    }

    /** Which estimates: estimatesAll, estimatesMinMax or estimatesMeanVariance. */
    public LowOrderMoments estimatesToCompute(String which) {
        try {
            estimatesToCompute = Estimates.valueOf(which);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("low_order_moments: unknown estimatesToCompute '" + which
                    + "'; use " + Arrays.toString(Estimates.values()));
        }
        return this;
    }

    /** The method in use. */
    public String method() {
        return method;
    }

    /**
     * The moments of {@code data}: for the dense methods a Matrix, double[][], Table or CSV path,
     * for the CSR methods a CsrMatrix or CSR file path (its implicit zeros counted as values).
     */
    public LowOrderMomentsResult compute(Object data) {
        if (method.endsWith("CSR")) {
            return run(() -> MomentsPartial.of(LocalRows.csr(data, "data", "low_order_moments", method,
                    "defaultDense", 0)));
        }
        LocalRows.requireDense(data, "low_order_moments", method, "fastCSR");
        return run(() -> {
            Matrix x = input(data, "data");
            return MomentsPartial.of(x.rowMajorView(), x.cols(), 0, x.rows());
        });
    }

    /** The moments of this rank's file: {@code pattern} with {@code {}} replaced by {@code id}. */
    public LowOrderMomentsResult compute(String pattern, int id) {
        return compute(Inputs.perRank(pattern, id));
    }

    @Override
    protected Summary.Decoder<MomentsPartial> decoder() {
        return MomentsPartial::decode;
    }

    @Override
    protected LowOrderMomentsResult finish(MomentsPartial all) {
        if (all.rows() == 0) {
            throw new IllegalArgumentException("low_order_moments: no rows on any rank");
        }
        int p = all.width();
        double n = all.rows();
        double[] sumSq = all.sumSquares();
        double[] m2 = all.sumSquaresCentered();
        double[] mu = all.mean();
        double[] raw2 = new double[p];
        double[] var = new double[p];
        double[] sd = new double[p];
        double[] cv = new double[p];
        for (int j = 0; j < p; j++) {
            raw2[j] = sumSq[j] / n;
            var[j] = m2[j] / (n - 1);
            sd[j] = Math.sqrt(var[j]);
            cv[j] = sd[j] / mu[j];
        }
        boolean every = estimatesToCompute == Estimates.estimatesAll;
        boolean minMax = every || estimatesToCompute == Estimates.estimatesMinMax;
        boolean meanVar = every || estimatesToCompute == Estimates.estimatesMeanVariance;
        return new LowOrderMomentsResult(
                minMax ? Matrix.row(all.minimum()) : null,
                minMax ? Matrix.row(all.maximum()) : null,
                every ? Matrix.row(all.sum()) : null,
                every ? Matrix.row(sumSq) : null,
                every ? Matrix.row(m2) : null,
                meanVar ? Matrix.row(mu) : null,
                every ? Matrix.row(raw2) : null,
                meanVar ? Matrix.row(var) : null,
                every ? Matrix.row(sd) : null,
                every ? Matrix.row(cv) : null);
    }
}
