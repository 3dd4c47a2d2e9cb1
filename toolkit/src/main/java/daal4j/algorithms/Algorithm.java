package daal4j.algorithms;

import daal4j.spmd.Communicator;
import daal4j.spmd.Spmd;
import java.util.function.Supplier;

/**
 * The shape every summarizing algorithm shares: a partial of the local rows, merged across
 * chunks (streaming) and ranks (distributed) in rank order, then finalized identically on
 * every rank. Batch is the same on one rank.
 *
 * @param <A> the concrete algorithm, for fluent setters
 * @param <P> the partial summary
 * @param <R> the result
 */
public abstract class Algorithm<A extends Algorithm<A, P, R>, P, R> extends Modes<A, P> {

    /**
     * The result of all chunks given to {@code compute} since the last finalize (streaming
     * mode); collective when distributed.
     */
    public R finalizeCompute() {
        P all = takePending();
        return finish(reduce(() -> {
            if (all == null) {
                throw noChunks();
            }
            return all;
        }));
    }

    /** Combines two summaries, {@code first}'s rows before {@code second}'s. */
    protected abstract P merge(P first, P second);

    /** The summary as plain doubles, to cross ranks. */
    protected abstract double[] encode(P partial);

    /** The summary back from {@link #encode}. */
    protected abstract P decode(double[] encoded);

    /** The result from the summary of all rows; runs identically on every rank. */
    protected abstract R finish(P all);

    /**
     * What every {@code compute} overload calls with the summary of its local rows (read
     * inside {@code local}, so that a rank's bad file or input fails every rank alike): batch
     * and distributed return the result; streaming keeps the summary and returns null until
     * {@link #finalizeCompute()}.
     */
    protected final R run(Supplier<P> local) {
        if (isStreaming()) {
            P p = local.get();
            keep(pending() == null ? p : merge(pending(), p));
            return null;
        }
        return finish(reduce(local));
    }

    /** Merges the local summary with every other rank's (when distributed), in rank order. */
    private P reduce(Supplier<P> local) {
        if (!isDistributed()) {
            return local.get();
        }
        Communicator comm = Spmd.current();
        double[][] all = comm.allgatherDoubles(() -> encode(local.get()));
        P acc = decode(all[0]);
        for (int r = 1; r < all.length; r++) {
            try {
                acc = merge(acc, decode(all[r]));
            } catch (IllegalArgumentException e) {
                // every rank merges the same summaries, so every rank raises this same error
                throw new IllegalArgumentException("rank " + r + " does not match ranks 0.." + (r - 1)
                        + ": " + e.getMessage(), e);
            }
        }
        return acc;
    }
}
