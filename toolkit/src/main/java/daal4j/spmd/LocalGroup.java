package daal4j.spmd;

import java.time.Duration;

/**
 * N ranks as threads of this JVM, meeting in shared memory. A rank that leaves (returns or
 * throws) while others wait in a collective fails that collective at once; a rank that
 * never arrives fails it after the timeout.
 */
final class LocalGroup {

    private final int size;
    private final long timeoutNanos;
    private byte[][] arriving;
    private byte[][] completed;
    private int arrived;
    private long generation;
    private final String[] left;

    LocalGroup(int size, Duration timeout) {
        this.size = size;
        this.timeoutNanos = timeout.toNanos();
        this.arriving = new byte[size][];
        this.left = new String[size];
    }

    int size() {
        return size;
    }

    Transport transport(int rank) {
        return new Transport() {
            @Override
            public int rank() {
                return rank;
            }

            @Override
            public int size() {
                return size;
            }

            @Override
            public String engine() {
                return "local";
            }

            @Override
            public byte[][] allgather(byte[] frame) {
                return exchange(rank, frame);
            }

            @Override
            public void close() {
            }
        };
    }

    /** Marks a rank as gone, with why; waiting ranks wake and fail. */
    synchronized void leave(int rank, String why) {
        left[rank] = why;
        notifyAll();
    }

    private synchronized byte[][] exchange(int rank, byte[] frame) {
        long gen = generation;
        arriving[rank] = frame;
        if (++arrived == size) {
            completed = arriving;
            arriving = new byte[size][];
            arrived = 0;
            generation++;
            notifyAll();
            return completed;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        while (generation == gen) {
            int gone = goneRank();
            if (gone >= 0) {
                String why = left[gone].startsWith("rank ") ? left[gone] : "rank " + gone + ": " + left[gone];
                throw new SpmdException(gone, RuntimeException.class.getName(), why, null);
            }
            long wait = deadline - System.nanoTime();
            if (wait <= 0) {
                throw new SpmdException("timed out after " + Duration.ofNanos(timeoutNanos).toSeconds()
                        + " s waiting for " + missing() + " in a collective");
            }
            try {
                wait(Math.max(1, wait / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SpmdException("rank " + rank + ": interrupted in a collective");
            }
        }
        return completed;
    }

    private int goneRank() {
        for (int r = 0; r < size; r++) {
            if (left[r] != null && arriving[r] == null) {
                return r;
            }
        }
        return -1;
    }

    private String missing() {
        StringBuilder s = new StringBuilder("rank");
        int count = 0;
        for (int r = 0; r < size; r++) {
            if (arriving[r] == null) {
                s.append(count++ == 0 ? " " : ", ").append(r);
            }
        }
        return count > 1 ? s.insert(4, 's').toString() : s.toString();
    }
}
