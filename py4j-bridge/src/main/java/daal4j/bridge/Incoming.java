package daal4j.bridge;

import daal4j.data.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Row-aligned arrays (the same number of rows each) that reach the JVM while it reads, or
 * computes on, the rows already there: from a {@link Source} (Python's memory itself, or the
 * ring of the shared file that Python copies into).
 */
final class Incoming {

    /** Where the rows of the incoming arrays come from. */
    interface Source {
        /** Rows per chunk: {@link #read} takes at most this many at a time, from a multiple of it. */
        int chunkRows();

        /** Copies rows [from, to) of every array k into {@code into[k]} from index {@code at[k]}, waiting for them if need be. */
        void read(int from, int to, double[][] into, int[] at);

        /** Tells the other side that the JVM reads no more rows (whether or not it read them all). */
        void done();
    }

    /** Chunk buffers in turn: one being computed on, the next ones being read. */
    private static final int BUFFERS = 3;
    /** How the toolkit's bad-input messages name a row (Inputs, ClassSums: "… at row 12, …"). */
    private static final Pattern AT_ROW = Pattern.compile("\\bat row (\\d+)");

    private final Source source;
    private final int rows;
    private final int[] positions;
    private final int[] cols;

    /** Array {@code k} (argument {@code positions[k]}) is {@code rows x cols[k]} row-major doubles read from {@code source}. */
    Incoming(Source source, int rows, int[] positions, int[] cols) {
        if (rows < 0 || positions.length != cols.length) {
            throw new IllegalArgumentException("incoming arrays: " + positions.length + " positions, "
                    + cols.length + " column counts, " + rows + " rows");
        }
        this.source = source;
        this.rows = rows;
        this.positions = positions.clone();
        this.cols = cols.clone();
    }

    /** Rows of every array. */
    int rows() {
        return rows;
    }

    /** Rows per chunk when computing chunk by chunk. */
    int chunkRows() {
        return source.chunkRows();
    }

    /**
     * Calls {@code use} with {@code args} where every incoming array is replaced by a Matrix
     * of its next chunk of rows, in row order, on the calling thread. A reader thread copies
     * the following chunks from the source meanwhile (into a few buffers used in turn:
     * {@code use} must not keep the matrices), so the copy overlaps the compute. The buffers
     * come from {@code pool} and go back to it. A bad-input error of a chunk names its row as
     * counted from the first row of the whole input, as batch does.
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
                int[] at = new int[cols.length];
                for (int from = 0; from < rows; from += step) {
                    int to = Math.min(rows, from + step);
                    double[][] set = free.take();
                    for (int k = 0; k < cols.length; k++) {
                        int n = (to - from) * cols[k];
                        if (set[k] == null || set[k].length != n) {
                            set[k] = pool.take(n);
                            taken.add(set[k]);
                        }
                    }
                    source.read(from, to, set, at);
                    ready.put(new Chunk(from, to, set, null));
                }
            } catch (InterruptedException e) {
                // the consumer stopped early
            } catch (RuntimeException | Error e) {
                ready.offer(new Chunk(0, 0, null, e));  // a consumer that stopped takes none
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
                try {
                    use.accept(out);
                } catch (IllegalArgumentException e) {
                    throw fromFirstRow(e, c.from);
                }
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
            source.done();
            if (!reader.isAlive()) {
                taken.forEach(pool::give);
            }
        }
    }

    /** Rows [from, to) of every array, or what failed while reading them. */
    private record Chunk(int from, int to, double[][] buffers, Throwable failure) {
    }

    /** {@code args} with every incoming array replaced by its whole Matrix, read chunk by chunk as it arrives. */
    List<Object> whole(List<Object> args) {
        for (int c : cols) {
            // chunks have no such limit: a summarizing algorithm takes arrays larger than a Java array
            if ((long) rows * c > Integer.MAX_VALUE - 8) {
                source.done();
                throw new IllegalArgumentException("array of " + rows + " x " + c + " is too large for one matrix");
            }
        }
        double[][] all = new double[positions.length][];
        for (int k = 0; k < positions.length; k++) {
            all[k] = new double[rows * cols[k]];
        }
        try {
            int[] at = new int[cols.length];
            for (int from = 0; from < rows; from += chunkRows()) {
                int to = Math.min(rows, from + chunkRows());
                for (int k = 0; k < cols.length; k++) {
                    at[k] = from * cols[k];
                }
                source.read(from, to, all, at);
            }
        } finally {
            source.done();
        }
        List<Object> out = new ArrayList<>(args);
        for (int k = 0; k < positions.length; k++) {
            out.set(positions[k], Matrix.wrap(rows, cols[k], all[k]));
        }
        return out;
    }

    /** The bad-input error {@code e} of a chunk starting at row {@code first}, its row counted from row 0. */
    private static IllegalArgumentException fromFirstRow(IllegalArgumentException e, int first) {
        String m = e.getMessage();
        if (first == 0 || m == null) {
            return e;
        }
        Matcher row = AT_ROW.matcher(m);
        StringBuilder shifted = new StringBuilder();
        while (row.find()) {
            row.appendReplacement(shifted, "at row " + (Long.parseLong(row.group(1)) + first));
        }
        row.appendTail(shifted);
        IllegalArgumentException out = new IllegalArgumentException(shifted.toString(), e);
        out.setStackTrace(e.getStackTrace());
        return out;
    }
}
