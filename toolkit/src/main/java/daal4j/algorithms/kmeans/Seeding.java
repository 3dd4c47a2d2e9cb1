package daal4j.algorithms.kmeans;

import daal4j.data.Matrix;
import daal4j.linalg.Dense;
import daal4j.linalg.NearestScratch;
import java.util.Arrays;

/**
 * The four ways of {@link KMeansInit} over one partition. Random choices are exponential races
 * over counter-based draws of global rows (see {@link Draws}), so they depend on the seed and
 * the data only; ranks exchange candidate rows, per-trial potentials and candidate weights.
 */
final class Seeding {

    private final Group g;
    private final Partition part;
    private final int k;
    private final int p;
    private final long seed;
    private final int nTrials;
    /** Race keys per trial over the local rows, reused by every k-means++ round. */
    private double[][] keyBuffer = new double[0][];

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
        double[][] heads = g.allgather(() -> Arrays.copyOf(part.x, mine * p));
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

    /** plusPlusDense: k-means++; with nTrials > 1 the greedy variant keeps the trial of least potential. */
    Matrix plusPlus() {
        double[] centers = new double[k * p];
        double[] d = new double[part.n];
        Arrays.fill(d, Double.POSITIVE_INFINITY);
        for (int r = 0; r < k; r++) {
            double[] c = plusPlusStep(d, Draws.PLUS_PLUS, r, r == 0 ? 1 : nTrials);
            System.arraycopy(c, 0, centers, r * p, p);
        }
        return Matrix.wrap(k, p, centers);
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
                        System.arraycopy(part.x, i * p, out, cnt * p, p);
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
        if (keyBuffer.length < trials) {
            keyBuffer = new double[trials][part.n];
        }
        double[][] keys = Arrays.copyOf(keyBuffer, trials);
        boolean uniform = false;
        Candidates[] picks = null;
        for (int attempt = 0; attempt < 2 && picks == null; attempt++) {
            boolean flat = attempt == 1;
            for (int t = 0; t < trials; t++) {
                // only the smallest key of each trial matters (one pick): a row whose key is
                // certainly above the smallest so far gets an infinite one, which changes no pick
                long sequence = Draws.sequence(seed, stream, round, t + (flat ? trials : 0));
                double[] key = keys[t];
                double best = Double.POSITIVE_INFINITY;
                for (int i = 0; i < part.n; i++) {
                    double w = flat || d[i] == Double.POSITIVE_INFINITY ? 1.0 : d[i];
                    double u = Draws.uniform(sequence, part.offset + i);
                    if (Draws.certainlyAbove(w, u, best)) {
                        key[i] = Double.POSITIVE_INFINITY;
                    } else {
                        key[i] = Draws.raceKey(w, u);
                        best = Math.min(best, key[i]);
                    }
                }
            }
            picks = Candidates.best(g, part, keys, 1, false);
            for (Candidates c : picks) {
                if (c.count == 0) {
                    picks = null; // all rows already on a centroid: fall back to a uniform draw
                    break;
                }
            }
        }
        int best = 0;
        if (trials > 1) {
            double[] local = new double[trials];
            for (int t = 0; t < trials; t++) {
                local[t] = potentialWith(d, picks[t].values);
            }
            double[] pot = g.sum(local);
            for (int t = 1; t < trials; t++) {
                if (pot[t] < pot[best]) {
                    best = t;
                }
            }
        }
        double[] c = picks[best].row(0, p);
        for (int i = 0; i < part.n; i++) {
            d[i] = Math.min(d[i], squaredDistance(part.x, i * p, c, 0));
        }
        return c;
    }

    /** Local sum over rows of min(d_i, |x_i - c|^2). */
    private double potentialWith(double[] d, double[] c) {
        double s = 0;
        for (int i = 0; i < part.n; i++) {
            s += Math.min(d[i], squaredDistance(part.x, i * p, c, 0));
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
        Dense.squaredRowNorms(c, p, 0, m, cNorms);
        int block = Math.max(16, Math.min(4096, (1 << 16) / m));
        NearestScratch work = new NearestScratch(block, m);
        for (int from = 0; from < part.n; from += block) {
            Dense.nearest(part.x, p, from, Math.min(part.n, from + block), part.norms(), c, m, cNorms, label, dist, work);
        }
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    private double squaredDistance(double[] a, int ao, double[] b, int bo) {
        double s = 0;
        for (int j = 0; j < p; j++) {
            double t = a[ao + j] - b[bo + j];
            s += t * t;
        }
        return s;
    }
}
