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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The k-means scenarios one rank runs, as "name=value" lines (a name repeats for each value of
 * a matrix): under {@code mpirun} (main) and
 * computed in one JVM for comparison ({@link #lines}). Each rank takes its slice of daal4py's
 * example file, as daal4py's SPMD example does.
 */
public final class KMeansMpiMain {

    private KMeansMpiMain() {
    }

    /**
     * Runs on every rank of a job; writes the lines to {@code <args[0]>/rank<r>.txt} (mpirun's
     * output forwarding can cut long output mid-line).
     */
    public static void main(String[] args) throws IOException {
        daalinit();
        Matrix all = KMeansData.dense();
        List<String> lines = lines(Examples.slice(all, myProcid(), numProcs()), true);
        Files.write(Path.of(args[0], "rank" + myProcid() + ".txt"), lines);
        daalfini();
    }

    /** The lines for this rank's rows (distributed) or for all rows (batch, then assignments are all rows'). */
    static List<String> lines(Matrix data, boolean distributed) {
        List<String> out = new ArrayList<>();
        for (String method : List.of("defaultDense", "plusPlusDense", "parallelPlusDense")) {
            KMeansInitResult init = kmeansInit(10).method(method).seed(7).distributed(distributed).compute(data);
            KMeansResult r = kmeans(10, 25).distributed(distributed).compute(data, init.centroids);
            values(out, method + ".init", init.centroids);
            values(out, method + ".centroids", r.centroids);
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

    /** One "name=value" line per value, full precision. */
    private static void values(List<String> out, String name, Matrix m) {
        for (double v : m.rowMajorView()) {
            out.add(name + "=" + String.format(Locale.ROOT, "%.17g", v));
        }
    }
}
