package daal4j.spmd.mpi;

import daal4j.spmd.Transport;
import daal4j.spmd.TransportProvider;
import java.time.Duration;

/**
 * The Open MPI engine, chosen by {@code daalinit()} when the process was started by
 * {@code mpirun}. Touches no {@code mpi.*} class until {@link #open}, so it can be listed on
 * a class path without Open MPI's Java bindings.
 */
public final class MpiTransportProvider implements TransportProvider {

    /** Environment variable Open MPI's launcher sets in every rank. */
    static final String SIZE_VARIABLE = "OMPI_COMM_WORLD_SIZE";

    @Override
    public String name() {
        return "mpi";
    }

    @Override
    public boolean launchedHere() {
        return System.getenv(SIZE_VARIABLE) != null;
    }

    @Override
    public Transport open(Duration timeout) {
        try {
            return MpiTransport.open(timeout);
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("launched by mpirun, but Open MPI's Java bindings (mpi.jar) are not"
                    + " on the class path; run scripts/setup and start ranks with bin/daal4j run --mpi", e);
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException("launched by mpirun, but Open MPI's JNI library libmpi_java.so was not"
                    + " found on java.library.path (" + System.getProperty("java.library.path")
                    + "); install libopenmpi3 or add its directory (ompi_info --path libdir)", e);
        }
    }
}
