package daal4j.spmd;

import java.time.Duration;

/** A discoverable engine (ServiceLoader), opened by {@code daalinit} when it applies. */
public interface TransportProvider {

    /** Engine name, as shown by {@link Transport#engine()}. */
    String name();

    /** Whether this process was started by this engine's launcher (e.g. mpirun). */
    boolean launchedHere();

    /** Opens this process's transport; {@code timeout} bounds every collective. */
    Transport open(Duration timeout);
}
