package daal4j.algorithms;

/**
 * An algorithm that computes on this rank's rows given as consecutive chunks, so a caller can
 * pass rows while they still arrive (the Python bridge reads an array while the JVM computes).
 *
 * @param <R> the result
 */
public interface ChunkedCompute<R> {

    /**
     * The result of the rows that {@code feed} gives, by calling this algorithm's
     * {@code compute} once per chunk in row order; equal to one {@code compute} of all the rows
     * up to the rounding of merging the chunks' summaries. In streaming mode the chunks are
     * added (returns null); if one fails, none is.
     */
    R computeChunks(Runnable feed);
}
