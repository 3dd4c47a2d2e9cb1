package daal4j.algorithms.covariance;

import daal4j.algorithms.Algorithm;
import daal4j.algorithms.LocalRows;
import daal4j.algorithms.Summary;
import daal4j.algorithms.summaries.CrossProducts;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import java.util.List;

/**
 * Covariance or correlation matrix and means of the columns (daal4py's {@code covariance}),
 * in batch, streaming or distributed mode. The covariance divides by n - 1, as daal4py.
 */
public final class Covariance extends Algorithm<Covariance, CrossProducts, CovarianceResult> {

    /**
     * daal4py's method names; the dense ones compute the same one-pass centered summary here,
     * the CSR ones (on a {@link daal4j.data.CsrMatrix} or a CSR file) sparse cross-products.
     */
    private static final List<String> METHODS = List.of("defaultDense", "singlePassDense", "sumDense", "fastCSR",
            "singlePassCSR", "sumCSR");
    private static final List<String> OUTPUTS = List.of("covarianceMatrix", "correlationMatrix");

    private String method = "defaultDense";
    private boolean correlationOutput;

    /** Method: defaultDense, singlePassDense, sumDense, or for CSR data fastCSR, singlePassCSR, sumCSR. */
    public Covariance method(String name) {
        if (!METHODS.contains(name)) {
            throw new IllegalArgumentException("covariance: unknown method '" + name + "'; use " + METHODS);
        }
        method = name;
        return this;
    }

    /** The method in use. */
    public String method() {
        return method;
    }

    /** Which matrix to compute: covarianceMatrix (default) or correlationMatrix. */
    public Covariance outputMatrixType(String type) {
        if (!OUTPUTS.contains(type)) {
            throw new IllegalArgumentException("covariance: unknown outputMatrixType '" + type + "'; use " + OUTPUTS);
        }
        correlationOutput = type.equals("correlationMatrix");
        return this;
    }

    /**
     * The covariance of {@code data}: for the dense methods a Matrix, double[][], Table or CSV
     * path, for the CSR methods a CsrMatrix or CSR file path (its implicit zeros counted as values).
     */
    public CovarianceResult compute(Object data) {
        if (method.endsWith("CSR")) {
            return run(() -> CrossProducts.of(LocalRows.csr(data, "data", "covariance", method, "defaultDense", 0),
                    "data"));
        }
        LocalRows.requireDense(data, "covariance", method, "fastCSR");
        return run(() -> CrossProducts.of(input(data, "data"), "data"));
    }

    /** The covariance of this rank's file: {@code pattern} with {@code {}} replaced by {@code id}. */
    public CovarianceResult compute(String pattern, int id) {
        return compute(Inputs.perRank(pattern, id));
    }

    @Override
    protected Summary.Decoder<CrossProducts> decoder() {
        return CrossProducts::decode;
    }

    @Override
    protected CovarianceResult finish(CrossProducts all) {
        if (all.n < 2) {
            throw new IllegalArgumentException("covariance: needs at least 2 rows in all, got " + all.n);
        }
        Matrix asked = matrix(all, correlationOutput);
        return new CovarianceResult(asked, asked, Matrix.wrap(1, all.p, all.mean()));
    }

    /** The covariance (divisor n - 1) or correlation matrix of the merged cross-products. */
    private static Matrix matrix(CrossProducts all, boolean correlationOutput) {
        int p = all.p;
        if (!correlationOutput) {
            return Matrix.wrap(p, p, all.centeredOver(all.n - 1));
        }
        double[] c = all.centered();
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            scale[j] = 1 / Math.sqrt(c[j * p + j]);
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                // a constant column has no correlation: 0/0 = NaN, as NumPy's corrcoef
                c[i * p + j] = i == j && c[i * p + i] > 0 ? 1.0 : c[i * p + j] * scale[i] * scale[j];
            }
        }
        return Matrix.wrap(p, p, c);
    }
}
