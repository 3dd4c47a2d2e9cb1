package daal4j.algorithms.kmeans;

import daal4j.algorithms.LocalRows;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * daal4py's {@code kmeans_init}: initial centroids by "defaultDense" (the first nClusters rows
 * of the global data, rank 0's first), "randomDense" (nClusters distinct rows drawn
 * uniformly), "plusPlusDense" (k-means++) or "parallelPlusDense" (k-means||). Distributed, ranks
 * exchange only candidate rows and weights; seeded draws are tied to global row positions, so
 * the result does not depend on the number of ranks or the split of rows.
 */
public final class KMeansInit {

    /** daal4py's default seed (of its default mt19937 engine). */
    public static final long DEFAULT_SEED = 777;

    private static final List<String> METHODS = List.of("defaultDense", "deterministicDense", "randomDense",
            "plusPlusDense", "parallelPlusDense", "defaultCSR", "deterministicCSR", "randomCSR", "plusPlusCSR",
            "parallelPlusCSR");

    private final int nClusters;
    private boolean distributed;
    private String method = "defaultDense";
    private int nTrials = 1;
    private long seed = DEFAULT_SEED;
    private double oversamplingFactor = 0.5;
    private int nRounds = 5;

    /** Initialization of {@code nClusters} centroids. */
    public KMeansInit(int nClusters) {
        if (nClusters < 1) {
            throw new IllegalArgumentException("nClusters must be at least 1, got " + nClusters);
        }
        this.nClusters = nClusters;
    }

    /** Runs across all ranks (daal4py's {@code distributed=True}). */
    public KMeansInit distributed(boolean on) {
        distributed = on;
        return this;
    }

    /**
     * defaultDense (= deterministicDense), randomDense, plusPlusDense or parallelPlusDense; on a
     * CsrMatrix their CSR twins defaultCSR (= deterministicCSR), randomCSR, plusPlusCSR, parallelPlusCSR.
     */
    public KMeansInit method(String name) {
        if (!METHODS.contains(name)) {
            throw new IllegalArgumentException("kmeansInit method '" + name + "' is not supported; use one of " + METHODS);
        }
        method = name;
        return this;
    }

    /** Candidates drawn per centroid by plusPlusDense and parallelPlusDense's last step; the best is kept (default 1). */
    public KMeansInit nTrials(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("nTrials must be at least 1, got " + n);
        }
        nTrials = n;
        return this;
    }

    /** Seed of the random methods (default 777, as daal4py's engine). */
    public KMeansInit seed(long value) {
        seed = value;
        return this;
    }

    /** parallelPlusDense: expected rows sampled per round, as a fraction of nClusters (default 0.5). */
    public KMeansInit oversamplingFactor(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("oversamplingFactor must be finite and > 0, got " + factor);
        }
        oversamplingFactor = factor;
        return this;
    }

    /** parallelPlusDense: number of sampling rounds (default 5). */
    public KMeansInit nRounds(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("nRounds must be at least 1, got " + n);
        }
        nRounds = n;
        return this;
    }

    /**
     * Initial centroids of {@code data} (Matrix, double[][], Table or CSV path; with a CSR method
     * a CsrMatrix or CSR file; this rank's rows when distributed).
     */
    public KMeansInitResult compute(Object data) {
        if (Sparse.method(method)) {
            return run(g -> Partition.ofCsr(g, () -> Sparse.rows(data, "kmeansInit", method, denseTwin(), 0),
                    (n, p) -> { }, nClusters));
        }
        return run(g -> Partition.of(g,
                () -> LocalRows.of(Sparse.dense(data, "kmeansInit", method, csrTwin()), "data", distributed),
                (n, p) -> { }, nClusters, checksOnReading()));
    }

    /** Initial centroids of this rank's file (CSV, or CSR with a CSR method): {@code pattern} with {@code {}} replaced by {@code id}. */
    public KMeansInitResult compute(String pattern, int id) {
        if (Sparse.method(method)) {
            return run(g -> Partition.ofCsr(g, () -> Inputs.csr(Inputs.perRank(pattern, id), "data"), (n, p) -> { },
                    nClusters));
        }
        return run(g -> Partition.of(g, () -> Inputs.matrix(Inputs.perRank(pattern, id), "data"), (n, p) -> { },
                nClusters, checksOnReading()));
    }

    /** Whether the values are checked on reading: k-means++ checks them in its first pass instead. */
    private boolean checksOnReading() {
        return !method.equals("plusPlusDense");
    }

    private String denseTwin() {
        return method.replace("CSR", "Dense");
    }

    private String csrTwin() {
        return method.replace("Dense", "CSR");
    }

    private KMeansInitResult run(Function<Group, Partition> rows) {
        if (denseTwin().equals("parallelPlusDense") && !(oversamplingFactor * nRounds > 1)) {
            throw new IllegalArgumentException(method + " needs oversamplingFactor * nRounds > 1, got "
                    + oversamplingFactor + " * " + nRounds);
        }
        Group g = Group.of(distributed);
        Partition part = rows.apply(g);
        Seeding s = new Seeding(g, part, nClusters, seed, nTrials);
        Matrix c = switch (denseTwin()) {
            case "randomDense" -> s.random();
            case "plusPlusDense" -> s.plusPlus();
            case "parallelPlusDense" -> s.parallelPlus(oversamplingFactor, nRounds);
            default -> s.first();
        };
        return new KMeansInitResult(c);
    }

    /** Number of clusters. */
    public int nClusters() {
        return nClusters;
    }

    /** The method name. */
    public String method() {
        return method;
    }

    /** Whether running across all ranks. */
    public boolean isDistributed() {
        return distributed;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "kmeansInit(nClusters=%d, method=%s, nTrials=%d, seed=%d, oversamplingFactor=%g,"
                + " nRounds=%d, distributed=%s)", nClusters, method, nTrials, seed, oversamplingFactor, nRounds, distributed);
    }
}
