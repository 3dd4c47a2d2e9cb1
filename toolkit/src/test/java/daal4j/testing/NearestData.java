package daal4j.testing;

import daal4j.linalg.Distances;
import java.util.Random;

/** The nearest-centroid fixture shared by the distance kernels' and k-means' accumulator tests. */
public final class NearestData {

    /** Rows of the data. */
    public static final int N = 300;
    /** Columns of the data. */
    public static final int P = 7;

    private NearestData() {
    }

    /**
     * Integer data: exact arithmetic, so ties are real ties; cluster 5 duplicates cluster 0.
     * Returns {x, c, the squared norms of x's rows, those of c's}.
     */
    public static double[][] data(int k) {
        Random r = new Random(5);
        double[] x = new double[N * P];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.rint(r.nextGaussian() * 3);
        }
        double[] c = new double[k * P];
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.rint(r.nextGaussian() * 3);
        }
        System.arraycopy(c, 0, c, 5 * P, P); // ties between 0 and 5 go to 0
        double[] xn = new double[N];
        double[] cn = new double[k];
        Distances.squaredRowNorms(x, P, 0, N, xn);
        Distances.squaredRowNorms(c, P, 0, k, cn);
        return new double[][] {x, c, xn, cn};
    }

    /** {nearest index, squared distance} of row i, by a direct loop (first index on ties). */
    public static double[] direct(double[] x, double[] c, int k, int i) {
        int best = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int l = 0; l < k; l++) {
            double d = 0;
            for (int j = 0; j < P; j++) {
                double t = x[i * P + j] - c[l * P + j];
                d += t * t;
            }
            if (d < min) {
                min = d;
                best = l;
            }
        }
        return new double[] {best, min};
    }
}
