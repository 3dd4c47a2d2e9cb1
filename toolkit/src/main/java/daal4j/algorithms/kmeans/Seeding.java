package daal4j.algorithms.kmeans;

import daal4j.data.Matrix;
import daal4j.linalg.Distances;
import daal4j.linalg.NearestScratch;
import java.util.Arrays;

/**
 * The four ways of {@link KMeansInit} over one partition. Random choices are exponential races
 * over counter-based draws of global rows (see {@link Draws}), so they depend on the seed and
 * the data only; ranks exchange candidate rows, per-trial potentials and candidate weights.
 */
final class Seeding {

    /**
     * Rows whose distances to a new centroid are computed together, then raced while in
     * cache (measured on 1M x 20: 16-64 rows alike, 256 ~7% slower, 1024 and more ~15%).
     */
    private static final int BLOCK = 64;

    /** The ramp of {@link Draws#bits(long, long, long[], int, long[])} for a block. */
    private static final long[] RAMP = Draws.ramp(BLOCK);

    /** A block's draws in a race (scratch). */
    private final long[] drawBits = new long[BLOCK];

    private final Group g;
    private final Partition part;
    private final int k;
    private final int p;
    private final long seed;
    private final int nTrials;

    Seeding(Group g, Partition part, int k, long seed, int nTrials) {
        this.g = g;
        this.part = part;
        this.k = k;
        this.p = part.p;
        this.seed = seed;
        this.nTrials = nTrials;
    }

    /** defaultDense: the first k rows of the global data. */
    Matrix first() {
        int mine = (int) Math.max(0, Math.min(part.n, k - part.offset));
        double[][] heads = g.allgather(() -> {
            double[] h = new double[mine * p];
            for (int i = 0; i < mine; i++) {
                part.copyRow(i, h, i * p);
            }
            return h;
        });
        double[] c = new double[k * p];
        int filled = 0;
        for (double[] h : heads) {
            int take = Math.min(h.length, c.length - filled);
            System.arraycopy(h, 0, c, filled, take);
            filled += take;
        }
        return Matrix.wrap(k, p, c);
    }

    /** randomDense: k distinct rows, each k-subset equally likely. */
    Matrix random() {
        double[] key = new double[part.n];
        long sequence = Draws.sequence(seed, Draws.RANDOM, 0, 0);
        for (int i = 0; i < part.n; i++) {
            key[i] = Draws.uniform(sequence, part.offset + i);
        }
        Candidates c = Candidates.best(g, part, new double[][] {key}, k, false)[0];
        return Matrix.wrap(k, p, c.values);
    }

    /**
     * plusPlusDense: k-means++; with nTrials > 1 the greedy variant keeps the trial of least
     * potential. Each pick reads the data once: the pass that lowers the rows' distances to
     * the new centroid also runs the next pick's races, and the first such pass also checks the
     * values when the partition left that to it (see {@link Partition#requireFinite}).
     */
    Matrix plusPlus() {
        double[] centers = new double[k * p];
        double[] d = new double[part.n];
        Arrays.fill(d, Double.POSITIVE_INFINITY);
        Candidates[] picks = racePicks(d, Draws.PLUS_PLUS, 0, 1);
        for (int r = 0; r < k; r++) {
            double[] c = picks[bestTrial(d, picks)].row(0, p);
            System.arraycopy(c, 0, centers, r * p, p);
            if (r + 1 == k) {
                if (r == 0) {
                    part.requireFinite(g, true); // one centroid: no pass has read the values
                }
                break; // the last centroid: its distances are not needed
            }
            int trials = nTrials;
            long[] sequences = new long[trials];
            for (int t = 0; t < trials; t++) {
                sequences[t] = Draws.sequence(seed, Draws.PLUS_PLUS, r + 1, t);
            }
            double[] winKey = new double[trials];
            int[] winRow = new int[trials];
            double sum = lowerAndRace(c, d, sequences, winKey, winRow);
            if (r == 0) {
                // a value that is not finite (in the rows or in c, a row) makes a distance, so
                // their sum, not finite; only then are the values searched for it
                part.requireFinite(g, !Double.isFinite(sum));
            }
            picks = Candidates.smallest(g, part, winKey, winRow);
            for (Candidates pick : picks) {
                if (pick.count == 0) {
                    // every row sits on a centroid: the plain races, which draw uniformly then
                    picks = racePicks(d, Draws.PLUS_PLUS, r + 1, trials);
                    break;
                }
            }
        }
        return Matrix.wrap(k, p, centers);
    }

    /**
     * d_i = min(d_i, |x_i - c|^2) for every local row and, while the block is at hand, each
     * trial's race for the next pick with weights d (see {@link #race}) into winKey and winRow:
     * one read of the data per pick instead of a pass for the distances and another for the
     * keys. (Skipping the rows whose distance the triangle inequality proves cannot drop was
     * measured 2x slower: rows read out of order defeat the hardware's prefetching.) Returns
     * the sum of the rows' distances to c.
     */
    private double lowerAndRace(double[] c, double[] d, long[] sequences, double[] winKey, int[] winRow) {
        Arrays.fill(winKey, Double.POSITIVE_INFINITY);
        Arrays.fill(winRow, -1);
        double[] e = new double[BLOCK];
        double cNorm = squaredNorm(c);
        double sum = 0;
        for (int from = 0; from < part.n; from += BLOCK) {
            int to = Math.min(part.n, from + BLOCK);
            sum += lower(c, cNorm, d, from, to, e);
            for (int t = 0; t < sequences.length; t++) {
                race(d, from, to, false, sequences[t], winKey, winRow, t);
            }
        }
        return sum;
    }

    /**
     * The race of one trial over rows [from, to), continued from the smallest key so far in
     * winKey[t] at local row winRow[t]: row i's key is -log(u_i) / w_i with u_i its draw in
     * {@code sequence} and w_i = d_i (1 when {@code flat} or d_i is infinite); the smallest
     * finite key wins, ties to the lower row. The logarithm is taken only for the few rows
     * whose key could still win.
     */
    private void race(double[] d, int from, int to, boolean flat, long sequence, double[] winKey, int[] winRow,
                      int t) {
        double best = winKey[t];
        double bound = Draws.bound(best);
        int bestRow = winRow[t];
        long[] bits = drawBits;
        for (int start = from; start < to; start += BLOCK) {
            int end = Math.min(to, start + BLOCK);
            Draws.bits(sequence, part.offset + start, RAMP, end - start, bits);
            for (int i = start; i < end; i++) {
                double w = flat || d[i] == Double.POSITIVE_INFINITY ? 1.0 : d[i];
                long b = bits[i - start];
                if (!Draws.certainlyAbove(w, b, bound)) {
                    double key = Draws.raceKey(w, Draws.uniformOf(b));
                    if (key < best) {
                        best = key;
                        bound = Draws.bound(best);
                        bestRow = i;
                    }
                }
            }
        }
        winKey[t] = best;
        winRow[t] = bestRow;
    }

    /**
     * parallelPlusDense (k-means||): one uniform row, then nRounds rounds each keeping every
     * row with probability min(1, l d(x)^2 / potential), l = oversamplingFactor * k; the
     * candidates are weighted by the rows nearest to them and reduced to k by weighted k-means++.
     */
    Matrix parallelPlus(double oversamplingFactor, int nRounds) {
        double[] d = new double[part.n];
        Arrays.fill(d, Double.POSITIVE_INFINITY);
        double[] cand = plusPlusStep(d, Draws.PARALLEL, 0, 1);
        int m = 1;
        double l = oversamplingFactor * k;
        int[] label = new int[part.n];
        double[] dist = new double[part.n];
        for (int r = 1; r <= nRounds; r++) {
            double potential = g.sum(new double[] {sum(d)})[0];
            if (potential == 0) {
                break; // every row sits on a candidate
            }
            int round = r;
            double[][] picked = g.allgather(() -> {
                double[] out = new double[0];
                int cnt = 0;
                for (int i = 0; i < part.n; i++) {
                    if (Draws.uniform(seed, Draws.PARALLEL, round, 0, part.offset + i) * potential < l * d[i]) {
                        out = Arrays.copyOf(out, Math.max(2 * out.length, (cnt + 1) * p));
                        part.copyRow(i, out, cnt * p);
                        cnt++;
                    }
                }
                return Arrays.copyOf(out, cnt * p);
            });
            int added = 0;
            for (double[] rows : picked) {
                added += rows.length / p;
            }
            if (added == 0) {
                continue;
            }
            double[] fresh = new double[added * p];
            int at = 0;
            for (double[] rows : picked) {
                System.arraycopy(rows, 0, fresh, at, rows.length);
                at += rows.length;
            }
            nearest(fresh, added, label, dist);
            for (int i = 0; i < part.n; i++) {
                d[i] = Math.min(d[i], dist[i]);
            }
            cand = Arrays.copyOf(cand, (m + added) * p);
            System.arraycopy(fresh, 0, cand, m * p, fresh.length);
            m += added;
        }
        // too few candidates (tiny data or few rounds): continue with k-means++ rows
        for (int r = 0; m < k; r++) {
            double[] c = plusPlusStep(d, Draws.PARALLEL, nRounds + 1 + r, 1);
            cand = Arrays.copyOf(cand, (m + 1) * p);
            System.arraycopy(c, 0, cand, m * p, p);
            m++;
        }
        nearest(cand, m, label, dist);
        double[] w = new double[m];
        for (int i = 0; i < part.n; i++) {
            w[label[i]] += 1;
        }
        w = g.sum(w);
        return Matrix.wrap(k, p, weightedPlusPlus(cand, m, w));
    }

    /**
     * One k-means++ pick over all rows: each of {@code trials} draws takes row i with
     * probability d_i / sum(d) (uniformly when no row has a distance yet or all are 0);
     * of several trials the one that leaves the least potential wins. Updates d.
     */
    private double[] plusPlusStep(double[] d, long stream, int round, int trials) {
        Candidates[] picks = racePicks(d, stream, round, trials);
        double[] c = picks[bestTrial(d, picks)].row(0, p);
        double[] e = new double[BLOCK];
        double cNorm = squaredNorm(c);
        for (int from = 0; from < part.n; from += BLOCK) {
            lower(c, cNorm, d, from, Math.min(part.n, from + BLOCK), e);
        }
        return c;
    }

    /**
     * d_i = min(d_i, |x_i - c|^2) for local rows [from, to); cNorm = |c|^2; e holds at least
     * to - from values. Returns the sum of |x_i - c|^2 over the rows.
     */
    private double lower(double[] c, double cNorm, double[] d, int from, int to, double[] e) {
        part.squaredDistances(from, to, c, 0, cNorm, e);
        double sum = 0;
        for (int i = from; i < to; i++) {
            d[i] = Math.min(d[i], e[i - from]);
            sum += e[i - from];
        }
        return sum;
    }

    /**
     * The rows the {@code trials} races of a k-means++ pick choose over all ranks, one per
     * trial: row i with probability d_i / sum(d), uniformly when no row has a distance yet or
     * all are 0.
     */
    private Candidates[] racePicks(double[] d, long stream, int round, int trials) {
        for (int attempt = 0; attempt < 2; attempt++) {
            boolean flat = attempt == 1;
            double[] winKey = new double[trials];
            int[] winRow = new int[trials];
            Arrays.fill(winKey, Double.POSITIVE_INFINITY);
            Arrays.fill(winRow, -1);
            for (int t = 0; t < trials; t++) {
                long sequence = Draws.sequence(seed, stream, round, t + (flat ? trials : 0));
                race(d, 0, part.n, flat, sequence, winKey, winRow, t);
            }
            Candidates[] picks = Candidates.smallest(g, part, winKey, winRow);
            boolean all = true;
            for (Candidates c : picks) {
                all &= c.count > 0;
            }
            if (all) {
                return picks;
            }
            // all rows already on a centroid: fall back to a uniform draw
        }
        throw new IllegalStateException("k-means++: no row left to draw"); // the uniform draw always finds one
    }

    /** Of several trials' picks, the one that leaves the least potential (over all ranks). */
    private int bestTrial(double[] d, Candidates[] picks) {
        int best = 0;
        if (picks.length > 1) {
            double[] local = new double[picks.length];
            for (int t = 0; t < picks.length; t++) {
                local[t] = potentialWith(d, picks[t].values);
            }
            double[] pot = g.sum(local);
            for (int t = 1; t < picks.length; t++) {
                if (pot[t] < pot[best]) {
                    best = t;
                }
            }
        }
        return best;
    }

    /** Local sum over rows of min(d_i, |x_i - c|^2). */
    private double potentialWith(double[] d, double[] c) {
        double s = 0;
        double[] e = new double[BLOCK];
        double cNorm = squaredNorm(c);
        for (int from = 0; from < part.n; from += BLOCK) {
            int to = Math.min(part.n, from + BLOCK);
            part.squaredDistances(from, to, c, 0, cNorm, e);
            for (int i = from; i < to; i++) {
                s += Math.min(d[i], e[i - from]);
            }
        }
        return s;
    }

    /**
     * Weighted k-means++ over m candidates (the same on every rank: the draws are indexed by
     * candidate), with nTrials greedy trials per centroid after the first.
     */
    private double[] weightedPlusPlus(double[] cand, int m, double[] w) {
        double[] centers = new double[k * p];
        double[] d = new double[m];
        Arrays.fill(d, Double.POSITIVE_INFINITY);
        boolean[] taken = new boolean[m];
        for (int r = 0; r < k; r++) {
            int trials = r == 0 ? 1 : nTrials;
            int[] pick = new int[trials];
            for (int t = 0; t < trials; t++) {
                pick[t] = race(d, w, taken, m, r, t);
            }
            int best = 0;
            if (trials > 1) {
                double bestPot = Double.POSITIVE_INFINITY;
                for (int t = 0; t < trials; t++) {
                    double pot = 0;
                    for (int j = 0; j < m; j++) {
                        pot += w[j] * Math.min(d[j], squaredDistance(cand, j * p, cand, pick[t] * p));
                    }
                    if (pot < bestPot) {
                        bestPot = pot;
                        best = t;
                    }
                }
            }
            int chosen = pick[best];
            taken[chosen] = true;
            System.arraycopy(cand, chosen * p, centers, r * p, p);
            for (int j = 0; j < m; j++) {
                d[j] = Math.min(d[j], squaredDistance(cand, j * p, cand, chosen * p));
            }
        }
        return centers;
    }

    /** The candidate an exponential race picks with weight w_j d_j (w_j alone before any pick; uniform over untaken if all are 0). */
    private int race(double[] d, double[] w, boolean[] taken, int m, int round, int trial) {
        for (int flat = 0; flat < 2; flat++) {
            int best = -1;
            double bestKey = Double.POSITIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                if (taken[j]) {
                    continue;
                }
                double weight = flat == 1 ? 1.0 : d[j] == Double.POSITIVE_INFINITY ? w[j] : w[j] * d[j];
                double key = Draws.raceKey(weight, Draws.uniform(seed, Draws.PARALLEL_FINAL, round, trial + flat * nTrials, j));
                if (key < bestKey) {
                    bestKey = key;
                    best = j;
                }
            }
            if (best >= 0) {
                return best;
            }
        }
        throw new IllegalStateException("parallelPlusDense: no candidate left"); // m >= k makes this unreachable
    }

    /** Nearest of the m rows of c for every local row, through BLAS. */
    private void nearest(double[] c, int m, int[] label, double[] dist) {
        double[] cNorms = new double[m];
        Distances.squaredRowNorms(c, p, 0, m, cNorms);
        int block = Math.max(16, Math.min(4096, (1 << 16) / m));
        NearestScratch work = new NearestScratch(block, m);
        double[] ct = part.prepare(c, m);
        for (int from = 0; from < part.n; from += block) {
            part.nearest(from, Math.min(part.n, from + block), c, ct, m, cNorms, label, dist, work);
        }
    }

    /** The squared norm of the first p values of c. */
    private double squaredNorm(double[] c) {
        double s = 0;
        for (int j = 0; j < p; j++) {
            s += c[j] * c[j];
        }
        return s;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    /** Squared distance between two candidates (rows of the small candidate array). */
    private double squaredDistance(double[] a, int ao, double[] b, int bo) {
        double s = 0;
        for (int j = 0; j < p; j++) {
            double t = a[ao + j] - b[bo + j];
            s += t * t;
        }
        return s;
    }
}
