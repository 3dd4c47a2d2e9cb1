package daal4j.linalg;

import daal4j.data.Matrix;
import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * Eigen-decomposition of a symmetric matrix (LAPACK dsyevr, relatively robust representation):
 * eigenvalues in descending order and the matching eigenvectors as rows. Signs are LAPACK's.
 */
public final class SymmetricEigen {

    private final double[] values;
    private final Matrix vectors;

    private SymmetricEigen(double[] values, Matrix vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** The decomposition of symmetric {@code a} (its upper triangle is read). */
    public static SymmetricEigen of(Matrix a) {
        int p = a.rows();
        if (a.cols() != p) {
            throw new IllegalArgumentException("eigen-decomposition needs a square matrix, got " + p + " x " + a.cols());
        }
        if (p == 0) {
            return new SymmetricEigen(new double[0], Matrix.zeros(0, 0));
        }
        LAPACK lapack = Linalg.lapack();
        double[] work0 = a.toColumnMajor();
        double[] w = new double[p];
        double[] z = new double[p * p];
        int[] support = new int[2 * p];
        intW found = new intW(0);
        intW info = new intW(0);
        double[] query = new double[1];
        int[] iquery = new int[1];
        lapack.dsyevr("V", "A", "U", p, work0, p, 0, 0, 0, 0, 0.0, found, w, z, p, support, query, -1, iquery, -1, info);
        double[] work = new double[Math.max(1, (int) query[0])];
        int[] iwork = new int[Math.max(1, iquery[0])];
        lapack.dsyevr("V", "A", "U", p, work0, p, 0, 0, 0, 0, 0.0, found, w, z, p, support, work, work.length,
                iwork, iwork.length, info);
        if (info.val != 0) {
            throw new ArithmeticException("eigen-decomposition failed: LAPACK dsyevr info " + info.val);
        }
        // LAPACK: ascending values, vectors as columns of column-major z; we want descending rows
        double[] values = new double[p];
        double[] rows = new double[p * p];
        for (int k = 0; k < p; k++) {
            int src = p - 1 - k;
            values[k] = w[src];
            System.arraycopy(z, src * p, rows, k * p, p);
        }
        return new SymmetricEigen(values, Matrix.wrap(p, p, rows));
    }

    /** Eigenvalues, descending (copy). */
    public double[] values() {
        return values.clone();
    }

    /** Eigenvectors as rows, in the order of {@link #values()}. */
    public Matrix vectors() {
        return vectors;
    }
}
