package daal4j.algorithms.kmeans;

import daal4j.algorithms.Fold;
import daal4j.data.Matrix;
import daal4j.linalg.Distances;
import daal4j.linalg.NearestScratch;
import java.util.Arrays;

/**
 * Lloyd's iterations over this rank's rows, as daal4py's batch kmeans defines them: assign
 * every row to its nearest centroid, move each centroid to its rows' mean (one sum over ranks
 * per iteration), give an empty cluster the row farthest from its centroid, stop after
 * maxIterations or once the centroids moved less than accuracyThreshold (sum of squared shifts).
 * The local per-cluster sums are kept between iterations and only the rows whose nearest
 * centroid changed move between them (after a few iterations few do); they are recomputed
 * from all rows once as many rows have moved as there are (see {@link #movedSinceFresh}).
 *
 * <p>Once the centroids settle (a step moves fewer than {@value #SETTLED} of the rows), the
 * steps skip most distances with Hamerly's bounds ({@link Bounds}), which give exactly Lloyd's
 * labels: per row an upper bound on the distance to its centroid and a lower bound on the
 * distance to any other, moved by the centroids' drifts after each update. A row whose bounds
 * (with a margin for the rounding of the expanded distance form) prove that the search would
 * pick its centroid again keeps it without a distance; the others get all k distances through
 * the block kernel. Drifts come from the global centroids, so no rank needs anything from
 * another. Where the bounds do not pay (see {@link #TRIAL}) the plain steps carry on.
 */
final class Lloyd {

    /** Values of the distance block each BLAS call fills (rows x clusters). */
    private static final int BLOCK_VALUES = 1 << 16;


    /**
     * Bounds start once a plain step moves fewer than this fraction of the rows: while the
     * centroids still move far, hardly any row keeps provable bounds and setting them up (a
     * full search that also finds the second-nearest centroid) costs more than a plain step.
     */
    private static final double SETTLED = 0.01;

    /**
     * Bounds get this many steps after their first; a later step that still searches more than
     * half of this rank's rows ends them for the run (data without cluster structure, where the
     * nearest and second-nearest centroids stay close: there the bounds cost more than they
     * save). Each rank decides for itself: the labels are the same either way.
     */
    private static final int TRIAL = 2;

    private final Group g;
    private final Partition part;
    private final int k;
    private final int p;
    private final int block;
    private final int[] labels;
    private double[] dist;
    private final NearestScratch scratch;
    /** The local rows under their clusters in labels: counts, then sums (k x p). */
    private final double[] held;
    /**
     * Whether the steps may use bounds (false: every distance every step, the plain
     * reference); turned off for the rest of a run where they do not pay (see {@link #TRIAL}).
     */
    private boolean bounded;
    /** Whether the bounds are running (from the first step that moved few rows on). */
    private boolean bounding;
    /** Bounds from the first step on, never given up (tests: bounds under large drifts). */
    private final boolean eager;
    /** The bounds' state, null until the first bounded step; see {@link Bounds}. */
    private Bounds bounds;
    private int boundedSteps;
    /**
     * Whether dist holds, from this iteration's plain step, each row's distance to its nearest
     * centroid minus the row's squared norm (what a reseed needs, without a second search).
     */
    private boolean leastInDist;
    /**
     * Rows moved between the sums since they were last recomputed from all rows: once as many
     * rows have moved as there are, the next step recomputes them, so the rounding of the moves
     * (which grows with their number, not with the iterations) stays within a few times that of
     * one summation of all rows.
     */
    private long movedSinceFresh;

    /**
     * Lloyd's steps over {@code part}; {@code bounded}: bounds where they pay, {@code eager}:
     * bounds on every step (false, false: every distance every step).
     */
    Lloyd(Group g, Partition part, int k, boolean bounded, boolean eager) {
        this.g = g;
        // the bounds keep dense rows' state: CSR rows take the plain steps (the same labels)
        this.bounded = (bounded || eager) && !part.sparse();
        this.eager = eager && !part.sparse();
        this.bounding = this.eager;
        this.part = part;
        this.k = k;
        this.p = part.p;
        this.block = Math.max(16, Math.min(4096, BLOCK_VALUES / k));
        this.labels = new int[part.n];
        this.scratch = new NearestScratch(block, k);
        this.held = new double[k + k * p];
        this.bounds = this.eager ? new Bounds(part, k, block) : null;
    }

    /** Runs the iterations from {@code start} (k x p) and evaluates what {@code kmeans} asks for. */
    KMeansResult run(Matrix start, KMeans params) {
        double[] c = start.toRowMajor();
        int iterations = 0;
        // a listener sees each iteration's objective, which needs every row's distance
        boolean perRow = params.listener() != null;
        while (iterations < params.maxIterations()) {
            double[] partial = new double[k + k * p + 1];
            leastInDist = false;
            boolean fresh = iterations == 0 || movedSinceFresh >= part.n;
            int moved = 0;
            if (perRow) {
                partial[k + k * p] = assign(c, partial);
            } else if (bounding) {
                int searched = bounds.step(c, labels, held, fresh, scratch);
                moved = bounds.moved();
                System.arraycopy(held, 0, partial, 0, held.length);
                boundedSteps++;
                if (!eager && boundedSteps > TRIAL && 2L * searched > part.n) {
                    // labels and held are those of the plain step: it carries on from them
                    bounding = false;
                    bounded = false;
                }
            } else {
                moved = step(c, partial, fresh);
                leastInDist = true;
                if (bounded && !fresh && moved < SETTLED * part.n) {
                    bounds = new Bounds(part, k, block);
                    bounding = true;
                }
            }
            movedSinceFresh = fresh ? 0 : movedSinceFresh + moved;
            double[] all = Fold.acrossRanks(g.comm(), () -> new ClusterSums(k, p, partial),
                    ClusterSums.decoder(k, p)).values;
            double[] next = new double[k * p];
            int empty = 0;
            for (int l = 0; l < k; l++) {
                if (all[l] > 0) {
                    for (int j = 0; j < p; j++) {
                        next[l * p + j] = all[k + l * p + j] / all[l];
                    }
                } else {
                    empty++;
                }
            }
            if (empty > 0) {
                if (leastInDist) {
                    // the plain step's search left each row's distance up to its norm in dist
                    double[] xNorms = part.norms();
                    for (int i = 0; i < part.n; i++) {
                        dist[i] = Math.max(0.0, xNorms[i] + dist[i]);
                    }
                } else if (!perRow) {
                    // the distances to this iteration's centroids (rare: a cluster emptied); the
                    // labels it writes are the ones the step just chose (the same search)
                    assign(c, null);
                }
                reseed(next, all, empty);
            }
            double shift = 0;
            for (int i = 0; i < next.length; i++) {
                double d = next[i] - c[i];
                shift += d * d;
            }
            c = next;
            iterations++;
            if (params.listener() != null) {
                params.listener().onIteration(iterations, all[k + k * p]);
            }
            if (params.accuracyThreshold() > 0 && shift < params.accuracyThreshold()) {
                break;
            }
        }
        Matrix centroids = Matrix.wrap(k, p, c);
        Matrix assignments = null;
        double objective = Double.NaN;
        if (params.wantsAssignments() || params.wantsObjective()) {
            double local = finalPass(c, params.wantsObjective());
            if (params.wantsAssignments()) {
                double[] a = new double[part.n];
                for (int i = 0; i < part.n; i++) {
                    a[i] = labels[i];
                }
                assignments = Matrix.wrap(part.n, 1, a);
            }
            if (params.wantsObjective()) {
                objective = g.sum(new double[] {local})[0];
            }
        }
        return new KMeansResult(centroids, assignments, objective, iterations);
    }

    /**
     * Gives the empty clusters, in index order, the rows farthest from their nearest centroid
     * (farthest first, over all ranks), as daal4py does; the clusters those rows belong to
     * keep them in their means.
     */
    private void reseed(double[] next, double[] all, int empty) {
        Candidates far = Candidates.best(g, part, new double[][] {dist}, empty, true)[0];
        int used = 0;
        for (int l = 0; l < k; l++) {
            if (all[l] == 0) {
                System.arraycopy(far.values, used * p, next, l * p, p);
                used++;
            }
        }
    }

    /**
     * One Lloyd step over the local rows: every row under its nearest centroid in {@code
     * held}, then held into {@code partial} (counts then sums). Only rows whose cluster changed
     * move, block by block while the block is in cache; {@code fresh} first empties held.
     * Each row's distance to its centroid minus its squared norm goes into dist (for a reseed).
     * Returns the number of rows that moved (all of them when fresh).
     */
    private int step(double[] c, double[] partial, boolean fresh) {
        if (fresh) {
            Arrays.fill(held, 0.0);
            Arrays.fill(labels, -1);
        }
        double[] cNorms = new double[k];
        Distances.squaredRowNorms(c, p, 0, k, cNorms);
        if (dist == null) {
            dist = new double[part.n];
        }
        int moved = 0;
        double[] ct = part.prepare(c, k);
        for (int from = 0; from < part.n; from += block) {
            int to = Math.min(part.n, from + block);
            if (ct == null) {
                moved += ClusterMoves.moveToNearest(part.x, p, from, to, c, k, cNorms, labels, held, dist, scratch);
            } else {
                moved += moveToNearestCsr(from, to, ct, cNorms);
            }
        }
        for (int l = 0; l < k; l++) {
            if (held[l] == 0) {
                // a cluster that lost all its rows keeps no rounding residue of their sum
                Arrays.fill(held, k + l * p, k + l * p + p, 0.0);
            }
        }
        System.arraycopy(held, 0, partial, 0, held.length);
        return moved;
    }

    /** {@link ClusterMoves#moveToNearest} (with dist as its least) on CSR rows [from, to): their non-zeros move. */
    private int moveToNearestCsr(int from, int to, double[] ct, double[] cNorms) {
        part.nearestInBlock(from, to, null, ct, k, cNorms, scratch);
        System.arraycopy(scratch.least(), 0, dist, from, to - from);
        int[] nearest = scratch.labels();
        int moved = 0;
        for (int i = from; i < to; i++) {
            int l = nearest[i - from];
            int old = labels[i];
            if (l != old) {
                moved++;
                labels[i] = l;
                part.moveRow(i, old, l, k, held);
            }
        }
        return moved;
    }

    /**
     * Nearest centroid of every local row into labels and dist, block by block through BLAS;
     * when {@code partial} is given, also adds each row to its cluster's count (partial[l])
     * and sum (partial[k + l p ...]) while the block is in cache. Returns the sum of dist.
     */
    private double assign(double[] c, double[] partial) {
        if (dist == null) {
            dist = new double[part.n];
        }
        double[] cNorms = new double[k];
        Distances.squaredRowNorms(c, p, 0, k, cNorms);
        double goal = 0;
        double[] ct = part.prepare(c, k);
        for (int from = 0; from < part.n; from += block) {
            int to = Math.min(part.n, from + block);
            part.nearest(from, to, c, ct, k, cNorms, labels, dist, scratch);
            if (partial == null) {
                for (int i = from; i < to; i++) {
                    goal += dist[i];
                }
            } else {
                for (int i = from; i < to; i++) {
                    goal += dist[i];
                    int l = labels[i];
                    if (part.sparse()) {
                        part.moveRow(i, -1, l, k, partial); // counts the row, adds its non-zeros
                        continue;
                    }
                    partial[l] += 1;
                    int s = k + l * p;
                    int o = i * p;
                    for (int j = 0; j < p; j++) {
                        partial[s + j] += part.x[o + j];
                    }
                }
            }
        }
        return goal;
    }

    /**
     * Every local row's nearest final centroid into labels and, when {@code objective}, the
     * sum of the rows' squared distances to it, computed directly (not from the expanded
     * form, which loses digits far from the origin), added in row order. While the bounds run,
     * the labels come from one more bounded step (the same labels as the full search).
     */
    private double finalPass(double[] c, boolean objective) {
        double[] cNorms = new double[k];
        Distances.squaredRowNorms(c, p, 0, k, cNorms);
        if (bounding) {
            // the step moves rows between sums that are no longer needed: a copy takes them
            bounds.step(c, labels, held.clone(), false, scratch);
        } else {
            double[] ct = part.prepare(c, k);
            for (int from = 0; from < part.n; from += block) {
                int to = Math.min(part.n, from + block);
                part.nearestInBlock(from, to, c, ct, k, cNorms, scratch);
                System.arraycopy(scratch.labels(), 0, labels, from, to - from);
            }
        }
        double sum = 0;
        if (objective) {
            double[] d = new double[block];
            for (int from = 0; from < part.n; from += block) {
                int to = Math.min(part.n, from + block);
                part.squaredDistancesToLabelled(from, to, c, cNorms, labels, d);
                for (int i = 0; i < to - from; i++) {
                    sum += d[i];
                }
            }
        }
        return sum;
    }
}
