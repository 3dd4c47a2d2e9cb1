package daal4j.bench;

import daal4j.data.Matrix;

/** One benchmarked computation over this rank's rows; collective when distributed. */
@FunctionalInterface
public interface Workload {

    /** Runs the computation once; the returned value is kept alive so the work is not skipped. */
    Object run(Matrix localRows);
}
