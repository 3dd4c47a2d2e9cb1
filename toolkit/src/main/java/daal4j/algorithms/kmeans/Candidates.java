package daal4j.algorithms.kmeans;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Rows picked by a key across ranks without moving the data: each rank offers only its best
 * {@code m} local rows, and every rank merges the offers alike, ties going to the lower
 * global row, so the pick does not depend on how rows are split.
 */
final class Candidates {

    /** The picked rows' keys, best first. */
    final double[] keys;
    /** Their global row indices. */
    final long[] rows;
    /** Their values, row-major count x p. */
    final double[] values;
    /** How many were picked (at most m; fewer when fewer rows have a finite key). */
    final int count;

    private Candidates(double[] keys, long[] rows, double[] values, int count) {
        this.keys = keys;
        this.rows = rows;
        this.values = values;
        this.count = count;
    }

    /** Row i of the picked values. */
    double[] row(int i, int p) {
        return Arrays.copyOfRange(values, i * p, (i + 1) * p);
    }

    /**
     * For each key array (one per trial, each over the local rows), the {@code m} rows of all
     * ranks with the largest keys ({@code largest}) or the smallest finite keys; one collective.
     */
    static Candidates[] best(Group g, Partition part, double[][] keys, int m, boolean largest) {
        return merge(g, part, keys.length, m, largest, () -> {
            int[][] local = new int[keys.length][];
            double[][] localKeys = new double[keys.length][];
            for (int t = 0; t < keys.length; t++) {
                local[t] = localBest(keys[t], part.n, m, largest);
                localKeys[t] = new double[local[t].length];
                for (int j = 0; j < local[t].length; j++) {
                    localKeys[t][j] = keys[t][local[t][j]];
                }
            }
            return offers(part, local, localKeys);
        });
    }

    /**
     * For each trial t, the row of all ranks with the smallest finite key, given each rank's
     * own smallest: key[t] at local row row[t] (-1 when the rank has none); one collective.
     */
    static Candidates[] smallest(Group g, Partition part, double[] key, int[] row) {
        return merge(g, part, key.length, 1, false, () -> {
            int[][] local = new int[key.length][];
            double[][] localKeys = new double[key.length][];
            for (int t = 0; t < key.length; t++) {
                boolean some = row[t] >= 0 && key[t] < Double.POSITIVE_INFINITY;
                local[t] = some ? new int[] {row[t]} : new int[0];
                localKeys[t] = some ? new double[] {key[t]} : new double[0];
            }
            return offers(part, local, localKeys);
        });
    }

    /** This rank's offer: per trial a count, then (key, global row, values) per row. */
    private static double[] offers(Partition part, int[][] local, double[][] localKeys) {
        int p = part.p;
        int stride = 2 + p;
        int size = 0;
        for (int[] l : local) {
            size += 1 + l.length * stride;
        }
        double[] out = new double[size];
        int used = 0;
        for (int t = 0; t < local.length; t++) {
            out[used++] = local[t].length;
            for (int j = 0; j < local[t].length; j++) {
                int i = local[t][j];
                out[used] = localKeys[t][j];
                out[used + 1] = part.offset + i;
                part.copyRow(i, out, used + 2);
                used += stride;
            }
        }
        return out;
    }

    /** Every rank's offers for {@code trials} trials gathered and merged alike: the m best rows of each. */
    private static Candidates[] merge(Group g, Partition part, int trials, int m, boolean largest,
                                      Supplier<double[]> offer) {
        int p = part.p;
        double[][] offers = g.allgather(offer);
        Candidates[] result = new Candidates[trials];
        int[] cursor = new int[offers.length];
        for (int t = 0; t < trials; t++) {
            List<double[]> all = new ArrayList<>();
            for (int r = 0; r < offers.length; r++) {
                int c = cursor[r];
                int cnt = (int) offers[r][c++];
                for (int j = 0; j < cnt; j++) {
                    all.add(Arrays.copyOfRange(offers[r], c, c + 2 + p));
                    c += 2 + p;
                }
                cursor[r] = c;
            }
            all.sort((a, b) -> before(a[0], (long) a[1], b[0], (long) b[1], largest) ? -1 : 1);
            int count = Math.min(m, all.size());
            double[] k = new double[count];
            long[] rows = new long[count];
            double[] v = new double[count * p];
            for (int i = 0; i < count; i++) {
                double[] e = all.get(i);
                k[i] = e[0];
                rows[i] = (long) e[1];
                System.arraycopy(e, 2, v, i * p, p);
            }
            result[t] = new Candidates(k, rows, v, count);
        }
        return result;
    }

    /** The local indices of the m best keys, best first (keys of +-infinity or NaN never count when smallest). */
    static int[] localBest(double[] key, int n, int m, boolean largest) {
        int[] idx = new int[m];
        int cnt = 0;
        for (int i = 0; i < n; i++) {
            double v = key[i];
            if (!largest && !(v < Double.POSITIVE_INFINITY)) {
                continue;
            }
            if (cnt == m && !before(v, i, key[idx[m - 1]], idx[m - 1], largest)) {
                continue; // the common case: not among the best so far
            }
            int pos = cnt < m ? cnt++ : m - 1;
            while (pos > 0 && before(v, i, key[idx[pos - 1]], idx[pos - 1], largest)) {
                idx[pos] = idx[pos - 1];
                pos--;
            }
            idx[pos] = i;
        }
        return Arrays.copyOf(idx, cnt);
    }

    /** Whether (key a, row ra) ranks before (key b, row rb). */
    private static boolean before(double a, long ra, double b, long rb, boolean largest) {
        if (a != b) {
            return largest ? a > b : a < b;
        }
        return ra < rb;
    }
}
