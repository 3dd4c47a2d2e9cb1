package daal4j.algorithms.kmeans;

import static daal4j.Daal4j.daalfini;
import static daal4j.Daal4j.daalinit;
import static daal4j.Daal4j.kmeans;
import static daal4j.Daal4j.kmeansInit;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;

import daal4j.data.CsrMatrix;
import daal4j.spmd.SpmdException;
import daal4j.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CSR k-means scenarios one rank runs under {@code mpirun}, as "name=value" lines in
 * {@code <args[0]>/rank<r>.txt}; {@link #lines} computes the same in one JVM for comparison.
 */
public final class KMeansCsrMpiMain {

    private KMeansCsrMpiMain() {
    }

    /** Runs on every rank of a job, each on its row range of daal4py's kmeans_csr.csv. */
    public static void main(String[] args) throws IOException {
        daalinit();
        CsrMatrix all = CsrMatrix.read(TestData.example("distributed/kmeans_csr.csv"));
        List<String> lines = lines(KMeansCsrTest.part(all, myProcid(), numProcs()), true);
        Files.write(Path.of(args[0], "rank" + myProcid() + ".txt"), lines);
        daalfini();
    }

    /** The lines for this rank's rows (distributed) or all rows (batch). */
    static List<String> lines(CsrMatrix data, boolean distributed) {
        List<String> out = new ArrayList<>();
        for (String method : List.of("defaultCSR", "plusPlusCSR", "parallelPlusCSR")) {
            KMeansInitResult init = kmeansInit(20).method(method).seed(7).distributed(distributed).compute(data);
            KMeansResult r = kmeans(20, 5).method("lloydCSR").assignFlag(true).distributed(distributed)
                    .compute(data, init.centroids);
            for (double v : init.centroids.rowMajorView()) {
                out.add(method + ".init=" + String.format(Locale.ROOT, "%.17g", v));
            }
            for (double v : r.centroids.rowMajorView()) {
                out.add(method + ".centroids=" + String.format(Locale.ROOT, "%.17g", v));
            }
            out.add(method + ".objective=" + String.format(Locale.ROOT, "%.17g", r.objectiveFunction));
            out.add(method + ".nIterations=" + r.nIterations);
            StringBuilder labels = new StringBuilder();
            for (int a : r.assignmentsAsInts()) {
                labels.append(a).append(',');
            }
            out.add(method + ".assignments=" + labels);
        }
        try {
            CsrMatrix mine = data;
            if (myProcid() == numProcs() - 1) {
                mine = CsrMatrix.of(data.rows(), 21, data.rowOffsetsView(), data.columnIndicesView(), data.valuesView());
            }
            kmeansInit(20).method("defaultCSR").distributed(distributed).compute(mine);
            out.add("badWidth=no error");
        } catch (SpmdException | IllegalArgumentException e) {
            out.add("badWidth=" + e.getMessage());
        }
        return out;
    }
}
