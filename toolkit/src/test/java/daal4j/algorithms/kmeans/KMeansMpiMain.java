package daal4j.algorithms.kmeans;

import static daal4j.Daal4j.daalfini;
import static daal4j.Daal4j.daalinit;
import static daal4j.Daal4j.kmeans;
import static daal4j.Daal4j.kmeansInit;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;

import daal4j.data.Matrix;
import daal4j.examples.Examples;
import daal4j.spmd.SpmdException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The k-means scenarios one rank runs, as "name=value" lines: under {@code mpirun} (main) and
 * computed in one JVM for comparison ({@link #lines}). Each rank takes its slice of daal4py's
 * example file, as daal4py's SPMD example does.
 */
public final class KMeansMpiMain {

    private KMeansMpiMain() {
    }

    /** Runs on every rank of a job. */
    public static void main(String[] args) {
        daalinit();
        Matrix all = KMeansData.dense();
        lines(Examples.slice(all, myProcid(), numProcs()), true).forEach(System.out::println);
        daalfini();
    }

    /** The lines for this rank's rows (distributed) or for all rows (batch, then assignments are all rows'). */
    static List<String> lines(Matrix data, boolean distributed) {
        List<String> out = new ArrayList<>();
        for (String method : List.of("defaultDense", "plusPlusDense", "parallelPlusDense")) {
            KMeansInitResult init = kmeansInit(10).method(method).seed(7).distributed(distributed).compute(data);
            KMeansResult r = kmeans(10, 25).distributed(distributed).compute(data, init.centroids);
            out.add(method + ".init=" + values(init.centroids));
            out.add(method + ".centroids=" + values(r.centroids));
            out.add(method + ".objective=" + String.format(Locale.ROOT, "%.17g", r.objectiveFunction));
            out.add(method + ".nIterations=" + r.nIterations);
            StringBuilder labels = new StringBuilder();
            for (int a : r.assignmentsAsInts()) {
                labels.append((char) ('0' + a));
            }
            out.add(method + ".assignments=" + labels);
        }
        try {
            kmeans(10, 5).distributed(distributed)
                    .compute(data, myProcid() == numProcs() - 1 ? Matrix.zeros(10, 3) : data.rowRange(0, 10));
            out.add("badWidth=no error");
        } catch (SpmdException | IllegalArgumentException e) {
            out.add("badWidth=" + e.getMessage());
        }
        return out;
    }

    private static String values(Matrix m) {
        StringBuilder s = new StringBuilder();
        for (double v : m.rowMajorView()) {
            s.append(s.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.17g", v));
        }
        return s.toString();
    }
}
