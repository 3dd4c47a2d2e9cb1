package daal4j.bridge;

import daal4j.data.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Row-aligned arrays (the same number of rows each) that Python is still copying into the
 * shared file: after each block of rows it stores how many rows of every array are written
 * in a counter (a little-endian long at {@code progressAt}; -1 when its copy failed), so the
 * JVM can read, or compute on, the first rows while the rest are being copied.
 */
final class Incoming {

    /** Waiting this long without any new row ends the wait with an error (Python is gone or stuck). */
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(
            Long.getLong("daal4j.bridge.stallSeconds", 60));
    /** Spins before parking: a block arrives within microseconds while Python copies. */
    private static final int SPINS = 2_000;
    private static final long PARK_NANOS = 20_000;
    /**
     * Doubles per chunk (4 MB): a covariance-like summary costs a centered block per chunk,
     * so much smaller chunks slow it down; much larger ones delay the first compute.
     */
    private static final int CHUNK_VALUES = 1 << 19;
    /** Chunk buffers in turn: one being computed on, the next ones being read. */
    private static final int BUFFERS = 3;

    private final SharedFile shared;
    private final long progressAt;
    private final int rows;
    private final int[] positions;
    private final long[] offsets;
    private final int[] cols;

    /**
     * Array {@code k} (argument {@code positions[k]}) is {@code rows x cols[k]} row-major
     * doubles at byte {@code offsets[k]}.
     */
    Incoming(SharedFile shared, long progressAt, int rows, int[] positions, long[] offsets, int[] cols) {
        if (rows < 0 || positions.length != offsets.length || positions.length != cols.length) {
            throw new IllegalArgumentException("incoming arrays: " + positions.length + " positions, "
                    + offsets.length + " offsets, " + cols.length + " column counts, " + rows + " rows");
        }
        this.shared = shared;
        this.progressAt = progressAt;
        this.rows = rows;
        this.positions = positions.clone();
        this.offsets = offsets.clone();
        this.cols = cols.clone();
    }

    /** Rows of every array. */
    int rows() {
        return rows;
    }

    /** Rows per chunk when computing chunk by chunk: about 4 MB of all arrays, at least 512 rows. */
    int chunkRows() {
        long width = 0;
        for (int c : cols) {
            width += c;
        }
        return (int) Math.max(1, Math.min(rows, Math.max(512, CHUNK_VALUES / Math.max(1, width))));
    }

    /**
     * Calls {@code use} with {@code args} where every incoming array is replaced by a Matrix
     * of its next chunk of rows, in row order, on the calling thread. A reader thread copies
     * the following chunks out of the shared file meanwhile (into a few buffers used in turn:
     * {@code use} must not keep the matrices), so the JVM's copy overlaps the compute. The
     * buffers come from {@code pool} and go back to it.
     */
    void forEachChunk(List<Object> args, BufferPool pool, Consumer<List<Object>> use) {
        int step = chunkRows();
        BlockingQueue<double[][]> free = new ArrayBlockingQueue<>(BUFFERS);
        BlockingQueue<Chunk> ready = new ArrayBlockingQueue<>(BUFFERS + 1);
        // every buffer taken from the pool, to give back once the reader has ended
        List<double[]> taken = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int b = 0; b < BUFFERS && (long) b * step < rows; b++) {
            free.add(new double[cols.length][]);
        }
        Thread reader = new Thread(() -> {
            try {
                for (int from = 0; from < rows; from += step) {
                    int to = Math.min(rows, from + step);
                    double[][] set = free.take();
                    await(to);
                    for (int k = 0; k < cols.length; k++) {
                        int n = (to - from) * cols[k];
                        if (set[k] == null || set[k].length != n) {
                            set[k] = pool.take(n);
                            taken.add(set[k]);
                        }
                        shared.readDoubles(offsets[k] + (long) from * cols[k] * Double.BYTES, set[k], 0, n);
                    }
                    ready.put(new Chunk(from, to, set, null));
                }
            } catch (InterruptedException e) {
                // the consumer stopped early
            } catch (RuntimeException | Error e) {
                ready.add(new Chunk(0, 0, null, e));
            }
        }, "daal4j-bridge-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            for (int from = 0; from < rows; from += step) {
                Chunk c = ready.take();
                if (c.failure != null) {
                    throw c.failure instanceof RuntimeException re ? re : new IllegalStateException(c.failure);
                }
                List<Object> out = new ArrayList<>(args);
                for (int k = 0; k < positions.length; k++) {
                    out.set(positions[k], Matrix.wrap(c.to - c.from, cols[k], c.buffers[k]));
                }
                use.accept(out);
                free.add(c.buffers);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the input arrays", e);
        } finally {
            reader.interrupt();
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!reader.isAlive()) {
                taken.forEach(pool::give);
            }
        }
    }

    /** Rows [from, to) of every array, or what failed while reading them. */
    private record Chunk(int from, int to, double[][] buffers, Throwable failure) {
    }

    /** {@code args} with every incoming array replaced by its whole Matrix, read block by block as it arrives. */
    List<Object> whole(List<Object> args) {
        for (int c : cols) {
            // chunks have no such limit: a summarizing algorithm takes arrays larger than a Java array
            if ((long) rows * c > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("array of " + rows + " x " + c + " is too large for one matrix");
            }
        }
        double[][] all = new double[positions.length][];
        for (int k = 0; k < positions.length; k++) {
            all[k] = new double[rows * cols[k]];
        }
        int step = chunkRows();
        for (int from = 0; from < rows; from += step) {
            int to = Math.min(rows, from + step);
            await(to);
            for (int k = 0; k < positions.length; k++) {
                shared.readDoubles(offsets[k] + (long) from * cols[k] * Double.BYTES, all[k], from * cols[k],
                        (to - from) * cols[k]);
            }
        }
        await(rows);
        List<Object> out = new ArrayList<>(args);
        for (int k = 0; k < positions.length; k++) {
            out.set(positions[k], Matrix.wrap(rows, cols[k], all[k]));
        }
        return out;
    }

    /** Blocks until the first {@code to} rows of every array are written. */
    private void await(int to) {
        long seen = -2;
        long since = System.nanoTime();
        for (int spins = 0; ; spins++) {
            long done = shared.readLongAcquire(progressAt);
            if (done >= to) {
                return;
            }
            if (done < 0) {
                throw new IllegalStateException("the Python side failed while copying the input arrays");
            }
            if (done != seen) {
                seen = done;
                since = System.nanoTime();
            } else if (System.nanoTime() - since > STALL_NANOS) {
                throw new IllegalStateException("the Python side stopped copying the input arrays at row " + done
                        + " of " + rows);
            }
            if (spins < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(PARK_NANOS);
            }
        }
    }
}
