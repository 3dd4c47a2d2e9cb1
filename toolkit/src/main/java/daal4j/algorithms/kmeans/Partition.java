package daal4j.algorithms.kmeans;

import daal4j.algorithms.Fold;
import daal4j.algorithms.Summary;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import daal4j.linalg.Distances;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * This rank's rows and their place among all ranks' rows (rank 0's first), found and checked
 * in one collective: a rank whose input is bad fails every rank, and shape mismatches between
 * ranks fail every rank with the same message.
 */
final class Partition {

    /** The local rows, row-major n x p. */
    final double[] x;
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

    private Partition(double[] x, int n, int p, long offset, long total) {
        this.x = x;
        this.n = n;
        this.p = p;
        this.offset = offset;
        this.total = total;
    }

    /** Squared norms of the local rows. */
    double[] norms() {
        if (norms == null) {
            double[] v = new double[n];
            Distances.squaredRowNorms(x, p, 0, n, v);
            norms = v;
        }
        return norms;
    }

    /**
     * Reads this rank's rows with {@code read}, checks them (finite values, then {@code check})
     * on the rank that has them, and agrees with all ranks on the layout; requires at least
     * {@code nClusters} rows in all.
     */
    static Partition of(Group g, Supplier<Matrix> read, Consumer<Matrix> check, int nClusters) {
        Matrix[] mine = new Matrix[1];
        List<Shape> shapes = Fold.gather(g.comm(), () -> {
            Matrix m = Inputs.requireFinite(read.get(), "data");
            check.accept(m);
            mine[0] = m;
            return new Shape(m.rows(), m.cols());
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
        Matrix m = mine[0];
        double[] x = m.rows() == 0 ? new double[0] : m.rowMajorView();
        return new Partition(x, m.rows(), p, offset, total);
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
