package daal4j.algorithms.kmeans;

/** Told after each Lloyd iteration, on every rank (e.g. to show progress in a notebook). */
@FunctionalInterface
public interface IterationListener {

    /**
     * Iteration {@code iteration} (1-based) has ended; {@code objective} is the sum of squared
     * distances of all rows to the centroids that iteration started from.
     */
    void onIteration(int iteration, double objective);
}
