package daal4j.examples;

import static daal4j.Daal4j.daalfini;
import static daal4j.Daal4j.daalinit;

import daal4j.linalg.Linalg;
import daal4j.spmd.Communicator;
import daal4j.spmd.Spmd;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs every example: on 4 local ranks of this JVM (or {@code --ranks N}), or, when started
 * by mpirun, on the MPI ranks. Arguments after the options name the examples to run.
 */
public final class RunExamples {

    private RunExamples() {
    }

    /** Every example's SPMD body, by name. */
    public static Map<String, Runnable> examples() {
        Map<String, Runnable> all = new LinkedHashMap<>();
        all.put("low_order_moments", LowOrderMomentsExample::run);
        all.put("covariance", CovarianceExample::run);
        all.put("linear_regression", LinearRegressionExample::run);
        all.put("ridge_regression", RidgeRegressionExample::run);
        all.put("naive_bayes", NaiveBayesExample::run);
        all.put("kmeans", KMeansExample::run);
        all.put("kmeans_csr", KMeansCsrExample::run);
        all.put("qr", QrExample::run);
        all.put("svd", SvdExample::run);
        all.put("pca", PcaExample::run);
        return all;
    }

    /** Runs the examples named in {@code args} (all when none), printing each result on rank 0. */
    public static void main(String[] args) {
        int ranks = 4;
        Map<String, Runnable> chosen = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--ranks")) {
                ranks = i + 1 < args.length && args[i + 1].matches("[1-9][0-9]{0,3}") ? Integer.parseInt(args[++i])
                        : usage("--ranks needs a positive number of ranks");
            } else if (examples().containsKey(args[i])) {
                chosen.put(args[i], examples().get(args[i]));
            } else {
                usage("unknown example '" + args[i] + "'; known: " + String.join(", ", examples().keySet()));
            }
        }
        if (chosen.isEmpty()) {
            chosen = examples();
        }
        Communicator process = daalinit();
        boolean underMpi = process.size() > 1;
        if (process.rank() == 0) {
            System.out.println("daal4j examples on " + (underMpi ? process.size() + " " + process.engine()
                    : ranks + " local") + " ranks; " + Linalg.describe());
        }
        for (Map.Entry<String, Runnable> e : chosen.entrySet()) {
            if (process.rank() == 0) {
                System.out.println("\n=== " + e.getKey());
            }
            if (underMpi) {
                e.getValue().run();
            } else {
                Spmd.local(ranks).run(e.getValue());
            }
        }
        daalfini();
    }

    /** A wrong command line: one line on stderr, exit status 2, as the launcher does. */
    private static int usage(String problem) {
        System.err.println("examples: " + problem + " (scripts/examples [--ranks N] [name ...])");
        System.exit(2);
        return 0;
    }
}
