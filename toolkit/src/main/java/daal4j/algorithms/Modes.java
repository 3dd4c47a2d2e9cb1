package daal4j.algorithms;

import daal4j.data.Matrix;
import daal4j.spmd.Communicator;
import daal4j.spmd.Spmd;

/**
 * The fluent modes every summarizing algorithm shares: batch, {@code distributed(true)},
 * {@code streaming(true)} and both, and what streaming keeps of its chunks between
 * {@code compute} calls until {@code finalizeCompute()}.
 *
 * @param <A> the concrete algorithm, for fluent setters
 * @param <S> what streaming keeps of the chunks given so far
 */
public abstract class Modes<A extends Modes<A, S>, S> {

    private boolean distributed;
    private boolean streaming;
    private S pending;

    /** Runs across all ranks (daal4py's {@code distributed=True}). */
    public A distributed(boolean on) {
        distributed = on;
        return self();
    }

    /** Accumulates chunks over {@code compute} calls until {@code finalizeCompute()}. */
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
     * The ranks this runs across: all of them when distributed, else this rank alone (batch
     * is the same code on a one-rank communicator, whose errors are the local ones as they are).
     */
    protected final Communicator communicator() {
        return distributed ? Spmd.current() : Communicator.self();
    }

    /** What streaming keeps of the chunks given since the last finalize; null before the first. */
    protected final S pending() {
        return pending;
    }

    /** Keeps {@code chunks} as what streaming has of the chunks given so far. */
    protected final void keep(S chunks) {
        pending = chunks;
    }

    /**
     * For {@code finalizeCompute()}, which only streaming mode may call: what streaming kept
     * (null when no chunk came since the last finalize), forgotten here so the next chunk
     * starts afresh. A null must still take part in the finalize's collective and fail
     * there with {@link #noChunks()}, so that every rank raises the same error.
     */
    protected final S takePending() {
        if (!streaming) {
            throw new IllegalStateException("finalizeCompute() is for streaming mode; call streaming(true) first");
        }
        S all = pending;
        pending = null;
        return all;
    }

    /** The error of a {@code finalizeCompute()} with no chunk since the last one. */
    protected static IllegalStateException noChunks() {
        return new IllegalStateException("finalizeCompute() before any compute() call");
    }

    /**
     * This rank's rows of {@code data} (call it where the rows are read, inside the local
     * supplier, so a bad file fails every rank alike): a file split across ranks
     * ({@code Inputs.rowsOf}) gives this rank's part when distributed, the whole file otherwise.
     */
    protected final Matrix input(Object data, String what) {
        return LocalRows.of(data, what, distributed);
    }

    @SuppressWarnings("unchecked")
    private A self() {
        return (A) this;
    }
}
