package daal4j;

import daal4j.algorithms.kmeans.KMeans;
import daal4j.algorithms.kmeans.KMeansInit;
import daal4j.algorithms.moments.LowOrderMoments;
import daal4j.spmd.Communicator;
import daal4j.spmd.Spmd;

/**
 * daal4j's front door, named as daal4py: {@code import static daal4j.Daal4j.*;} gives
 * {@code daalinit}, {@code daalfini}, {@code numProcs}, {@code myProcid} and one factory per
 * algorithm.
 */
public final class Daal4j {

    private Daal4j() {
    }

    /** Starts the engine for this process (Open MPI under mpirun, else single); idempotent. */
    public static Communicator daalinit() {
        return Spmd.init();
    }

    /** Stops the engine started by {@link #daalinit()}. */
    public static void daalfini() {
        Spmd.fini();
    }

    /** Number of ranks. */
    public static int numProcs() {
        return Spmd.current().size();
    }

    /** This rank, 0-based. */
    public static int myProcid() {
        return Spmd.current().rank();
    }

    // ---- algorithms (one factory each, daal4py's names in camelCase) ----

    /** daal4py's kmeans_init: initial centroids for {@code nClusters} clusters. */
    public static KMeansInit kmeansInit(int nClusters) {
        return new KMeansInit(nClusters);
    }

    /** daal4py's kmeans: Lloyd's k-means, {@code nClusters} clusters, at most {@code maxIterations} iterations. */
    public static KMeans kmeans(int nClusters, int maxIterations) {
        return new KMeans(nClusters, maxIterations);
    }

    /** Low order moments: minimum, maximum, sums, mean, variance … of every column. */
    public static LowOrderMoments lowOrderMoments() {
        return new LowOrderMoments();
    }
}
