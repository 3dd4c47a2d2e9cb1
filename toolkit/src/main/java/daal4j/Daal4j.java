package daal4j;

import daal4j.algorithms.covariance.Covariance;
import daal4j.algorithms.kmeans.KMeans;
import daal4j.algorithms.kmeans.KMeansInit;
import daal4j.algorithms.moments.LowOrderMoments;
import daal4j.algorithms.pca.NormalizationZscore;
import daal4j.algorithms.pca.Pca;
import daal4j.algorithms.pca.PcaTransform;
import daal4j.algorithms.qr.Qr;
import daal4j.algorithms.svd.Svd;
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

    /** QR decomposition (daal4py's {@code qr}). */
    public static Qr qr() {
        return new Qr();
    }

    /** Principal component analysis (daal4py's {@code pca}). */
    public static Pca pca() {
        return new Pca();
    }

    /** Projection onto principal components (daal4py's {@code pca_transform}), all components. */
    public static PcaTransform pcaTransform() {
        return new PcaTransform();
    }

    /** Projection onto the first {@code nComponents} principal components (daal4py's {@code pca_transform}). */
    public static PcaTransform pcaTransform(int nComponents) {
        return new PcaTransform().nComponents(nComponents);
    }

    /** The z-score normalization parameter of svdDense pca (daal4py's {@code normalization_zscore}). */
    public static NormalizationZscore normalizationZscore() {
        return new NormalizationZscore();
    }

    /** Singular value decomposition (daal4py's {@code svd}). */
    public static Svd svd() {
        return new Svd();
    }

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

    /** Covariance (or correlation) matrix and means of the columns. */
    public static Covariance covariance() {
        return new Covariance();
    }
}
