package daal4j.bridge;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Row-aligned arrays that Python copies into a ring of slots in the shared file while the
 * JVM reads them: slot {@code b % slots} holds rows {@code [b * slotRows, (b + 1) * slotRows)}
 * of every array. Python stores the number of rows written (a little-endian long at byte
 * {@value #WRITTEN_AT}; -1 when its copy failed) after each slot, and reuses a slot once the
 * JVM has stored that it read it (the rows read, at byte {@value #READ_AT}). The shared file
 * holds a few slots, not the whole input.
 */
final class Ring implements Incoming.Source {

    /** Byte of the rows-written counter (Python's). */
    static final long WRITTEN_AT = 0;
    /** Byte of the rows-read counter (the JVM's), on a cache line of its own. */
    static final long READ_AT = 64;
    /** Read counter value that lets Python stop waiting: the JVM reads no more rows. */
    private static final long DONE = Long.MAX_VALUE;

    /** Waiting this long without any new row ends the wait with an error (Python is gone or stuck). */
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(
            Long.getLong("daal4j.bridge.stallSeconds", 60));
    /** Spins before parking: a slot arrives within microseconds while Python copies. */
    private static final int SPINS = 2_000;
    private static final long PARK_NANOS = 20_000;

    private final SharedFile shared;
    private final long at;
    private final int slots;
    private final long slotBytes;
    private final int slotRows;
    private final long[] offsets;
    private final int[] cols;
    private final int rows;

    /**
     * {@code slots} slots of {@code slotBytes} bytes from byte {@code at} of {@code shared},
     * each holding {@code slotRows} rows of every array ({@code rows x cols[k]} doubles), array
     * k's from byte {@code offsets[k]} of the slot.
     */
    Ring(SharedFile shared, long at, int slots, long slotBytes, int slotRows, long[] offsets, int[] cols, int rows) {
        if (at < READ_AT + Long.BYTES || slots < 1 || slotRows < 1 || offsets.length != cols.length) {
            throw new IllegalArgumentException("ring of " + slots + " slots of " + slotRows + " rows at byte " + at
                    + " for " + cols.length + " arrays (" + offsets.length + " offsets)");
        }
        for (int k = 0; k < cols.length; k++) {
            long end = offsets[k] + (long) slotRows * cols[k] * Double.BYTES;
            if (cols[k] < 1 || offsets[k] < 0 || end > slotBytes) {
                throw new IllegalArgumentException("incoming array " + k + " of " + cols[k] + " columns does not fit"
                        + " its slot (bytes " + offsets[k] + ".." + end + " of " + slotBytes + ")");
            }
        }
        this.shared = shared;
        this.at = at;
        this.slots = slots;
        this.slotBytes = slotBytes;
        this.slotRows = slotRows;
        this.offsets = offsets.clone();
        this.cols = cols.clone();
        this.rows = rows;
    }

    @Override
    public int chunkRows() {
        return slotRows;
    }

    /** Waits for rows [from, to) (a slot's), copies them out, then frees their slot. */
    @Override
    public void read(int from, int to, double[][] into, int[] intoAt) {
        if (from % slotRows != 0 || to - from > slotRows) {
            throw new IllegalArgumentException("rows " + from + ".." + to + " are not one slot of " + slotRows);
        }
        await(to);
        long slot = at + (long) (from / slotRows % slots) * slotBytes;
        for (int k = 0; k < cols.length; k++) {
            shared.readDoubles(slot + offsets[k], into[k], intoAt[k], (to - from) * cols[k]);
        }
        shared.writeLongRelease(READ_AT, to);
    }

    @Override
    public void done() {
        shared.writeLongRelease(READ_AT, DONE);
    }

    /** Blocks until the first {@code to} rows of every array are written. */
    private void await(int to) {
        long seen = -2;
        long since = System.nanoTime();
        for (int spins = 0; ; spins++) {
            long done = shared.readLongAcquire(WRITTEN_AT);
            if (done >= to) {
                return;
            }
            if (done < 0) {
                throw new IllegalStateException("the Python side failed while copying the input arrays");
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while waiting for the input arrays");
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
