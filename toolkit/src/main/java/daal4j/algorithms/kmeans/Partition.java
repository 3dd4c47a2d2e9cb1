package daal4j.algorithms.kmeans;

import daal4j.algorithms.Fold;
import daal4j.algorithms.Summary;
import daal4j.data.CsrMatrix;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import daal4j.linalg.Distances;
import daal4j.linalg.NearestScratch;
import daal4j.linalg.SparseDistances;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * This rank's rows and their place among all ranks' rows (rank 0's first), found and checked
 * in one collective: a rank whose input is bad fails every rank, and shape mismatches between
 * ranks fail every rank with the same message. The rows are dense ({@link #x}) or CSR
 * ({@link #csr}); the row kernels below serve both, so Seeding and Lloyd need not ask which.
 */
final class Partition {

    /** The local rows, row-major n x p (null when the rows are CSR). */
    final double[] x;
    /** The local rows in CSR form (null when dense). */
    final CsrMatrix csr;
    /** Number of local rows. */
    final int n;
    /** Number of features (the same on every rank). */
    final int p;
    /** Global index of the first local row. */
    final long offset;
    /** Number of rows over all ranks. */
    final long total;
    /** Squared norms of the local rows, computed on first use (Lloyd's steps do not need them). */
    private double[] norms;
    /** Whether the values are known finite (false: the caller checks them, see {@link #requireFinite}). */
    private final boolean checked;

    private Partition(double[] x, CsrMatrix csr, int n, int p, long offset, long total, boolean checked) {
        this.x = x;
        this.csr = csr;
        this.n = n;
        this.p = p;
        this.offset = offset;
        this.total = total;
        this.checked = checked;
    }

    /** Squared norms of the local rows. */
    double[] norms() {
        if (norms == null) {
            double[] v = new double[n];
            if (csr != null) {
                SparseDistances.squaredRowNorms(csr, 0, n, v);
            } else {
                Distances.squaredRowNorms(x, p, 0, n, v);
            }
            norms = v;
        }
        return norms;
    }

    /** What a caller checks of this rank's rows (their shape) on the rank that has them. */
    interface ShapeCheck {
        /** Throws IllegalArgumentException when rows x cols does not fit. */
        void check(int rows, int cols);
    }

    /**
     * Reads this rank's dense rows with {@code read}, checks them (finite values, then {@code
     * check}) on the rank that has them, and agrees with all ranks on the layout; requires at
     * least {@code nClusters} rows in all.
     */
    static Partition of(Group g, Supplier<Matrix> read, ShapeCheck check, int nClusters) {
        return of(g, read, check, nClusters, true);
    }

    /**
     * {@link #of(Group, Supplier, ShapeCheck, int)}, or, when not {@code checkFinite}, without
     * its pass over the values: then the caller runs {@link #requireFinite} once a pass of its
     * own has shown whether they may hold one that is not finite (k-means++ spares a read).
     */
    static Partition of(Group g, Supplier<Matrix> read, ShapeCheck check, int nClusters, boolean checkFinite) {
        return agree(g, () -> {
            Matrix m = read.get();
            if (checkFinite) {
                Inputs.requireFinite(m, "data");
            }
            return new Partition(m.rows() == 0 ? new double[0] : m.rowMajorView(), null, m.rows(), m.cols(), 0, 0,
                    checkFinite);
        }, check, nClusters);
    }

    /**
     * The check {@link #of(Group, Supplier, ShapeCheck, int, boolean)} left out, as it would have
     * failed (the first value that is not finite, every rank alike): a collective, on the ranks
     * whose values are {@code suspect}; nothing when the values were checked on reading.
     */
    void requireFinite(Group g, boolean suspect) {
        if (checked) {
            return;
        }
        g.allgather(() -> {
            if (suspect) {
                Inputs.requireFinite(Matrix.wrap(n, p, x), "data");
            }
            return new double[0];
        });
    }

    /** {@link #of(Group, Supplier, ShapeCheck, int)} for CSR rows. */
    static Partition ofCsr(Group g, Supplier<CsrMatrix> read, ShapeCheck check, int nClusters) {
        return agree(g, () -> {
            CsrMatrix m = read.get();
            double[] v = m.valuesView();
            for (int q = 0; q < v.length; q++) {
                if (!Double.isFinite(v[q])) {
                    int row = 0;
                    while (m.rowOffsetsView()[row + 1] <= q) {
                        row++;
                    }
                    throw new IllegalArgumentException("data: " + v[q] + " at row " + row + ", column "
                            + m.columnIndicesView()[q] + " (values must be finite)");
                }
            }
            return new Partition(null, m, m.rows(), m.cols(), 0, 0, true);
        }, check, nClusters);
    }

    private static Partition agree(Group g, Supplier<Partition> read, ShapeCheck check, int nClusters) {
        Partition[] mine = new Partition[1];
        List<Shape> shapes = Fold.gather(g.comm(), () -> {
            Partition m = read.get();
            check.check(m.n, m.p);
            mine[0] = m;
            return new Shape(m.n, m.p);
        }, Shape::decode);
        int p = Fold.width(shapes, "data");
        long total = 0;
        long offset = 0;
        for (int r = 0; r < shapes.size(); r++) {
            if (r < g.rank()) {
                offset += shapes.get(r).rows();
            }
            total += shapes.get(r).rows();
        }
        if (total < nClusters) {
            throw new IllegalArgumentException("nClusters = " + nClusters + " is larger than the number of rows ("
                    + total + (g.size() > 1 ? " over all " + g.size() + " ranks)" : ")"));
        }
        Partition m = mine[0];
        return new Partition(m.x, m.csr, m.n, p, offset, total, m.checked);
    }

    /** Whether the rows are CSR. */
    boolean sparse() {
        return csr != null;
    }

    /** Local row i, dense, into out[at .. at + p). */
    void copyRow(int i, double[] out, int at) {
        if (csr == null) {
            System.arraycopy(x, i * p, out, at, p);
            return;
        }
        Arrays.fill(out, at, at + p, 0.0);
        int[] off = csr.rowOffsetsView();
        int[] col = csr.columnIndicesView();
        double[] v = csr.valuesView();
        for (int q = off[i]; q < off[i + 1]; q++) {
            out[at + col[q]] = v[q];
        }
    }

    /** What the searches below need of k x p centroids c besides c: their transpose when CSR, else null. */
    double[] prepare(double[] c, int k) {
        return csr == null ? null : SparseDistances.transpose(c, k, p);
    }

    /** {@link Distances#nearestInBlock} on local rows [from, to); ct from {@link #prepare}. */
    void nearestInBlock(int from, int to, double[] c, double[] ct, int k, double[] cNorms, NearestScratch s) {
        if (csr == null) {
            Distances.nearestInBlock(x, p, from, to, c, k, cNorms, s);
        } else {
            SparseDistances.nearestInBlock(csr, from, to, ct, k, cNorms, s);
        }
    }

    /** {@link Distances#nearest} on local rows [from, to); ct from {@link #prepare}. */
    void nearest(int from, int to, double[] c, double[] ct, int k, double[] cNorms, int[] label, double[] dist,
                 NearestScratch s) {
        if (csr == null) {
            Distances.nearest(x, p, from, to, norms(), c, k, cNorms, label, dist, s);
        } else {
            SparseDistances.nearest(csr, from, to, norms(), ct, k, cNorms, label, dist, s);
        }
    }

    /**
     * Squared distances of local rows [from, to) to c[offset .. offset + p), whose squared norm
     * is cNorm (used by CSR rows only), into out[0 .. to - from).
     */
    void squaredDistances(int from, int to, double[] c, int offset, double cNorm, double[] out) {
        if (csr == null) {
            Distances.squaredDistances(x, p, from, to, c, offset, out);
        } else {
            SparseDistances.squaredDistances(csr, from, to, c, offset, cNorm, out);
        }
    }

    /** {@link Distances#squaredDistancesToLabelled} on local rows [from, to); cNorms used by CSR rows only. */
    void squaredDistancesToLabelled(int from, int to, double[] c, double[] cNorms, int[] label, double[] out) {
        if (csr == null) {
            Distances.squaredDistancesToLabelled(x, p, from, to, c, label, out);
        } else {
            SparseDistances.squaredDistancesToLabelled(csr, from, to, c, p, cNorms, label, out);
        }
    }

    /** {@link ClusterMoves#moveRow} of local row i (its non-zeros only when CSR). */
    void moveRow(int i, int old, int l, int k, double[] acc) {
        if (csr == null) {
            ClusterMoves.moveRow(x, p, i, old, l, k, acc);
            return;
        }
        int[] off = csr.rowOffsetsView();
        int[] col = csr.columnIndicesView();
        double[] v = csr.valuesView();
        if (old >= 0) {
            acc[old] -= 1;
            int at = k + old * p;
            for (int q = off[i]; q < off[i + 1]; q++) {
                acc[at + col[q]] -= v[q];
            }
        }
        acc[l] += 1;
        int at = k + l * p;
        for (int q = off[i]; q < off[i + 1]; q++) {
            acc[at + col[q]] += v[q];
        }
    }

    /** The summary of a rank's rows that fixes the layout: how many, and how wide. */
    private record Shape(long rows, int width) implements Summary<Shape> {

        @Override
        public Shape merge(Shape later) {
            return new Shape(rows + later.rows, width);
        }

        @Override
        public double[] encode() {
            return new double[] {rows, width};
        }

        static Shape decode(double[] e) {
            return new Shape((long) e[0], (int) e[1]);
        }
    }
}
