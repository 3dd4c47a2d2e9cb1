package daal4j.algorithms.summaries;

import daal4j.algorithms.ChunkedCompute;
import daal4j.algorithms.Modes;
import daal4j.data.Inputs;

/**
 * The shape of the algorithms that need this rank's rows of Q as well as R (qr, svd): the
 * generic partial/merge shape carries R only, so these run {@link Tsqr} themselves, with the
 * same fluent modes: batch, {@code distributed(true)}, {@code streaming(true)} and both.
 *
 * @param <A> the concrete algorithm, for fluent setters
 * @param <R> the result
 */
public abstract class TsqrAlgorithm<A extends TsqrAlgorithm<A, R>, R> extends Modes<A, Tsqr>
        implements ChunkedCompute<R> {

    /** The factorization a running {@link #computeChunks} feeds: compute adds each chunk to it. */
    private Tsqr feeding;

    /**
     * The decomposition of {@code data} (a Matrix, double[][], Table or CSV path: this rank's
     * rows when distributed); in streaming mode, or while {@link #computeChunks} feeds, adds
     * the chunk and returns null.
     */
    public R compute(Object data) {
        if (feeding != null) {
            feeding.add(input(data, "data"));
            return null;
        }
        if (isStreaming()) {
            if (pending() == null) {
                keep(new Tsqr(name(), keepQ()));
            }
            pending().add(input(data, "data"));
            return null;
        }
        Tsqr t = new Tsqr(name(), keepQ());
        return finish(t.combine(communicator(), () -> t.add(input(data, "data"))));
    }

    /**
     * The decomposition of the rows {@code feed} gives through {@code compute}, chunk by chunk
     * (the rows need not all be in memory at once); in streaming mode the chunks are added and
     * null returned, and if one fails none is.
     */
    @Override
    public final R computeChunks(Runnable feed) {
        Tsqr t = isStreaming() && pending() != null ? pending() : new Tsqr(name(), keepQ());
        feeding = t;
        try {
            if (isStreaming()) {
                t.addAll(feed);
                keep(t);
                return null;
            }
            // the feed runs where a batch compute reads its rows, so a bad chunk on one rank
            // fails every rank alike
            return finish(t.combine(communicator(), feed));
        } finally {
            feeding = null;
        }
    }

    /** The decomposition of this rank's file: {@code pattern} with {@code {}} replaced by {@code id}. */
    public R compute(String pattern, int id) {
        return compute(Inputs.perRank(pattern, id));
    }

    /** The result of all chunks given since the last finalize (streaming); collective when distributed. */
    public R finalizeCompute() {
        Tsqr t = takePending();
        Tsqr chunks = t == null ? new Tsqr(name(), keepQ()) : t;
        return finish(chunks.combine(communicator(), () -> {
            if (t == null) {
                throw noChunks();
            }
        }));
    }

    /** daal4py's name of the algorithm, for errors. */
    protected abstract String name();

    /** Whether the result needs this rank's rows of Q. */
    protected abstract boolean keepQ();

    /** The result from the combined factorization; runs identically on every rank. */
    protected abstract R finish(Tsqr.Global qr);
}
