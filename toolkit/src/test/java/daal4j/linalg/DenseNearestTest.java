package daal4j.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Dense.nearest against a direct computation, over a row range, with exact ties. */
class DenseNearestTest {

    @Test
    void nearestRowsAsComputedDirectly() {
        Random r = new Random(5);
        int n = 300;
        int p = 7;
        int k = 13;
        double[] x = new double[n * p];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.rint(r.nextGaussian() * 3); // integers: exact arithmetic, so ties are real ties
        }
        double[] c = new double[k * p];
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.rint(r.nextGaussian() * 3);
        }
        System.arraycopy(c, 0, c, 5 * p, p); // cluster 5 duplicates cluster 0: ties go to 0
        double[] xn = new double[n];
        double[] cn = new double[k];
        Dense.squaredRowNorms(x, p, 0, n, xn);
        Dense.squaredRowNorms(c, p, 0, k, cn);
        int[] label = new int[n];
        double[] dist = new double[n];
        double[] work = new double[100 * k];
        for (int from = 20; from < n; from += 100) {
            Dense.nearest(x, p, from, Math.min(n, from + 100), xn, c, k, cn, label, dist, work);
        }
        for (int i = 0; i < n; i++) {
            if (i < 20) {
                assertEquals(0, label[i], "rows before the range are untouched");
                continue;
            }
            int best = 0;
            double min = Double.POSITIVE_INFINITY;
            for (int l = 0; l < k; l++) {
                double d = 0;
                for (int j = 0; j < p; j++) {
                    double t = x[i * p + j] - c[l * p + j];
                    d += t * t;
                }
                if (d < min) {
                    min = d;
                    best = l;
                }
            }
            assertEquals(best, label[i], "row " + i);
            assertEquals(min, dist[i], 1e-9, "row " + i);
        }
    }
}
