package daal4j.algorithms.kmeans;

import daal4j.data.Inputs;
import daal4j.data.Matrix;
import daal4j.linalg.Dense;
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
            Dense.squaredRowNorms(x, p, 0, n, v);
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
        double[][] shapes = g.allgather(() -> {
            Matrix m = Inputs.requireFinite(read.get(), "data");
            check.accept(m);
            mine[0] = m;
            return new double[] {m.rows(), m.cols()};
        });
        int p = -1;
        int pRank = -1;
        long total = 0;
        long offset = 0;
        for (int r = 0; r < shapes.length; r++) {
            int rows = (int) shapes[r][0];
            int cols = (int) shapes[r][1];
            if (r < g.rank()) {
                offset += rows;
            }
            total += rows;
            if (rows == 0) {
                continue; // an empty part has no say in the feature count
            }
            if (p < 0) {
                p = cols;
                pRank = r;
            } else if (cols != p) {
                throw new IllegalArgumentException("data: feature counts differ between ranks: rank "
                        + pRank + " has " + p + " columns, rank " + r + " has " + cols);
            }
        }
        if (total < nClusters) {
            throw new IllegalArgumentException("nClusters = " + nClusters + " is larger than the number of rows ("
                    + total + (g.size() > 1 ? " over all " + g.size() + " ranks)" : ")"));
        }
        Matrix m = mine[0];
        double[] x = m.rows() == 0 ? new double[0] : m.rowMajorView();
        return new Partition(x, m.rows(), Math.max(p, 0), offset, total);
    }
}
