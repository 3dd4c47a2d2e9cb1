package daal4j.bench;

import daal4j.data.Matrix;

/** One benchmarked computation over this rank's rows; collective when distributed. */
@FunctionalInterface
public interface Workload {

    /**
     * Runs the computation once on this rank's rows {@code x} and, for supervised workloads,
     * their responses or labels {@code y} (else null); returns the result so it is not skipped.
     */
    Object run(Matrix x, Matrix y);
}
