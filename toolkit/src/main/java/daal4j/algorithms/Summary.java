package daal4j.algorithms;

/**
 * A plain summary of some rows: the partial every summarizing algorithm computes on its local
 * rows and merges across chunks and ranks ({@link Fold}) before it finishes. A new algorithm
 * is a summary plus a finish.
 *
 * @param <S> the summary type itself
 */
public interface Summary<S extends Summary<S>> {

    /** Number of rows summarized. */
    long rows();

    /** Number of columns of the rows (of a summary of no rows: whatever its empty input had). */
    int width();

    /**
     * The summary of this one's rows followed by {@code later}'s. Call it through
     * {@link Fold#merge}: this runs only once both have rows and the same width.
     */
    S merge(S later);

    /** The summary as plain doubles, to cross ranks; its {@link Decoder} reads it back exactly. */
    double[] encode();

    /** What {@link #width()} counts, for errors: "columns", or e.g. "columns of data". */
    default String widthName() {
        return "columns";
    }

    /** Reads a summary back from its {@link #encode()}. */
    @FunctionalInterface
    interface Decoder<S> {
        /** The summary {@code encoded} holds. */
        S decode(double[] encoded);
    }
}
