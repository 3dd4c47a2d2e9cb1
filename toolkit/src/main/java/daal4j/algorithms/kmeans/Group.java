package daal4j.algorithms.kmeans;

import daal4j.spmd.Communicator;
import daal4j.spmd.Spmd;
import java.util.function.Supplier;

/**
 * The ranks a k-means run spans: all ranks of the current communicator when distributed, or
 * this rank alone (batch), where each collective is a plain local call so bad input surfaces
 * as the IllegalArgumentException itself.
 */
final class Group {

    private final Communicator comm;

    private Group(Communicator comm) {
        this.comm = comm;
    }

    /** All ranks when {@code distributed}, else this rank alone. */
    static Group of(boolean distributed) {
        return new Group(distributed ? Spmd.current() : null);
    }

    int rank() {
        return comm == null ? 0 : comm.rank();
    }

    int size() {
        return comm == null ? 1 : comm.size();
    }

    /** Every rank's doubles by rank; a failure inside {@code local} fails every rank. */
    double[][] allgather(Supplier<double[]> local) {
        return comm == null ? new double[][] {local.get()} : comm.allgatherDoubles(local);
    }

    /** Element-wise sum over ranks, added in rank order so every rank gets the same bits. */
    double[] sum(double[] local) {
        if (comm == null) {
            return local;
        }
        double[][] all = comm.allgatherDoubles(() -> local);
        double[] acc = all[0].clone();
        for (int r = 1; r < all.length; r++) {
            for (int i = 0; i < acc.length; i++) {
                acc[i] += all[r][i];
            }
        }
        return acc;
    }
}
