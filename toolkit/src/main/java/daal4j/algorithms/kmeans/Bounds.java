package daal4j.algorithms.kmeans;

import daal4j.linalg.Distances;
import daal4j.linalg.NearestScratch;
import java.util.Arrays;

/**
 * Hamerly's bounds for Lloyd's steps on this rank's rows: per row an upper bound on the
 * distance to its centroid and a lower bound on the distance to every other centroid, moved
 * by the centroids' drifts after each update, so that most rows keep their cluster without a
 * distance computed. The labels come out exactly as the plain search picks them: a row is
 * skipped only when its bounds, widened by the rounding error of the expanded form
 * ||x||^2 - 2 x.c + ||c||^2 the search uses (large far from the origin), prove that the search
 * would return its centroid again; every other row gets all k distances through
 * {@link daal4j.linalg.Distances#nearestTwo}, gathered into blocks. The bounds are on exact distances between
 * the stored doubles, each widened for the rounding of its own computation.
 */
final class Bounds {

    /** Unit roundoff of doubles. */
    private static final double EPS = Math.ulp(1.0) / 2;

    private final Partition part;
    private final int k;
    private final int p;
    private final int block;
    /**
     * Rounding error of a squared distance by the expanded form, per unit of ||x||^2 +
     * max ||c||^2: the dot product and the norms each err by at most p eps of that, the sums
     * by a few eps more; doubled for safety.
     */
    private final double unitError;
    /** Relative error of a distance computed directly (differences, squares, sum, root). */
    private final double directError;
    /**
     * Each row's upper bound on the distance to its centroid a, less grown[a] (at least): the
     * bound now is upper[i] + grown[a], so a step moves no row's bound, only grown.
     */
    private final double[] upper;
    /** Each row's lower bound on the distance to any other centroid, plus shrunk[a] (at most). */
    private final double[] lower;
    /**
     * Per centroid, the sum of its drifts so far, rounded up: what the upper bounds of its rows
     * have grown by since the start (a row's bound stores the sum when it was set).
     */
    private final double[] grown;
    /**
     * Per centroid, the sum so far of the largest drift of the other centroids, rounded up:
     * what the lower bounds of its rows have shrunk by since the start.
     */
    private final double[] shrunk;
    /** Per block of rows, the largest squared row norm (for the rounding error of the test). */
    private final double[] blockNorm;
    /** The centroids of the previous step, null before the first. */
    private double[] previous;
    /** Rows gathered for the full search: their values, indices and results. */
    private final double[] gx;
    private final int[] gi;
    /** The rows of a block whose bounds did not settle them. */
    private final int[] openRows;
    private final int[] gl;
    private final double[] gmin;
    private final double[] gsecond;
    private int gathered;
    /** Rows whose label the last step changed. */
    private int moved;

    Bounds(Partition part, int k, int block) {
        this.part = part;
        this.k = k;
        this.p = part.p;
        this.block = block;
        this.unitError = (4.0 * p + 16) * EPS;
        this.directError = (p + 4) * EPS;
        this.upper = new double[part.n];
        this.lower = new double[part.n];
        this.grown = new double[k];
        this.shrunk = new double[k];
        double[] xNorms = part.norms();
        this.blockNorm = new double[(part.n + block - 1) / block];
        for (int i = 0; i < part.n; i++) {
            blockNorm[i / block] = Math.max(blockNorm[i / block], xNorms[i]);
        }
        this.gx = new double[block * p];
        this.gi = new int[block];
        this.openRows = new int[block];
        this.gl = new int[block];
        this.gmin = new double[block];
        this.gsecond = new double[block];
    }

    /**
     * One Lloyd step against centroids {@code c} (k x p): every row's nearest centroid into
     * {@code labels}, with the rows whose cluster changed moved between the counts and sums of
     * {@code held} (layout of {@link ClusterMoves#moveRow}); {@code fresh} recomputes held from all
     * rows instead, in row order. The first step searches every row. Returns the number of rows
     * searched.
     */
    int step(double[] c, int[] labels, double[] held, boolean fresh, NearestScratch scratch) {
        // labels and held agree before any step but a fresh one (the plain steps before the
        // bounds keep them so): rows move between the sums in row order, as the plain step moves
        // them, so that the sums round the same way
        boolean rebuild = fresh;
        moved = 0;
        double[] cNorms = new double[k];
        Distances.squaredRowNorms(c, p, 0, k, cNorms);
        double cMax = 0;
        for (double v : cNorms) {
            cMax = Math.max(cMax, v);
        }
        double[] xNorms = part.norms();
        double[] x = part.x;
        int searched = 0;
        if (previous == null) {
            searched = part.n;
            for (int from = 0; from < part.n; from += block) {
                int to = Math.min(part.n, from + block);
                Distances.nearestTwo(x, p, from, to, c, k, cNorms, gl, gmin, gsecond, scratch);
                for (int s = 0; s < to - from; s++) {
                    settle(from + s, gl[s], gmin[s], gsecond[s], xNorms, cMax, labels, held, rebuild);
                }
            }
        } else {
            double[] drift = new double[k];
            int far = 0;
            for (int l = 0; l < k; l++) {
                drift[l] = direct(c, l * p, previous, l * p);
                if (drift[l] > drift[far]) {
                    far = l;
                }
            }
            double farDrift = drift[far];
            double nextDrift = 0;
            for (int l = 0; l < k; l++) {
                if (l != far) {
                    nextDrift = Math.max(nextDrift, drift[l]);
                }
            }
            for (int l = 0; l < k; l++) {
                // the triangle inequality: sums rounded up, so each covers the exact sum of drifts
                grown[l] = Math.nextUp(grown[l] + drift[l]);
                shrunk[l] = Math.nextUp(shrunk[l] + (l == far ? nextDrift : farDrift));
            }
            double[] half = halfGaps(c);
            for (int from = 0; from < part.n; from += block) {
                int to = Math.min(part.n, from + block);
                double err = unitError * (blockNorm[from / block] + cMax);
                // the bounds of the block's rows first, a test per row without a branch; the
                // bounds are read, not written (the sums per centroid moved them)
                int open = 0;
                for (int i = from; i < to; i++) {
                    int a = labels[i];
                    // rounded outwards: the exact sums are non-negative, so the rounding of the
                    // addition is relative to the result
                    // compares, not Math.max, whose NaN and -0.0 rules cost more (a NaN here
                    // only leaves the row to the search)
                    double u = (upper[i] + grown[a]) * (1 + 4 * EPS);
                    double lo = (lower[i] - shrunk[a]) * (1 - 4 * EPS);
                    double gap = (2 * half[a] - u) * (1 - 4 * EPS);
                    boolean shut = proves(u, gap > lo ? gap : lo, err);
                    openRows[open] = i;
                    open += shut ? 0 : 1;
                }
                if (2 * open > to - from) {
                    // most rows need the search: the block in place beats gathering it (after
                    // the rows gathered before, so rows move between the sums in row order)
                    flush(c, cNorms, cMax, labels, held, rebuild, scratch);
                    Distances.nearestTwo(x, p, from, to, c, k, cNorms, gl, gmin, gsecond, scratch);
                    for (int s = 0; s < to - from; s++) {
                        settle(from + s, gl[s], gmin[s], gsecond[s], xNorms, cMax, labels, held, rebuild);
                    }
                    searched += to - from;
                    continue;
                }
                // a few rows: gathered into a block of their own (measured: one exact distance
                // per row first, Hamerly's tightening, saved less than it cost)
                for (int o = 0; o < open; o++) {
                    int i = openRows[o];
                    System.arraycopy(x, i * p, gx, gathered * p, p);
                    gi[gathered++] = i;
                    if (gathered == block) {
                        flush(c, cNorms, cMax, labels, held, rebuild, scratch);
                    }
                }
                searched += open;
            }
            flush(c, cNorms, cMax, labels, held, rebuild, scratch);
        }
        if (rebuild) {
            Arrays.fill(held, 0.0);
            for (int i = 0; i < part.n; i++) {
                ClusterMoves.moveRow(x, p, i, -1, labels[i], k, held);
            }
        }
        for (int l = 0; l < k; l++) {
            if (held[l] == 0) {
                // a cluster that lost all its rows keeps no rounding residue of their sum
                Arrays.fill(held, k + l * p, k + l * p + p, 0.0);
            }
        }
        previous = c.clone();
        return searched;
    }

    /** The number of rows whose label the last step changed. */
    int moved() {
        return moved;
    }

    /** The full search of the gathered rows. */
    private void flush(double[] c, double[] cNorms, double cMax, int[] labels, double[] held, boolean rebuild,
                       NearestScratch scratch) {
        if (gathered == 0) {
            return;
        }
        Distances.nearestTwo(gx, p, 0, gathered, c, k, cNorms, gl, gmin, gsecond, scratch);
        double[] xNorms = part.norms();
        for (int s = 0; s < gathered; s++) {
            settle(gi[s], gl[s], gmin[s], gsecond[s], xNorms, cMax, labels, held, rebuild);
        }
        gathered = 0;
    }

    /**
     * Row i's search result: its label (moved in held unless held is rebuilt) and fresh
     * bounds from the two smallest squared distances (up to the row's norm), each widened by
     * the expanded form's rounding error.
     */
    private void settle(int i, int l, double min, double second, double[] xNorms, double cMax, int[] labels,
                        double[] held, boolean rebuild) {
        double err = unitError * (xNorms[i] + cMax);
        double u = Math.sqrt(Math.max(0.0, xNorms[i] + min) + err) * (1 + 2 * EPS);
        double below = xNorms[i] + second - err;
        double lo = below > 0 ? Math.sqrt(below) * (1 - 2 * EPS) : 0;
        // stored relative to the sums of drifts of the row's centroid, rounded outwards
        upper[i] = Math.nextUp(u - grown[l]);
        lower[i] = Math.nextDown(lo + shrunk[l]);
        int old = labels[i];
        if (old != l) {
            moved++;
            labels[i] = l;
            if (!rebuild) {
                ClusterMoves.moveRow(part.x, p, i, old, l, k, held);
            }
        }
    }

    /**
     * Whether a row whose distance to its centroid is at most {@code u} and to every other at
     * least {@code lo} gets its centroid from the search: its computed squared distance (at
     * most u^2 + err) is below every other's (at least lo^2 - err), strictly, so no tie is
     * left to the index order.
     */
    private static boolean proves(double u, double lo, double err) {
        return lo > 0 & (u * u + 2 * err) * (1 + 8 * EPS) < lo * lo * (1 - 8 * EPS);
    }

    /** Half the distance from each centroid to its nearest other centroid, rounded down. */
    private double[] halfGaps(double[] c) {
        double[] half = new double[k];
        Arrays.fill(half, Double.POSITIVE_INFINITY);
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double d = direct(c, a * p, c, b * p) * (1 - 2 * directError);
                half[a] = Math.min(half[a], d);
                half[b] = Math.min(half[b], d);
            }
        }
        for (int a = 0; a < k; a++) {
            half[a] *= 0.5;
        }
        return half;
    }

    /**
     * The distance between p values of u at {@code i} and of v at {@code j}, rounded up; four
     * running sums, so the additions do not wait on each other.
     */
    private double direct(double[] u, int i, double[] v, int j) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int t = 0;
        for (; t + 3 < p; t += 4) {
            double d0 = u[i + t] - v[j + t];
            double d1 = u[i + t + 1] - v[j + t + 1];
            double d2 = u[i + t + 2] - v[j + t + 2];
            double d3 = u[i + t + 3] - v[j + t + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; t < p; t++) {
            double d = u[i + t] - v[j + t];
            s0 += d * d;
        }
        return Math.sqrt((s0 + s1) + (s2 + s3)) * (1 + directError);
    }
}
