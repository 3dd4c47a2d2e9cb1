package daal4j.algorithms.pca;

import daal4j.algorithms.ChunkedCompute;
import daal4j.algorithms.Summary;
import daal4j.algorithms.summaries.CenteredR;
import daal4j.algorithms.summaries.CrossProducts;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import daal4j.linalg.Signs;
import daal4j.linalg.SymmetricEigen;
import daal4j.linalg.ThinSvd;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Principal component analysis (daal4py's {@code pca}), batch, distributed, streaming (which
 * daal4py's pca has not: {@code compute} per chunk, then {@code finalizeCompute()}) or both.
 *
 * <p>correlationDense: the covariance of all rows (the centered cross-products' stable merge
 * across chunks and ranks, see {@link CrossProducts}), scaled to the correlation matrix, then its eigenpairs (LAPACK dsyevr).
 *
 * <p>svdDense: the tall-and-skinny QR of the centered data (merged exactly across ranks, see
 * {@link CenteredR}), its columns scaled by 1/sd unless {@code normalization} says centering
 * only, then the SVD of that small R. As daal4py, its {@code eigenvalues} are the singular
 * values of the normalized data, or their squares over n - 1 with {@code doScale(true)}.
 *
 * <p>isDeterministic(true) applies daal4py's sign flip: each eigenvector's largest-magnitude
 * entry is positive. Otherwise the signs are the solver's.
 */
public final class Pca implements ChunkedCompute<PcaResult> {

    private static final List<String> METHODS = List.of("correlationDense", "svdDense");
    private static final List<String> RESULTS = List.of("mean", "variance", "eigenvalue");

    private String method = "correlationDense";
    private int nComponents;
    private boolean isDeterministic;
    private boolean doScale;
    private NormalizationZscore normalization;
    private Set<String> resultsToCompute = Set.of();
    private boolean distributed;
    private boolean streaming;
    /** Streaming: the summary stage of the chunks given since the last finalize; null before the first. */
    private Stage<?> chunks;
    /** The stage a running {@link #computeChunks} feeds: compute hands it each chunk. */
    private Stage<?> feeding;

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

    /** Accumulates chunks over {@code compute} calls until {@link #finalizeCompute()}. */
    public Pca streaming(boolean on) {
        if (chunks != null) {
            throw new IllegalStateException("cannot switch streaming while chunks are pending");
        }
        streaming = on;
        return this;
    }

    /** Whether this accumulates chunks. */
    public boolean isStreaming() {
        return streaming;
    }

    /** The method in use. */
    public String method() {
        return method;
    }

    /**
     * The principal components of {@code data} (this rank's rows when distributed); in
     * streaming mode adds the chunk and returns null.
     */
    public PcaResult compute(Object data) {
        if (feeding != null) {
            feeding.compute(data);
            return null;
        }
        if (streaming) {
            pending().compute(data);
            return null;
        }
        return from(stage().compute(data));
    }

    /**
     * The principal components of all chunks given to {@code compute} since the last finalize
     * (streaming mode); collective when distributed. Equals {@code compute} of all rows at once
     * up to the rounding of merging the chunks' summaries.
     */
    public PcaResult finalizeCompute() {
        if (!streaming) {
            throw new IllegalStateException("finalizeCompute() is for streaming mode; call streaming(true) first");
        }
        // with no chunk, an empty stage still joins the collective and fails there, on every rank alike
        Stage<?> all = chunks == null ? stage().streaming(true) : chunks.distributed(distributed);
        chunks = null;
        return from(all.finalizeCompute());
    }

    /**
     * The principal components of this rank's rows given as consecutive chunks: {@code feed}
     * hands each chunk (a Matrix, double[][], Table or CSV path) to the consumer it is given,
     * once per chunk in row order (the Python bridge computes on an array while reading it). The
     * result equals one {@link #compute} of all rows up to the rounding of merging the chunks'
     * summaries (see {@link daal4j.algorithms.Algorithm#computeChunks}).
     */
    public PcaResult computeChunks(Consumer<Consumer<Object>> feed) {
        return computeChunks(() -> feed.accept(this::compute));
    }

    @Override
    public PcaResult computeChunks(Runnable feed) {
        if (feeding != null) {
            throw new IllegalStateException("pca: computeChunks inside computeChunks");
        }
        // streaming: the chunks join the pending ones (none of them if one fails)
        Stage<?> s = streaming ? pending() : stage();
        feeding = s;
        try {
            var r = s.computeChunks(feed);
            return streaming ? null : from(r);
        } finally {
            feeding = null;
        }
    }

    /**
     * The principal components of rows summarized elsewhere, as {@link #compute} of those rows
     * gives them: {@code encoded} is their summary in the method's encoded form (for
     * correlationDense the cross-products summary, which the Python bridge computes on numpy's
     * memory). Batch, distributed or streaming as compute.
     */
    public PcaResult computeSummary(double[] encoded) {
        Stage<?> s = streaming ? pending() : stage();
        Summary<?> all = s.computeSummary(encoded);
        return streaming ? null : from(all);
    }

    /** The principal components of this rank's file: {@code pattern} with {@code {}} replaced by {@code id}. */
    public PcaResult compute(String pattern, int id) {
        return compute(Inputs.perRank(pattern, id));
    }

    /** A fresh first stage of the method in use. */
    private Stage<?> stage() {
        Stage<?> s = method.equals("svdDense") ? Stage.centeredR() : Stage.crossProducts();
        return s.distributed(distributed);
    }

    /** The streaming stage of the chunks so far, begun by the first chunk with the method then in use. */
    private Stage<?> pending() {
        if (chunks == null) {
            chunks = stage().streaming(true);
        }
        return chunks.distributed(distributed);
    }

    private PcaResult from(Summary<?> all) {
        return all instanceof CenteredR r ? fromSvd(r) : fromCovariance((CrossProducts) all);
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
            r = r.scaleColumns(inverseSd);
        }
        ThinSvd svd = ThinSvd.of(r, false);
        double[] s = svd.values();
        double[] values = new double[k];
        for (int i = 0; i < k; i++) {
            values[i] = doScale ? s[i] * s[i] / (all.n - 1) : s[i];
        }
        return result(values, svd.vt().rowRange(0, k), all.mean(), variances);
    }

    private PcaResult fromCovariance(CrossProducts all) {
        if (all.n < 2) {
            throw new IllegalArgumentException("pca: needs at least 2 rows in all, got " + all.n);
        }
        int p = all.p;
        double[] covariance = all.centered();
        double d = all.n - 1;
        for (int i = 0; i < covariance.length; i++) {
            covariance[i] /= d;
        }
        Matrix c = Matrix.wrap(p, p, covariance);
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
        Matrix correlation = c.scaleRows(inverseSd).scaleColumns(inverseSd);
        SymmetricEigen eig = SymmetricEigen.of(correlation);
        return result(Arrays.copyOf(eig.values(), k), eig.vectors().rowRange(0, k), all.mean(), variances);
    }

    private int components(int p) {
        if (nComponents > p) {
            throw new IllegalArgumentException("pca: nComponents " + nComponents + " exceeds the " + p + " columns");
        }
        return nComponents == 0 ? p : nComponents;
    }

    private PcaResult result(double[] values, Matrix vectors, double[] means, double[] variances) {
        Matrix v = isDeterministic ? vectors.scaleRows(Signs.largestEntryPositiveSigns(vectors)) : vectors;
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
