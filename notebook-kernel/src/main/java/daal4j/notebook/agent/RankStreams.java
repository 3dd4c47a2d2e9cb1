package daal4j.notebook.agent;

import daal4j.notebook.Wire;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Replaces System.out/err of the agent so that whatever a rank's code prints reaches the
 * notebook tagged with that rank: the rank is a property of the printing thread (inherited by
 * the threads it starts). Printing only fills memory buffers; one sender thread does the
 * socket writes, so a rank thread stopped mid-print can never cut a frame in half. Whole lines
 * go within ~50 ms; a partial line (a progress dot) after ~200 ms.
 */
final class RankStreams {

    private static final long TICK_MS = 50;
    private static final int PARTIAL_EVERY_TICKS = 4;
    private static final InheritableThreadLocal<Integer> RANK = new InheritableThreadLocal<>();

    private final Link link;
    private final int defaultRank;
    private final Map<Long, ByteArrayOutputStream> pending = new HashMap<>();

    private RankStreams(Link link, int defaultRank) {
        this.link = link;
        this.defaultRank = defaultRank;
    }

    /** Routes System.out/err through {@code link}; {@code defaultRank} for threads of no rank. */
    static RankStreams install(Link link, int defaultRank) {
        RankStreams s = new RankStreams(link, defaultRank);
        System.setOut(new PrintStream(s.stream(Wire.STDOUT), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(s.stream(Wire.STDERR), true, StandardCharsets.UTF_8));
        Thread sender = new Thread(s::sendPeriodically, "daal4j-output-sender");
        sender.setDaemon(true);
        sender.start();
        return s;
    }

    /** Marks the calling thread (and threads it starts) as working for {@code rank}. */
    static void bind(int rank) {
        RANK.set(rank);
    }

    /** Sends everything {@code rank} printed so far (before its DONE frame). */
    void flush(int rank) {
        synchronized (pending) {
            send(key(rank, Wire.STDOUT), true);
            send(key(rank, Wire.STDERR), true);
        }
    }

    private OutputStream stream(byte id) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                Integer bound = RANK.get();
                long k = key(bound != null ? bound : defaultRank, id);
                synchronized (pending) {
                    pending.computeIfAbsent(k, x -> new ByteArrayOutputStream()).write(b, off, len);
                    for (int i = off; i < off + len; i++) {
                        if (b[i] == '\n') {
                            pending.notifyAll();
                            break;
                        }
                    }
                }
            }
        };
    }

    private static long key(int rank, byte stream) {
        return ((long) rank << 8) | (stream & 0xff);
    }

    /** Sends complete lines (or everything when {@code all}); caller holds {@code pending}. */
    private void send(long k, boolean all) {
        ByteArrayOutputStream buf = pending.get(k);
        if (buf == null || buf.size() == 0) {
            return;
        }
        byte[] bytes = buf.toByteArray();
        int end = bytes.length;
        if (!all) {
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            if (end == 0) {
                return;
            }
        }
        buf.reset();
        buf.write(bytes, end, bytes.length - end);
        try {
            link.output((int) (k >> 8), (byte) (k & 0xff), new String(bytes, 0, end, StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the kernel is gone; the agent's reader sees the closed socket and exits
        }
    }

    private void sendPeriodically() {
        for (long tick = 0; ; tick++) {
            synchronized (pending) {
                try {
                    pending.wait(TICK_MS);
                } catch (InterruptedException e) {
                    return;
                }
                boolean partials = tick % PARTIAL_EVERY_TICKS == 0;
                for (long k : pending.keySet().toArray(new Long[0])) {
                    send(k, partials);
                }
            }
        }
    }
}
