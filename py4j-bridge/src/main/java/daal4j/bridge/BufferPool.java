package daal4j.bridge;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Chunk buffers kept from one transfer to the next: a fresh array of megabytes costs the
 * JVM page faults on every call (measured: up to 40 ms per 100 MB), a kept one nothing.
 * Holds at most {@link #MAX_BYTES}; thread-safe.
 */
final class BufferPool {

    /** The most the pool keeps (a few chunks' worth: 3 buffers of 4 MB per array). */
    private static final long MAX_BYTES = 64L << 20;

    private final Deque<double[]> free = new ArrayDeque<>();
    private long bytes;

    /** A buffer of exactly {@code length} doubles (contents undefined), kept or new. */
    synchronized double[] take(int length) {
        for (Iterator<double[]> it = free.iterator(); it.hasNext(); ) {
            double[] b = it.next();
            if (b.length == length) {
                it.remove();
                bytes -= (long) length * Double.BYTES;
                return b;
            }
        }
        return new double[length];
    }

    /** Gives a buffer back for later calls; the oldest kept ones go when the pool is full. */
    synchronized void give(double[] buffer) {
        long size = (long) buffer.length * Double.BYTES;
        if (size > MAX_BYTES) {
            return;
        }
        free.addFirst(buffer);
        bytes += size;
        while (bytes > MAX_BYTES) {
            bytes -= (long) free.removeLast().length * Double.BYTES;
        }
    }
}
