package daal4j.algorithms.qr;

import daal4j.data.Inputs;

/**
 * The shape of the algorithms that need this rank's rows of Q as well as R (qr, svd): the
 * generic partial/merge shape carries R only, so these run {@link Tsqr} themselves, with the
 * same fluent modes: batch, {@code distributed(true)}, {@code streaming(true)} and both.
 *
 * @param <A> the concrete algorithm, for fluent setters
 * @param <R> the result
 */
public abstract class TsqrAlgorithm<A extends TsqrAlgorithm<A, R>, R> {

    private boolean distributed;
    private boolean streaming;
    private Tsqr pending;

    /** Runs across all ranks (daal4py's {@code distributed=True}). */
    public A distributed(boolean on) {
        distributed = on;
        return self();
    }

    /** Accumulates chunks over {@code compute} calls until {@link #finalizeCompute()}. */
    public A streaming(boolean on) {
        if (pending != null) {
            throw new IllegalStateException("cannot switch streaming while chunks are pending");
        }
        streaming = on;
        return self();
    }

    /** Whether this runs across all ranks. */
    public boolean isDistributed() {
        return distributed;
    }

    /** Whether this accumulates chunks. */
    public boolean isStreaming() {
        return streaming;
    }

    /**
     * The decomposition of {@code data} (a Matrix, double[][], Table or CSV path: this rank's
     * rows when distributed); in streaming mode adds the chunk and returns null.
     */
    public R compute(Object data) {
        if (streaming) {
            if (pending == null) {
                pending = new Tsqr(name(), keepQ());
            }
            pending.add(Inputs.matrix(data, "data"));
            return null;
        }
        Tsqr t = new Tsqr(name(), keepQ());
        return finish(t.combine(distributed, () -> t.add(Inputs.matrix(data, "data"))));
    }

    /** The decomposition of this rank's file: {@code pattern} with {@code {}} replaced by {@code id}. */
    public R compute(String pattern, int id) {
        return compute(Inputs.perRank(pattern, id));
    }

    /** The result of all chunks given since the last finalize (streaming); collective when distributed. */
    public R finalizeCompute() {
        if (!streaming) {
            throw new IllegalStateException("finalizeCompute() is for streaming mode; call streaming(true) first");
        }
        Tsqr t = pending;
        pending = null;
        Tsqr chunks = t == null ? new Tsqr(name(), keepQ()) : t;
        return finish(chunks.combine(distributed, () -> {
            if (t == null) {
                throw new IllegalStateException("finalizeCompute() before any compute() call");
            }
        }));
    }

    /** daal4py's name of the algorithm, for errors. */
    protected abstract String name();

    /** Whether the result needs this rank's rows of Q. */
    protected abstract boolean keepQ();

    /** The result from the combined factorization; runs identically on every rank. */
    protected abstract R finish(Tsqr.Global qr);

    @SuppressWarnings("unchecked")
    private A self() {
        return (A) this;
    }
}
