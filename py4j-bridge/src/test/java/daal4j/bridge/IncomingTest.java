package daal4j.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.Daal4j;
import daal4j.algorithms.covariance.CovarianceResult;
import daal4j.algorithms.kmeans.KMeansInitResult;
import daal4j.algorithms.qr.QrResult;
import daal4j.data.Matrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Arrays read, and computed on, while a writer (Python's copy thread, here a Java one) still
 * fills the ring of the shared file, reusing each slot once the reader has freed it.
 */
class IncomingTest {

    private static final int ROWS = 300_000;
    private static final long RING_AT = 128;
    private static final int SLOTS = 3;
    private static final int SLOT_ROWS = 7_001;
    /** x (3 columns) then y (1 column) in each slot, 64-byte aligned. */
    private static final long Y_IN_SLOT = (SLOT_ROWS * 3L * Double.BYTES + 63) / 64 * 64;
    private static final long SLOT_BYTES = Y_IN_SLOT + (SLOT_ROWS * 1L * Double.BYTES + 63) / 64 * 64;

    private SharedFile shared;
    private double[] x;
    private double[] y;

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
        shared.write(0, new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0});
    }

    @AfterEach
    void tearDown() {
        shared.close();
    }

    private Ring ring() {
        return new Ring(shared, RING_AT, SLOTS, SLOT_BYTES, SLOT_ROWS, new long[] {0, Y_IN_SLOT}, new int[] {3, 1},
                ROWS);
    }

    /**
     * Writes x and y slot by slot as Python does: waits until the reader freed the slot,
     * copies, stores the rows written; -1 at failRow. Returns the highest number of rows it
     * was ever ahead of the reader.
     */
    private Thread writer(int failRow, double[] xs, long[] ahead) {
        Thread t = new Thread(() -> {
            for (int from = 0; from < ROWS; from += SLOT_ROWS) {
                int to = Math.min(ROWS, from + SLOT_ROWS);
                while (shared.readLongAcquire(Ring.READ_AT) < from - (SLOTS - 1L) * SLOT_ROWS) {
                    LockSupport.parkNanos(10_000);
                }
                long read = shared.readLongAcquire(Ring.READ_AT);
                if (read != Long.MAX_VALUE) {
                    ahead[0] = Math.max(ahead[0], to - read);
                }
                if (failRow >= from && failRow < to) {
                    shared.writeLongRelease(Ring.WRITTEN_AT, -1);
                    return;
                }
                long slot = RING_AT + (long) (from / SLOT_ROWS % SLOTS) * SLOT_BYTES;
                shared.write(slot, Arrays.copyOfRange(xs, from * 3, to * 3));
                shared.write(slot + Y_IN_SLOT, Arrays.copyOfRange(y, from, to));
                shared.writeLongRelease(Ring.WRITTEN_AT, to);
            }
        });
        t.start();
        return t;
    }

    private Thread writer(int failRow) {
        return writer(failRow, x, new long[1]);
    }

    private Incoming incoming() {
        return new Incoming(ring(), ROWS, new int[] {0, 2}, new int[] {3, 1});
    }

    private static List<Object> args() {
        List<Object> args = new ArrayList<>();
        args.add(null);
        args.add("kept");
        args.add(null);
        return args;
    }

    @Test
    void wholeArraysArriveAsWrittenThroughAFewSlots() throws Exception {
        long[] ahead = new long[1];
        Thread w = writer(-1, x, ahead);
        List<Object> got = incoming().whole(args());
        w.join();
        assertArrayEquals(x, ((Matrix) got.get(0)).rowMajorView());
        assertEquals("kept", got.get(1));
        assertArrayEquals(y, ((Matrix) got.get(2)).rowMajorView());
        assertTrue(ahead[0] <= (long) SLOTS * SLOT_ROWS, "the writer overwrote a slot not yet read: " + ahead[0]);
        assertTrue(shared.size() < RING_AT + SLOTS * SLOT_BYTES + (16 << 20), "the file holds a few slots");
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
        shared.write(0, new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0});
        w = writer(-1);
        int[] reused = {0};
        incoming().forEachChunk(args(), pool, chunk -> reused[0] += first.contains(((Matrix) chunk.get(0))
                .rowMajorView()) ? 1 : 0);
        w.join();
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
        assertEquals(Long.MAX_VALUE, shared.readLongAcquire(Ring.READ_AT), "the writer is told to stop waiting");
        shared.writeLongRelease(Ring.WRITTEN_AT, -1);
        assertThrows(IllegalStateException.class, () -> incoming().whole(args()));
    }

    @Test
    void anErrorOfTheConsumerStopsTheReaderAndFreesTheWriter() throws Exception {
        Thread w = writer(-1);
        int before = Thread.activeCount();
        RuntimeException e = assertThrows(IllegalArgumentException.class, () -> incoming().forEachChunk(args(),
                new BufferPool(), chunk -> {
                    throw new IllegalArgumentException("bad chunk");
                }));
        assertEquals("bad chunk", e.getMessage());
        w.join(30_000);
        assertTrue(!w.isAlive(), "the writer still waits for a slot");
        assertTrue(Thread.activeCount() <= before, "no reader thread left behind");
    }

    @Test
    void bridgeComputesSummariesAndQrChunkByChunkAndOthersOnTheWhole() throws Exception {
        Bridge bridge = new Bridge(shared, new MainThread());
        Matrix xm = Matrix.wrap(ROWS, 3, x);
        List<Long> ring = List.of(RING_AT, (long) SLOTS, SLOT_BYTES, (long) SLOT_ROWS);
        Thread w = writer(-1);
        CovarianceResult cov = (CovarianceResult) bridge.computeIncoming(Daal4j.covariance(),
                new ArrayList<>(Arrays.asList((Object) null)), List.of(0), List.of(3), ROWS, ring, List.of(0L));
        w.join();
        CovarianceResult batch = Daal4j.covariance().compute(xm);
        double[] a = batch.covariance.rowMajorView();
        double[] b = cov.covariance.rowMajorView();
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-12 * Math.abs(a[i]) + 1e-13, "covariance " + i);
        }
        shared.write(0, new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0});
        w = writer(-1);
        QrResult qr = (QrResult) bridge.computeIncoming(Daal4j.qr(), new ArrayList<>(Arrays.asList((Object) null)),
                List.of(0), List.of(3), ROWS, ring, List.of(0L));
        w.join();
        double[] r = Daal4j.qr().compute(xm).matrixR.rowMajorView();
        double[] rc = qr.matrixR.rowMajorView();
        for (int i = 0; i < r.length; i++) {
            assertEquals(r[i], rc[i], 1e-12 * Math.abs(r[0]), "R " + i + ", from chunks");
        }
        shared.write(0, new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0});
        w = writer(-1);
        KMeansInitResult init = (KMeansInitResult) bridge.computeIncoming(Daal4j.kmeansInit(4),
                new ArrayList<>(Arrays.asList((Object) null)), List.of(0), List.of(3), ROWS, ring, List.of(0L));
        w.join();
        assertEquals(Daal4j.kmeansInit(4).compute(xm).centroids, init.centroids, "exactly the batch centroids");
    }

    @Test
    void aBadChunkGivesTheBatchMessageWithItsRowNumber() throws Exception {
        double[] bad = x.clone();
        bad[3 * (ROWS - 5) + 1] = Double.NaN;
        Bridge bridge = new Bridge(shared, new MainThread());
        String batch = assertThrows(IllegalArgumentException.class,
                () -> Daal4j.covariance().compute(Matrix.wrap(ROWS, 3, bad))).getMessage();
        Thread w = writer(-1, bad, new long[1]);
        String incoming = assertThrows(IllegalArgumentException.class, () -> bridge.computeIncoming(
                Daal4j.covariance(), new ArrayList<>(Arrays.asList((Object) null)), List.of(0), List.of(3), ROWS,
                List.of(RING_AT, (long) SLOTS, SLOT_BYTES, (long) SLOT_ROWS), List.of(0L))).getMessage();
        w.join(30_000);
        assertEquals(batch, incoming);
        assertTrue(batch.contains("at row " + (ROWS - 5)), batch);
    }

    @Test
    void aRingWhoseArraysDoNotFitASlotIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Ring(shared, RING_AT,
                SLOTS, 64, SLOT_ROWS, new long[] {0}, new int[] {3}, ROWS));
        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
    }
}
