package daal4j.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.Daal4j;
import daal4j.algorithms.covariance.CovarianceResult;
import daal4j.algorithms.qr.QrResult;
import daal4j.data.Matrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Arrays read, and computed on, while a writer (Python's copy thread, here a Java one) still fills the shared file. */
class IncomingTest {

    private static final int ROWS = 300_000;
    private static final long X_AT = 64;

    private SharedFile shared;
    private double[] x;
    private double[] y;
    private long yAt;

    @BeforeEach
    void setUp() throws Exception {
        shared = SharedFile.create();
        Random r = new Random(3);
        x = new double[ROWS * 3];
        y = new double[ROWS];
        for (int i = 0; i < x.length; i++) {
            x[i] = 10 + (i % 3 + 1) * r.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextGaussian();
        }
        yAt = X_AT + (long) x.length * Double.BYTES;
        shared.write(0, new long[] {0});
    }

    @AfterEach
    void tearDown() {
        shared.close();
    }

    /** Writes the rows block by block as Python does, storing the rows done after each block; -1 at failRow. */
    private Thread writer(int failRow) {
        Thread t = new Thread(() -> {
            int step = 7_001;
            for (int from = 0; from < ROWS; from += step) {
                int to = Math.min(ROWS, from + step);
                if (failRow >= from && failRow < to) {
                    shared.write(0, new long[] {-1});
                    return;
                }
                shared.write(X_AT + (long) from * 3 * Double.BYTES, Arrays.copyOfRange(x, from * 3, to * 3));
                shared.write(yAt + (long) from * Double.BYTES, Arrays.copyOfRange(y, from, to));
                shared.write(0, new long[] {to});
                Thread.yield();
            }
        });
        t.start();
        return t;
    }

    private Incoming incoming() {
        return new Incoming(shared, 0, ROWS, new int[] {0, 2}, new long[] {X_AT, yAt}, new int[] {3, 1});
    }

    private static List<Object> args() {
        List<Object> args = new ArrayList<>();
        args.add(null);
        args.add("kept");
        args.add(null);
        return args;
    }

    @Test
    void wholeArraysArriveAsWritten() throws Exception {
        Thread w = writer(-1);
        List<Object> got = incoming().whole(args());
        w.join();
        assertArrayEquals(x, ((Matrix) got.get(0)).rowMajorView());
        assertEquals("kept", got.get(1));
        assertArrayEquals(y, ((Matrix) got.get(2)).rowMajorView());
    }

    @Test
    void chunksArriveInRowOrder() throws Exception {
        Thread w = writer(-1);
        Incoming in = incoming();
        int[] next = {0};
        in.forEachChunk(args(), new BufferPool(), chunk -> {
            Matrix a = (Matrix) chunk.get(0);
            Matrix b = (Matrix) chunk.get(2);
            int from = next[0];
            assertEquals(a.rows(), b.rows());
            assertTrue(a.rows() == in.chunkRows() || from + a.rows() == ROWS, "only the last chunk is short");
            assertArrayEquals(Arrays.copyOfRange(x, from * 3, (from + a.rows()) * 3), a.rowMajorView());
            assertArrayEquals(Arrays.copyOfRange(y, from, from + b.rows()), b.rowMajorView());
            next[0] += a.rows();
        });
        w.join();
        assertEquals(ROWS, next[0]);
    }

    @Test
    void theChunkBuffersServeTheNextCall() throws Exception {
        BufferPool pool = new BufferPool();
        java.util.Set<double[]> first = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Thread w = writer(-1);
        incoming().forEachChunk(args(), pool, chunk -> first.add(((Matrix) chunk.get(0)).rowMajorView()));
        w.join();
        int[] reused = {0};
        incoming().forEachChunk(args(), pool, chunk -> reused[0] += first.contains(((Matrix) chunk.get(0))
                .rowMajorView()) ? 1 : 0);
        assertTrue(reused[0] > 0, "no buffer of the first call was reused");
        double[] kept = pool.take(12);
        pool.give(kept);
        assertTrue(pool.take(12) == kept && pool.take(12) != kept, "a buffer is handed out once");
    }

    @Test
    void aFailedWriterEndsTheWaitWithAnError() throws Exception {
        Thread w = writer(ROWS / 2);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> incoming().forEachChunk(args(), new BufferPool(), chunk -> { }));
        assertTrue(e.getMessage().contains("failed while copying"), e.getMessage());
        w.join();
        shared.write(0, new long[] {-1});
        assertThrows(IllegalStateException.class, () -> incoming().whole(args()));
    }

    @Test
    void anErrorOfTheConsumerStopsTheReader() throws Exception {
        Thread w = writer(-1);
        int before = Thread.activeCount();
        RuntimeException e = assertThrows(IllegalArgumentException.class, () -> incoming().forEachChunk(args(),
                new BufferPool(), chunk -> {
                    throw new IllegalArgumentException("bad chunk");
                }));
        assertEquals("bad chunk", e.getMessage());
        w.join();
        assertTrue(Thread.activeCount() <= before, "no reader thread left behind");
    }

    @Test
    void bridgeComputesSummariesChunkByChunkAndOthersOnTheWhole() throws Exception {
        Bridge bridge = new Bridge(shared, new MainThread());
        Matrix xm = Matrix.wrap(ROWS, 3, x);
        Thread w = writer(-1);
        CovarianceResult cov = (CovarianceResult) bridge.computeIncoming(Daal4j.covariance(),
                new ArrayList<>(Arrays.asList((Object) null)), List.of(0), List.of(X_AT), List.of(3), ROWS, 0);
        w.join();
        CovarianceResult batch = Daal4j.covariance().compute(xm);
        double[] a = batch.covariance.rowMajorView();
        double[] b = cov.covariance.rowMajorView();
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-12 * Math.abs(a[i]) + 1e-13, "covariance " + i);
        }
        QrResult qr = (QrResult) bridge.computeIncoming(Daal4j.qr(), new ArrayList<>(Arrays.asList((Object) null)),
                List.of(0), List.of(X_AT), List.of(3), ROWS, 0);
        assertEquals(Daal4j.qr().compute(xm).matrixR, qr.matrixR, "exactly the batch R");
    }

    @Test
    void aBadChunkGivesTheBatchMessageWithItsRowNumber() throws Exception {
        double[] bad = x.clone();
        bad[3 * (ROWS - 5) + 1] = Double.NaN;
        shared.write(X_AT, bad);
        shared.write(0, new long[] {ROWS});
        Bridge bridge = new Bridge(shared, new MainThread());
        String batch = assertThrows(IllegalArgumentException.class,
                () -> Daal4j.covariance().compute(Matrix.wrap(ROWS, 3, bad))).getMessage();
        String incoming = assertThrows(IllegalArgumentException.class, () -> bridge.computeIncoming(
                Daal4j.covariance(), new ArrayList<>(Arrays.asList((Object) null)), List.of(0), List.of(X_AT),
                List.of(3), ROWS, 0)).getMessage();
        assertEquals(batch, incoming);
        assertTrue(batch.contains(String.valueOf(ROWS - 5)), batch);
    }
}
