package daal4j.algorithms.kmeans;

import daal4j.algorithms.Result;
import daal4j.data.Matrix;

/** The result of {@code kmeansInit}: the initial centroids, the same on every rank. */
public final class KMeansInitResult extends Result {

    /** Initial centroids, nClusters x p. */
    public final Matrix centroids;

    KMeansInitResult(Matrix centroids) {
        this.centroids = centroids;
    }
}
