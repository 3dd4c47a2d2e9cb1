package daal4j.algorithms.kmeans;

import daal4j.spmd.Communicator;
import daal4j.spmd.Op;
import daal4j.spmd.Spmd;
import java.util.function.Supplier;

/**
 * The ranks a k-means run spans: all ranks of the current communicator when distributed, or
 * this rank alone (batch: the one-rank communicator, whose collectives are plain local calls,
 * so bad input surfaces as the IllegalArgumentException itself).
 */
final class Group {

    private final Communicator comm;

    private Group(Communicator comm) {
        this.comm = comm;
    }

    /** All ranks when {@code distributed}, else this rank alone. */
    static Group of(boolean distributed) {
        return new Group(distributed ? Spmd.current() : Communicator.self());
    }

    Communicator comm() {
        return comm;
    }

    int rank() {
        return comm.rank();
    }

    int size() {
        return comm.size();
    }

    /** Every rank's doubles by rank; a failure inside {@code local} fails every rank. */
    double[][] allgather(Supplier<double[]> local) {
        return comm.allgatherDoubles(local);
    }

    /** Element-wise sum over ranks, added in rank order so every rank gets the same bits. */
    double[] sum(double[] local) {
        return comm.allreduce(local, Op.SUM);
    }
}
