package daal4j.bridge;

import daal4j.algorithms.Result;
import daal4j.algorithms.naivebayes.MultinomialNaiveBayesPrediction;
import daal4j.algorithms.regression.RegressionPrediction;
import daal4j.data.Matrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The algorithms whose every result row comes from one row of their data alone (the
 * predictions), computed a chunk of rows at a time as the rows arrive: the input is never
 * held whole in the JVM, and each chunk's copy overlaps the compute of the one before.
 */
final class RowWise {

    // not PCA transform, though row by row too: its eigenvectors are an array that may have as
    // many rows as the data, and would then be cut into chunks with it
    private static final List<Class<?>> ALGORITHMS = List.of(RegressionPrediction.class,
            MultinomialNaiveBayesPrediction.class);

    private RowWise() {
    }

    /** Whether {@code algorithm} computes row by row. */
    static boolean takes(Object algorithm) {
        return ALGORITHMS.stream().anyMatch(c -> c.isInstance(algorithm));
    }

    /**
     * {@code algorithm.compute} on each chunk of {@code in} (the other arguments as given), and
     * the result of all rows: each field's chunk matrices stacked in row order (null stays null),
     * equal to one compute on the whole input.
     */
    static Result compute(Object algorithm, List<Object> args, Incoming in, BufferPool pool) {
        var compute = Invoker.bound(algorithm.getClass(), algorithm, "compute");
        Map<String, List<Matrix>> parts = new LinkedHashMap<>();
        List<Class<? extends Result>> type = new ArrayList<>(1);
        in.forEachChunk(args, pool, chunk -> {
            Result r = (Result) compute.apply(chunk);
            if (type.isEmpty()) {
                type.add(r.getClass());
            }
            // kept as they are: these algorithms build their result matrices anew, none views
            // the chunk buffers (which are reused; the tests compare against whole computes)
            r.fields().forEach((name, value) -> parts.computeIfAbsent(name, k -> new ArrayList<>()).add((Matrix) value));
        });
        Map<String, Object> whole = new LinkedHashMap<>();
        parts.forEach((name, chunks) -> whole.put(name, chunks.get(0) == null ? null : Matrix.stack(chunks)));
        return Result.of(type.get(0), whole);
    }
}
