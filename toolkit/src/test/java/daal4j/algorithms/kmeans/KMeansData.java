package daal4j.algorithms.kmeans;

import daal4j.data.Csv;
import daal4j.data.Matrix;
import daal4j.testing.Fixtures;
import daal4j.testing.TestData;
import java.util.ArrayList;
import java.util.List;

/** The k-means test data: daal4py's example file, splits over ranks, and scalar fixtures. */
final class KMeansData {

    private KMeansData() {
    }

    /** A 1x1 fixture written by toolkit/src/test/python/kmeans_fixtures.py. */
    static double scalar(String folder, String name) {
        return Fixtures.read(folder, name).get(0, 0);
    }

    /** daal4py's example data set (10000 x 20). */
    static Matrix dense() {
        return Csv.read(TestData.example("batch/kmeans_dense.csv"));
    }

    /** Rows of {@code m} split into {@code parts} consecutive, deliberately uneven parts. */
    static List<Matrix> split(Matrix m, int parts) {
        List<Matrix> out = new ArrayList<>();
        int n = m.rows();
        int from = 0;
        for (int r = 0; r < parts; r++) {
            // part r gets a share growing with r, the last takes the rest
            int to = r == parts - 1 ? n : from + (int) ((long) n * (r + 1) / ((long) parts * (parts + 1) / 2));
            out.add(m.rowRange(from, to));
            from = to;
        }
        return out;
    }

    static Matrix stack(List<Matrix> parts) {
        int p = parts.get(0).cols();
        int n = parts.stream().mapToInt(Matrix::rows).sum();
        double[] d = new double[n * p];
        int at = 0;
        for (Matrix m : parts) {
            System.arraycopy(m.rowMajorView(), 0, d, at, m.rows() * p);
            at += m.rows() * p;
        }
        return Matrix.wrap(n, p, d);
    }
}
