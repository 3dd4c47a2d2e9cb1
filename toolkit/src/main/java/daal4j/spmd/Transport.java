package daal4j.spmd;

/**
 * The one primitive an engine provides: every rank contributes a byte frame and every
 * rank receives all frames in rank order. Collectives, status and reductions are built on
 * it by {@link Communicator}, so engines stay small and behave alike.
 */
public interface Transport extends AutoCloseable {

    /** This rank's index, 0-based. */
    int rank();

    /** Number of ranks. */
    int size();

    /** Short engine name for logs and status ("single", "local", "mpi"). */
    String engine();

    /**
     * Exchanges one frame per rank; returns all frames indexed by rank.
     * Throws {@link SpmdException} when a rank is gone or the timeout passes.
     */
    byte[][] allgather(byte[] frame);

    /** Releases the engine's resources; collectives fail afterwards. */
    @Override
    void close();
}
