package daal4j.algorithms.kmeans;

import daal4j.algorithms.LocalRows;
import daal4j.data.CsrMatrix;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * daal4py's {@code kmeans}: Lloyd's algorithm from given centroids. Batch, or distributed over
 * all ranks (each rank gives its own rows; every rank gets the centroids, the objective and
 * the assignments of its own rows).
 *
 * <p>Semantics are daal4py 2024.7.0's batch ones, in both modes (so 1 or N ranks agree): each
 * iteration assigns every row to its nearest centroid (lowest index on ties) and moves each
 * centroid to its rows' mean; an empty cluster takes the row farthest from its nearest
 * centroid (farthest first, empty clusters in index order; the donor cluster keeps the row in
 * its mean); with accuracyThreshold &gt; 0 the run stops after the first iteration whose sum
 * of squared centroid shifts is below it. {@code nIterations} counts the iterations run;
 * {@code objectiveFunction} and {@code assignments} are for the final centroids. Two
 * deliberate differences: daal4py's batch kernel compares the first iteration's shift with
 * uninitialized memory (its stopping then varies from call to call), and daal4py's distributed
 * mode stops once the objective changes by at most accuracyThreshold (with the default 0 it
 * stops one iteration after convergence and reports fewer iterations); daal4j applies the
 * batch rule everywhere. Centroids and objective agree with both at convergence.
 *
 * <p>"lloydCSR" runs the same iterations on CSR rows (a {@link CsrMatrix}): distances are
 * ||x||^2 - 2 x.c + ||c||^2 with x.c over each row's non-zeros, the cluster sums add the
 * non-zeros; the centroids are dense. The results equal "defaultDense" on the dense rows.
 * daal4py's lloydCSR gives the same centroids and assignments, but its objectiveFunction sums
 * (x_j - c_j)^2 over each row's non-zeros only; daal4j's is the sum of squared distances, as
 * the dense method's.
 */
public final class KMeans {

    private static final Set<String> RESULTS = Set.of("computeCentroids", "computeAssignments",
            "computeExactObjectiveFunction");

    private final int nClusters;
    private final int maxIterations;
    private boolean distributed;
    private String method = "defaultDense";
    private double accuracyThreshold = 0.0;
    private double gamma = 1.0;
    private boolean assignFlag = false;
    private Set<String> resultsToEvaluate = new TreeSet<>(RESULTS);
    private IterationListener listener;
    private boolean bounds = true;
    private boolean eagerBounds;

    /** Lloyd's k-means with {@code nClusters} clusters and at most {@code maxIterations} iterations. */
    public KMeans(int nClusters, int maxIterations) {
        if (nClusters < 1) {
            throw new IllegalArgumentException("nClusters must be at least 1, got " + nClusters);
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("maxIterations must be at least 0, got " + maxIterations);
        }
        this.nClusters = nClusters;
        this.maxIterations = maxIterations;
    }

    /** Runs across all ranks (daal4py's {@code distributed=True}). */
    public KMeans distributed(boolean on) {
        distributed = on;
        return this;
    }

    /** The method: "defaultDense" (= "lloydDense") on dense data, or "lloydCSR" on a CsrMatrix (or CSR file). */
    public KMeans method(String name) {
        if (!name.equals("defaultDense") && !name.equals("lloydDense") && !name.equals("lloydCSR")) {
            throw new IllegalArgumentException("kmeans method '" + name
                    + "' is not supported; use \"defaultDense\" (Lloyd on dense data) or \"lloydCSR\" (on a CsrMatrix)");
        }
        method = name;
        return this;
    }

    /**
     * Stops once the sum of squared centroid shifts of an iteration is below this (daal4py's
     * batch rule); 0 (default) runs all maxIterations.
     */
    public KMeans accuracyThreshold(double threshold) {
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("accuracyThreshold must be finite and >= 0, got " + threshold);
        }
        accuracyThreshold = threshold;
        return this;
    }

    /** Weight of categorical features (daal4py's gamma); kept for parity, dense Lloyd ignores it as daal4py does. */
    public KMeans gamma(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("gamma must be finite and >= 0, got " + value);
        }
        gamma = value;
        return this;
    }

    /** Also computes each row's cluster (daal4py's assignFlag); works in distributed mode too. */
    public KMeans assignFlag(boolean on) {
        assignFlag = on;
        return this;
    }

    /**
     * Which results to compute, daal4py style: "computeCentroids|computeAssignments|computeExactObjectiveFunction"
     * (the default is all three).
     */
    public KMeans resultsToEvaluate(String flags) {
        Set<String> chosen = new TreeSet<>();
        for (String f : flags.split("\\|")) {
            String t = f.trim();
            if (!RESULTS.contains(t)) {
                throw new IllegalArgumentException("resultsToEvaluate: unknown '" + t + "'; use " + String.join("|", new TreeSet<>(RESULTS)));
            }
            chosen.add(t);
        }
        resultsToEvaluate = chosen;
        return this;
    }

    /**
     * Whether the steps skip distances with bounds (the default; the same results) or compute
     * every distance every step (the plain reference the tests compare the bounds against).
     */
    KMeans bounds(boolean on) {
        bounds = on;
        return this;
    }

    /** Bounds on every step from the first, never given up (tests: bounds under large drifts). */
    KMeans eagerBounds() {
        eagerBounds = true;
        return this;
    }

    /** Calls {@code l} after every iteration on every rank (e.g. to show progress). */
    public KMeans onIteration(IterationListener l) {
        listener = l;
        return this;
    }

    /**
     * Clusters {@code data} (Matrix, double[][], Tablesaw Table or CSV path; with "lloydCSR" a
     * CsrMatrix or CSR file; this rank's rows when distributed) starting from {@code
     * inputCentroids} (nClusters x p, dense).
     */
    public KMeansResult compute(Object data, Object inputCentroids) {
        if (Sparse.method(method)) {
            return computeCsr(() -> Sparse.rows(data, "kmeans", method, "defaultDense", width(inputCentroids)),
                    inputCentroids);
        }
        return compute(() -> LocalRows.of(Sparse.dense(data, "kmeans", method, "lloydCSR"), "data", distributed),
                inputCentroids);
    }

    /** Clusters this rank's file (CSV, or CSR with "lloydCSR"): {@code pattern} with {@code {}} replaced by {@code id}. */
    public KMeansResult compute(String pattern, int id, Object inputCentroids) {
        if (Sparse.method(method)) {
            return computeCsr(() -> Sparse.rows(Inputs.perRank(pattern, id), "kmeans", method, "defaultDense",
                    width(inputCentroids)), inputCentroids);
        }
        return compute(() -> Inputs.matrix(Inputs.perRank(pattern, id), "data"), inputCentroids);
    }

    private KMeansResult compute(Supplier<Matrix> read, Object inputCentroids) {
        Group g = Group.of(distributed);
        Matrix[] start = new Matrix[1];
        Partition part = Partition.of(g, read, (n, p) -> start[0] = checkCentroids(inputCentroids, n, p), nClusters);
        return run(g, part, start[0]);
    }

    private KMeansResult computeCsr(Supplier<CsrMatrix> read, Object inputCentroids) {
        Group g = Group.of(distributed);
        Matrix[] start = new Matrix[1];
        Partition part = Partition.ofCsr(g, read, (n, p) -> start[0] = checkCentroids(inputCentroids, n, p), nClusters);
        return run(g, part, start[0]);
    }

    private KMeansResult run(Group g, Partition part, Matrix start) {
        if (start.cols() != part.p) {
            // a rank without rows could not check the width itself
            throw new IllegalArgumentException("inputCentroids have " + start.cols() + " columns, the data has " + part.p);
        }
        return new Lloyd(g, part, nClusters, bounds, eagerBounds).run(start, this);
    }

    /**
     * The width a CSR file is read at: the centroids' (a file has no width of its own, and a
     * rank's part may miss the last columns; an index past it is then named as such).
     */
    private static int width(Object inputCentroids) {
        return Inputs.matrix(inputCentroids, "inputCentroids").cols();
    }

    private Matrix checkCentroids(Object inputCentroids, int rows, int cols) {
        Matrix c = Inputs.requireFinite(Inputs.matrix(inputCentroids, "inputCentroids"), "inputCentroids");
        if (c.rows() != nClusters) {
            throw new IllegalArgumentException("inputCentroids have " + c.rows() + " rows, nClusters is " + nClusters);
        }
        if (rows > 0 && c.cols() != cols) {
            throw new IllegalArgumentException("inputCentroids have " + c.cols() + " columns, the data has " + cols);
        }
        return c;
    }

    /** Number of clusters. */
    public int nClusters() {
        return nClusters;
    }

    /** Maximum number of iterations. */
    public int maxIterations() {
        return maxIterations;
    }

    /** The method name. */
    public String method() {
        return method;
    }

    /** The stopping threshold on the sum of squared centroid shifts. */
    public double accuracyThreshold() {
        return accuracyThreshold;
    }

    /** The categorical weight (unused by dense Lloyd). */
    public double gamma() {
        return gamma;
    }

    /** Whether running across all ranks. */
    public boolean isDistributed() {
        return distributed;
    }

    /** Whether assignments are computed (assignFlag or resultsToEvaluate). */
    boolean wantsAssignments() {
        return assignFlag || resultsToEvaluate.contains("computeAssignments");
    }

    /** Whether the objective is computed. */
    boolean wantsObjective() {
        return resultsToEvaluate.contains("computeExactObjectiveFunction");
    }

    IterationListener listener() {
        return listener;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "kmeans(nClusters=%d, maxIterations=%d, method=%s, accuracyThreshold=%g, distributed=%s)",
                nClusters, maxIterations, method, accuracyThreshold, distributed);
    }
}
