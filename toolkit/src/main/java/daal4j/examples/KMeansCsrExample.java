package daal4j.examples;

import static daal4j.Daal4j.daalfini;
import static daal4j.Daal4j.daalinit;
import static daal4j.Daal4j.kmeans;
import static daal4j.Daal4j.kmeansInit;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;

import daal4j.algorithms.kmeans.KMeansInitResult;
import daal4j.algorithms.kmeans.KMeansResult;
import daal4j.data.CsrMatrix;
import java.nio.file.Path;
import java.util.Locale;

/**
 * daal4py's kmeans CSR example, distributed: each rank takes its row range of the sparse file
 * (daal4py's CSR layout), 20 initial centroids are its first rows (defaultCSR), 5 Lloyd
 * iterations on the non-zeros (lloydCSR) refine them; rank 0 prints the first centroids and
 * the objective.
 */
public final class KMeansCsrExample {

    private KMeansCsrExample() {
    }

    /** The SPMD body: every rank runs it; rank 0 prints. */
    public static void run() {
        CsrMatrix all = CsrMatrix.read(Path.of(Examples.data("distributed/kmeans_csr.csv")));
        CsrMatrix data = Examples.slice(all, myProcid(), numProcs());
        KMeansInitResult init = kmeansInit(20).method("defaultCSR").distributed(true).compute(data);
        KMeansResult result = kmeans(20, 5).method("lloydCSR").distributed(true).compute(data, init.centroids);
        if (myProcid() == 0) {
            System.out.println("kmeans lloydCSR on " + numProcs() + " ranks (" + all + "), rank 0 holds "
                    + data.rows() + " rows:");
            System.out.println("first centroids (of " + result.centroids.rows() + " x " + result.centroids.cols() + "):");
            for (int l = 0; l < 3; l++) {
                StringBuilder line = new StringBuilder();
                for (int j = 0; j < Math.min(6, result.centroids.cols()); j++) {
                    line.append(String.format(Locale.ROOT, "%12.4f", result.centroids.get(l, j)));
                }
                System.out.println(line.append(" ..."));
            }
            System.out.println(String.format(Locale.ROOT, "objectiveFunction: %.6e", result.objectiveFunction));
            System.out.println("nIterations: " + result.nIterations);
        }
    }

    /** Runs the example on this process's engine (one rank, or every rank under mpirun). */
    public static void main(String[] args) {
        daalinit();
        run();
        daalfini();
    }
}
