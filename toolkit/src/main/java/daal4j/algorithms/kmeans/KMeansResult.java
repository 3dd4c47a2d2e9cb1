package daal4j.algorithms.kmeans;

import daal4j.algorithms.Result;
import daal4j.data.Matrix;

/** The result of {@code kmeans}: daal4py's fields, the same on every rank except the local assignments. */
public final class KMeansResult extends Result {

    /** Final centroids, nClusters x p. */
    public final Matrix centroids;
    /**
     * Cluster index (0-based) of each local row under the final centroids, rows x 1; null
     * when neither assignFlag nor resultsToEvaluate asks for them.
     */
    public final Matrix assignments;
    /**
     * Sum over all rows of the squared distance to the nearest final centroid; NaN when
     * resultsToEvaluate leaves out computeExactObjectiveFunction.
     */
    public final double objectiveFunction;
    /** Number of Lloyd iterations run. */
    public final int nIterations;

    KMeansResult(Matrix centroids, Matrix assignments, double objectiveFunction, int nIterations) {
        this.centroids = centroids;
        this.assignments = assignments;
        this.objectiveFunction = objectiveFunction;
        this.nIterations = nIterations;
    }

    /** The assignments as ints (null when not computed). */
    public int[] assignmentsAsInts() {
        if (assignments == null) {
            return null;
        }
        double[] a = assignments.rowMajorView();
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (int) a[i];
        }
        return out;
    }
}
