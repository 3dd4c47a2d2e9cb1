package daal4j.examples;

import static daal4j.Daal4j.daalfini;
import static daal4j.Daal4j.daalinit;
import static daal4j.Daal4j.kmeans;
import static daal4j.Daal4j.kmeansInit;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;

import daal4j.algorithms.kmeans.KMeansInitResult;
import daal4j.algorithms.kmeans.KMeansResult;
import daal4j.data.Csv;
import daal4j.data.Matrix;
import java.nio.file.Path;
import java.util.Locale;

/**
 * daal4py's kmeans SPMD example: each rank takes its slice of one file, k-means++ picks 10
 * initial centroids, 25 Lloyd iterations refine them; rank 0 prints each iteration's objective.
 */
public final class KMeansExample {

    private KMeansExample() {
    }

    /** The SPMD body: every rank runs it; rank 0 prints. */
    public static void run() {
        Matrix all = Csv.read(Path.of(Examples.data("distributed/kmeans_dense.csv")));
        Matrix data = Examples.slice(all, myProcid(), numProcs());
        KMeansInitResult init = kmeansInit(10).method("plusPlusDense").distributed(true).compute(data);
        KMeansResult result = kmeans(10, 25).distributed(true)
                .onIteration((iteration, objective) -> {
                    if (myProcid() == 0) {
                        System.out.printf(Locale.ROOT, "iteration %2d: objective %.6e%n", iteration, objective);
                    }
                })
                .compute(data, init.centroids);
        if (myProcid() == 0) {
            System.out.println("kmeans on " + numProcs() + " ranks (" + all.rows() + " rows), rank 0 holds "
                    + result.assignments.rows() + " assignments:");
            System.out.println(result);
        }
    }

    /** Runs the example on this process's engine (one rank, or every rank under mpirun). */
    public static void main(String[] args) {
        daalinit();
        run();
        daalfini();
    }
}
