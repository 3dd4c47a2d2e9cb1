package daal4j.algorithms;

import java.util.function.Supplier;

/**
 * The shape every summarizing algorithm shares: a partial of the local rows, merged across
 * chunks (streaming) and ranks (distributed) in rank order, then finalized identically on
 * every rank. Batch is the same on one rank. The family gives its {@link Summary} (which
 * merges itself) and the finish; the folds over chunks and ranks are {@link Fold}'s.
 *
 * @param <A> the concrete algorithm, for fluent setters
 * @param <P> the partial summary
 * @param <R> the result
 */
public abstract class Algorithm<A extends Algorithm<A, P, R>, P extends Summary<P>, R> extends Modes<A, P>
        implements ChunkedCompute<R> {

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

    /**
     * The batch (or distributed) result of this rank's rows given as consecutive chunks:
     * {@code feed} calls {@code compute} once per chunk, in row order. Lets a caller pass rows
     * while they still arrive (the Python bridge computes on an array while copying it in);
     * the result equals one {@code compute} of all rows up to the rounding of merging the
     * chunks' summaries. In streaming mode the chunks are added (returns null); if one fails,
     * none is, as when one {@code compute} fails.
     */
    @Override
    public final R computeChunks(Runnable feed) {
        if (isStreaming()) {
            P before = pending();
            try {
                feed.run();
            } catch (RuntimeException | Error e) {
                keep(before);  // summaries are immutable: the earlier state is intact
                throw e;
            }
            return null;
        }
        streaming(true);
        try {
            // the feed runs where a batch compute reads its rows, so a bad chunk on one rank
            // fails every rank alike
            return finish(reduce(() -> {
                feed.run();
                P all = pending();
                if (all == null) {
                    throw new IllegalArgumentException("computeChunks: the feed gave no chunk");
                }
                return all;
            }));
        } finally {
            keep(null);
            streaming(false);
        }
    }

    /**
     * The result of rows summarized elsewhere, as {@code compute} of those rows gives it:
     * {@code encoded} is their summary in this family's {@link Summary#encode()} form (the
     * Python bridge computes the moments summary on numpy's memory with the same native code).
     * Batch, distributed (collective: a summary that does not decode fails every rank alike)
     * or streaming (added; returns null).
     */
    public final R computeSummary(double[] encoded) {
        return run(() -> {
            try {
                return decoder().decode(encoded);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("computeSummary: " + encoded.length
                        + " values are not a summary of this algorithm (" + e + ")", e);
            }
        });
    }

    /** Reads the family's summary back from its {@link Summary#encode()}, to merge across ranks. */
    protected abstract Summary.Decoder<P> decoder();

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
            keep(pending() == null ? p : Fold.merge(pending(), p));
            return null;
        }
        return finish(reduce(local));
    }

    /** Merges the local summary with every other rank's (this rank alone in batch), in rank order. */
    private P reduce(Supplier<P> local) {
        return Fold.acrossRanks(communicator(), local, decoder());
    }
}
