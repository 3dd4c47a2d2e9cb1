package daal4j.spmd.mpi;

import daal4j.spmd.SpmdException;
import daal4j.spmd.Transport;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Request;

/**
 * An allgather of byte frames over Open MPI, bounded by a timeout. Every rank first sends
 * its frame length to every other rank (point to point, so a rank that never arrives can
 * be named), then all frames move in one non-blocking allgatherv. Requests are polled, not
 * waited on, so the timeout holds; after a timeout or a lost rank the transport is broken
 * and the job is aborted rather than left hanging.
 */
final class MpiTransport implements Transport {

    private static final int LENGTH_TAG = 0x0da4;
    /** How long a failed rank keeps running so its error can reach the user before the abort. */
    private static final Duration ABORT_GRACE = Duration.ofSeconds(2);

    private final Intracomm comm;
    private final int rank;
    private final int size;
    private final long timeoutNanos;
    private final ByteBuffer myLength = MPI.newByteBuffer(Integer.BYTES);
    private final ByteBuffer[] lengths;
    private ByteBuffer sendBuffer = MPI.newByteBuffer(1);
    private ByteBuffer receiveBuffer = MPI.newByteBuffer(1);
    /** Read by the SIGTERM handler while a collective may hold this transport's lock. */
    private volatile long collectives;
    private String broken;
    private volatile boolean closed;
    /** Each rank's host name, so an error can say where a missing rank ran. */
    private String[] hosts;

    private MpiTransport(Intracomm comm, Duration timeout) throws MPIException {
        this.comm = comm;
        this.rank = comm.getRank();
        this.size = comm.getSize();
        this.timeoutNanos = timeout.toNanos();
        this.lengths = new ByteBuffer[size];
        for (int r = 0; r < size; r++) {
            lengths[r] = MPI.newByteBuffer(Integer.BYTES);
        }
    }

    /** MPI_Init (any thread may then call, one at a time) on a private copy of COMM_WORLD. */
    static MpiTransport open(Duration timeout) {
        try {
            if (MPI.isFinalized()) {
                throw new SpmdException("the MPI engine was stopped by daalfini(); MPI cannot start twice in one process");
            }
            // MPI_Init and the dup are blocking collectives: ranks that cannot reach each other
            // would wait in them for ever
            CountDownLatch started = MpiAbort.deadline("MPI start-up", timeout);
            if (!MPI.isInitialized()) {
                MPI.InitThread(new String[0], MPI.THREAD_SERIALIZED);
            }
            MpiTransport transport = new MpiTransport(MPI.COMM_WORLD.dup(), timeout);
            started.countDown();
            MpiAbort.install(transport);
            transport.hosts = transport.gatherHosts();
            return transport;
        } catch (MPIException e) {
            throw new SpmdException("MPI_Init failed: " + e.getMessage());
        }
    }

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
        return "mpi";
    }

    @Override
    public synchronized byte[][] allgather(byte[] frame) {
        if (closed) {
            throw new SpmdException("rank " + rank + ": the MPI engine is closed (daalfini was called)");
        }
        if (broken != null) {
            throw new SpmdException(broken);
        }
        long number = ++collectives;
        long deadline = System.nanoTime() + timeoutNanos;
        try {
            int[] counts = exchangeLengths(frame.length, number, deadline);
            return exchangeFrames(frame, counts, number, deadline);
        } catch (MPIException e) {
            throw fail("rank " + rank + " (host " + hosts[rank] + "): MPI error in collective #" + number + ": "
                    + e.getMessage());
        }
    }

    /** Every rank's host name, exchanged once at start (not counted among the user's collectives). */
    private String[] gatherHosts() throws MPIException {
        byte[] mine = MpiAbort.hostname().getBytes(StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + timeoutNanos;
        byte[][] all = exchangeFrames(mine, exchangeLengths(mine.length, 0, deadline), 0, deadline);
        String[] names = new String[size];
        for (int r = 0; r < size; r++) {
            names[r] = new String(all[r], StandardCharsets.UTF_8);
        }
        return names;
    }

    private int[] exchangeLengths(int length, long number, long deadline) throws MPIException {
        myLength.putInt(0, length);
        Request[] pending = new Request[size];
        Request[] sends = new Request[size];
        for (int r = 0; r < size; r++) {
            if (r != rank) {
                pending[r] = comm.iRecv(lengths[r], 1, MPI.INT, r, LENGTH_TAG);
                sends[r] = comm.iSend(myLength, 1, MPI.INT, r, LENGTH_TAG);
            }
        }
        Backoff backoff = new Backoff();
        int waiting = size - 1;
        while (waiting > 0) {
            waiting = 0;
            for (int r = 0; r < size; r++) {
                if (pending[r] != null) {
                    if (pending[r].test()) {
                        pending[r] = null;
                    } else {
                        waiting++;
                    }
                }
            }
            if (waiting > 0) {
                if (System.nanoTime() - deadline > 0) {
                    throw fail("timed out after " + seconds() + " s in collective #" + number + " on rank " + rank
                            + ": " + missing(pending) + " never arrived (" + where(pending) + "see -D"
                            + daal4j.spmd.Spmd.TIMEOUT_PROPERTY + ")");
                }
                backoff.pause();
            }
        }
        awaitSends(sends, number, deadline);
        int[] counts = new int[size];
        long total = 0;
        for (int r = 0; r < size; r++) {
            counts[r] = r == rank ? length : lengths[r].getInt(0);
            total += counts[r];
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new SpmdException("rank " + rank + ": collective #" + number + " would gather " + total
                    + " bytes, more than one MPI message can hold (2 GiB)");
        }
        return counts;
    }

    private void awaitSends(Request[] sends, long number, long deadline) throws MPIException {
        Backoff backoff = new Backoff();
        for (Request s : sends) {
            if (s != null) {
                while (!s.test()) {
                    if (System.nanoTime() - deadline > 0) {
                        throw fail("timed out after " + seconds() + " s in collective #" + number + " on rank "
                                + rank + " sending to the other ranks");
                    }
                    backoff.pause();
                }
            }
        }
    }

    private byte[][] exchangeFrames(byte[] frame, int[] counts, long number, long deadline) throws MPIException {
        int[] displacements = new int[size];
        int total = 0;
        for (int r = 0; r < size; r++) {
            displacements[r] = total;
            total += counts[r];
        }
        sendBuffer = capacity(sendBuffer, frame.length);
        receiveBuffer = capacity(receiveBuffer, total);
        sendBuffer.clear();
        sendBuffer.put(frame);
        Request request = comm.iAllGatherv(sendBuffer, frame.length, MPI.BYTE,
                receiveBuffer, counts, displacements, MPI.BYTE);
        Backoff backoff = new Backoff();
        while (!request.test()) {
            if (System.nanoTime() - deadline > 0) {
                throw fail("timed out after " + seconds() + " s in collective #" + number + " on rank " + rank
                        + " while the ranks exchanged data (a rank died?)");
            }
            backoff.pause();
        }
        byte[][] frames = new byte[size][];
        for (int r = 0; r < size; r++) {
            frames[r] = new byte[counts[r]];
            receiveBuffer.get(displacements[r], frames[r]);
        }
        return frames;
    }

    private static ByteBuffer capacity(ByteBuffer buffer, int needed) {
        if (buffer.capacity() >= needed) {
            return buffer;
        }
        return MPI.newByteBuffer((int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * buffer.capacity())));
    }

    /** "rank 3" or "ranks 2, 3". */
    private String missing(Request[] pending) {
        StringBuilder s = new StringBuilder();
        int count = 0;
        for (int r = 0; r < size; r++) {
            if (pending[r] != null) {
                s.append(count++ == 0 ? "" : ", ").append(r);
            }
        }
        return (count > 1 ? "ranks " : "rank ") + s;
    }

    /** "on host h2; " or "on hosts h2, h3; " for the missing ranks, when the hosts are known. */
    private String where(Request[] pending) {
        Set<String> names = new LinkedHashSet<>();
        for (int r = 0; r < size; r++) {
            if (pending[r] != null && hosts != null) {
                names.add(hosts[r]);
            }
        }
        return names.isEmpty() ? "" : "on host" + (names.size() > 1 ? "s " : " ") + String.join(", ", names) + "; ";
    }

    private long seconds() {
        return Duration.ofNanos(timeoutNanos).toSeconds();
    }

    /** Marks the transport broken and schedules the job's abort; returns the error to throw. */
    private SpmdException fail(String message) {
        broken = message;
        MpiAbort.later(message, ABORT_GRACE);
        return new SpmdException(message);
    }

    /** How many collectives this rank has started. */
    long collectives() {
        return collectives;
    }

    /** Whether daalfini (or an abort) closed the engine. */
    boolean isClosed() {
        return closed;
    }

    /** Whether a collective failed in a way that leaves the job unable to go on. */
    synchronized boolean isBroken() {
        return broken != null;
    }

    /** Ends the whole job now (MPI_Abort on COMM_WORLD). */
    void abort(int code) {
        try {
            MPI.COMM_WORLD.abort(code);
        } catch (MPIException e) {
            Runtime.getRuntime().halt(code);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (broken != null) {
            abort(1);
            return;
        }
        try {
            comm.free();
            MPI.Finalize();
        } catch (MPIException e) {
            throw new SpmdException("rank " + rank + ": MPI_Finalize failed: " + e.getMessage());
        }
    }

    /**
     * Polls by yielding for the first milliseconds, then backs off to at most a millisecond so
     * idle ranks leave the cores free. A non-blocking collective moves only when polled (a
     * large frame goes in many fragments, each one test() apart), so sleeping early would
     * stretch a few-MB exchange by a sleep per fragment.
     */
    private static final class Backoff {
        private static final long SPIN_NANOS = 20_000_000L;
        private final long start = System.nanoTime();
        private int round;

        void pause() {
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.yield();
            } else {
                round++;
                LockSupport.parkNanos(Math.min(1_000_000L, 10_000L * round));
            }
        }
    }
}
