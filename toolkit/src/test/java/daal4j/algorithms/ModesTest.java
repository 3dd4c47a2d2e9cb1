package daal4j.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.Daal4j;
import daal4j.algorithms.covariance.Covariance;
import daal4j.algorithms.covariance.CovarianceResult;
import daal4j.algorithms.qr.Qr;
import daal4j.algorithms.qr.QrResult;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import daal4j.spmd.Spmd;
import daal4j.spmd.SpmdException;
import daal4j.testing.TestData;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The mode rules of {@link Modes}, for both of its shapes: a partial/merge {@link Algorithm}
 * (covariance) and a {@code TsqrAlgorithm} (qr).
 */
class ModesTest {

    private static final Matrix A = rows("distributed/qr_1.csv", 100);
    private static final Matrix B = rows("distributed/qr_2.csv", 80);

    /** One algorithm of a shape, seen through what the mode rules need: a result matrix or null. */
    private record Shape(String name, Supplier<Modes<?, ?>> make, BiFunction<Modes<?, ?>, Matrix, Matrix> compute,
            Function<Modes<?, ?>, Matrix> finalizeCompute) {

        Matrix batch(Matrix data) {
            return compute.apply(make.get(), data);
        }
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("covariance", Daal4j::covariance,
                    (alg, data) -> covariance(((Covariance) alg).compute(data)),
                    alg -> covariance(((Covariance) alg).finalizeCompute())),
            new Shape("qr", Daal4j::qr,
                    (alg, data) -> matrixR(((Qr) alg).compute(data)),
                    alg -> matrixR(((Qr) alg).finalizeCompute())));

    @Test
    void fluentSettersKeepTheConcreteType() {
        Covariance c = Daal4j.covariance().distributed(true).streaming(true);
        Qr q = Daal4j.qr().streaming(true).distributed(true);
        assertTrue(c.isDistributed() && c.isStreaming());
        assertTrue(q.isDistributed() && q.isStreaming());
        q.distributed(false).streaming(false);
        assertFalse(q.isDistributed() || q.isStreaming());
    }

    @Test
    void finalizeComputeIsForStreamingOnly() {
        for (Shape s : SHAPES) {
            assertIllegalState(s.name + " batch", "is for streaming mode", () -> s.finalizeCompute.apply(s.make.get()));
            assertIllegalState(s.name + " distributed", "is for streaming mode",
                    () -> s.finalizeCompute.apply(s.make.get().distributed(true)));
        }
    }

    @Test
    void streamingCannotSwitchWhileChunksArePending() {
        for (Shape s : SHAPES) {
            Modes<?, ?> alg = s.make.get().streaming(true);
            assertNull(s.compute.apply(alg, A), s.name + " streaming returns null");
            assertIllegalState(s.name, "cannot switch streaming", () -> alg.streaming(false));
            s.finalizeCompute.apply(alg);
            assertEquals(s.batch(B), s.compute.apply(alg.streaming(false), B), s.name + " batch after finalize");
        }
    }

    @Test
    void eachFinalizeStartsAfresh() {
        for (Shape s : SHAPES) {
            Modes<?, ?> alg = s.make.get().streaming(true);
            for (Matrix chunk : List.of(A, B)) {
                s.compute.apply(alg, chunk);
                assertEquals(s.batch(chunk), s.finalizeCompute.apply(alg), s.name + " one chunk since the finalize");
            }
            assertIllegalState(s.name, "before any compute() call", () -> s.finalizeCompute.apply(alg));
        }
    }

    @Test
    void finalizeBeforeAnyComputeFailsEveryRankAlike() {
        for (Shape s : SHAPES) {
            // rank 1 gave a chunk, rank 0 none: both still meet in the collective and both fail
            List<String> errors = Spmd.local(2).call(() -> {
                Modes<?, ?> alg = s.make.get().distributed(true).streaming(true);
                if (Spmd.current().rank() == 1) {
                    s.compute.apply(alg, A);
                }
                try {
                    s.finalizeCompute.apply(alg);
                    return "no error";
                } catch (SpmdException e) {
                    return e.failedRank() + ": " + e.getMessage();
                }
            });
            assertEquals(errors.get(0), errors.get(1), s.name);
            assertTrue(errors.get(0).startsWith("0: ") && errors.get(0).contains("before any compute() call"),
                    s.name + ": " + errors.get(0));
        }
    }

    private static void assertIllegalState(String where, String part, Runnable call) {
        IllegalStateException e = assertThrows(IllegalStateException.class, call::run, where);
        assertTrue(e.getMessage().contains(part), where + ": " + e.getMessage());
    }

    private static Matrix covariance(CovarianceResult r) {
        return r == null ? null : r.covariance;
    }

    private static Matrix matrixR(QrResult r) {
        return r == null ? null : r.matrixR;
    }

    private static Matrix rows(String example, int n) {
        return Inputs.matrix(TestData.example(example), example).rowRange(0, n);
    }
}
