package daal4j.algorithms.pca;

import daal4j.algorithms.covariance.Covariance;
import daal4j.algorithms.covariance.CovarianceResult;
import daal4j.algorithms.qr.CenteredR;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import daal4j.linalg.Dense;
import daal4j.linalg.SymmetricEigen;
import daal4j.linalg.ThinSvd;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Principal component analysis (daal4py's {@code pca}), batch or distributed.
 *
 * <p>correlationDense: the covariance of all rows (the covariance algorithm's stable merge
 * across ranks), scaled to the correlation matrix, then its eigenpairs (LAPACK dsyevr).
 *
 * <p>svdDense: the tall-and-skinny QR of the centered data (merged exactly across ranks, see
 * {@link CenteredR}), its columns scaled by 1/sd unless {@code normalization} says centering
 * only, then the SVD of that small R. As daal4py, its {@code eigenvalues} are the singular
 * values of the normalized data, or their squares over n - 1 with {@code doScale(true)}.
 *
 * <p>isDeterministic(true) applies daal4py's sign flip: each eigenvector's largest-magnitude
 * entry is positive. Otherwise the signs are the solver's.
 */
public final class Pca {

    private static final List<String> METHODS = List.of("correlationDense", "svdDense");
    private static final List<String> RESULTS = List.of("mean", "variance", "eigenvalue");

    private String method = "correlationDense";
    private int nComponents;
    private boolean isDeterministic;
    private boolean doScale;
    private NormalizationZscore normalization;
    private Set<String> resultsToCompute = Set.of();
    private boolean distributed;

    /** Method: correlationDense (default) or svdDense. */
    public Pca method(String name) {
        if (!METHODS.contains(name)) {
            throw new IllegalArgumentException("pca: unknown method '" + name + "'; use " + METHODS);
        }
        method = name;
        return this;
    }

    /** Number of leading components to return; 0 (default) for all. */
    public Pca nComponents(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("pca: nComponents must be 0 (all) or positive, got " + k);
        }
        nComponents = k;
        return this;
    }

    /** Whether to flip each eigenvector's sign so that its largest-magnitude entry is positive. */
    public Pca isDeterministic(boolean on) {
        isDeterministic = on;
        return this;
    }

    /** svdDense only: report eigenvalues as squared singular values over n - 1, as daal4py. */
    public Pca doScale(boolean on) {
        doScale = on;
        return this;
    }

    /** svdDense only: the normalization of the data; default z-score with scaling. */
    public Pca normalization(NormalizationZscore z) {
        normalization = z;
        return this;
    }

    /** Extra results, '|'-separated from mean, variance, eigenvalue ("" by default). */
    public Pca resultsToCompute(String flags) {
        Set<String> set = new LinkedHashSet<>();
        for (String f : flags.split("\\|")) {
            String t = f.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (!RESULTS.contains(t)) {
                throw new IllegalArgumentException("pca: unknown resultsToCompute '" + t + "'; use " + RESULTS
                        + " joined by |");
            }
            set.add(t);
        }
        resultsToCompute = Set.copyOf(set);
        return this;
    }

    /** Runs across all ranks (daal4py's {@code distributed=True}). */
    public Pca distributed(boolean on) {
        distributed = on;
        return this;
    }

    /** The method in use. */
    public String method() {
        return method;
    }

    /** The principal components of {@code data} (this rank's rows when distributed). */
    public PcaResult compute(Object data) {
        if (method.equals("svdDense")) {
            return fromSvd(new CenteredQr().distributed(distributed).compute(data));
        }
        return fromCovariance(new Covariance().distributed(distributed).compute(data));
    }

    /**
     * The principal components of this rank's rows given as consecutive chunks: {@code feed}
     * hands each chunk (a Matrix, double[][], Table or CSV path) to the consumer it is given,
     * once per chunk in row order (the Python bridge computes on an array while reading it). The
     * result equals one {@link #compute} of all rows up to the rounding of merging the chunks'
     * summaries (see {@link daal4j.algorithms.Algorithm#computeChunks}).
     */
    public PcaResult computeChunks(Consumer<Consumer<Object>> feed) {
        if (method.equals("svdDense")) {
            CenteredQr qr = new CenteredQr().distributed(distributed);
            return fromSvd(qr.computeChunks(() -> feed.accept(qr::compute)));
        }
        Covariance cov = new Covariance().distributed(distributed);
        return fromCovariance(cov.computeChunks(() -> feed.accept(cov::compute)));
    }

    /** The principal components of this rank's file: {@code pattern} with {@code {}} replaced by {@code id}. */
    public PcaResult compute(String pattern, int id) {
        return compute(Inputs.perRank(pattern, id));
    }

    private PcaResult fromSvd(CenteredR all) {
        int p = all.r.cols();
        if (all.n < 2) {
            throw new IllegalArgumentException("pca: needs at least 2 rows in all, got " + all.n);
        }
        int k = components(p);
        double[] variances = all.variances();
        Matrix r = all.r;
        if (normalization == null || normalization.isDoScale()) {
            double[] inverseSd = new double[p];
            for (int j = 0; j < p; j++) {
                // a constant column stays zero, as daal4py's z-score leaves it
                inverseSd[j] = variances[j] > 0 ? 1 / Math.sqrt(variances[j]) : 0;
            }
            r = Dense.scaleColumns(r, inverseSd);
        }
        ThinSvd svd = ThinSvd.of(r, false);
        double[] s = svd.values();
        double[] values = new double[k];
        for (int i = 0; i < k; i++) {
            values[i] = doScale ? s[i] * s[i] / (all.n - 1) : s[i];
        }
        return result(values, svd.vt().rowRange(0, k), all.mean(), variances);
    }

    private PcaResult fromCovariance(CovarianceResult cov) {
        Matrix c = cov.covariance;
        int p = c.cols();
        int k = components(p);
        double[] variances = new double[p];
        for (int j = 0; j < p; j++) {
            variances[j] = c.get(j, j);
            if (!(variances[j] > 0)) {
                throw new IllegalArgumentException("pca: column " + j + " has zero variance; correlationDense needs"
                        + " every column to vary (svdDense accepts constant columns)");
            }
        }
        double[] inverseSd = new double[p];
        for (int j = 0; j < p; j++) {
            inverseSd[j] = 1 / Math.sqrt(variances[j]);
        }
        Matrix correlation = Dense.scaleColumns(Dense.scaleRows(c, inverseSd), inverseSd);
        SymmetricEigen eig = SymmetricEigen.of(correlation);
        return result(Arrays.copyOf(eig.values(), k), eig.vectors().rowRange(0, k), cov.mean.rowAt(0), variances);
    }

    private int components(int p) {
        if (nComponents > p) {
            throw new IllegalArgumentException("pca: nComponents " + nComponents + " exceeds the " + p + " columns");
        }
        return nComponents == 0 ? p : nComponents;
    }

    private PcaResult result(double[] values, Matrix vectors, double[] means, double[] variances) {
        Matrix v = isDeterministic ? Dense.scaleRows(vectors, Dense.largestEntryPositiveSigns(vectors)) : vectors;
        return new PcaResult(Matrix.row(values), v,
                resultsToCompute.contains("mean") ? Matrix.row(means) : null,
                resultsToCompute.contains("variance") ? Matrix.row(variances) : null,
                resultsToCompute.contains("eigenvalue"));
    }

    @Override
    public String toString() {
        return "pca(method=" + method + ", nComponents=" + nComponents + ", isDeterministic=" + isDeterministic
                + ", resultsToCompute=" + Arrays.toString(resultsToCompute.toArray()) + ")";
    }
}
