package daal4j.spmd;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Collectives over a {@link Transport}, each carrying a status: when a rank's local work
 * fails, every rank raises the same {@link SpmdException} naming that rank, instead of
 * waiting. Reductions run in rank order on every rank, so all ranks hold bit-identical
 * results whatever the engine.
 */
public final class Communicator implements AutoCloseable {

    private static final byte OK = 0;
    private static final byte FAILED = 1;

    /** This rank alone: batch runs the same collective code as distributed, on one rank. */
    private static final Communicator SELF = new Communicator(new SingleTransport(), true);

    private final Transport transport;
    /**
     * Whether the collectives are plain local calls (this rank alone): then a local failure
     * is rethrown as it is, not wrapped in an SpmdException, so batch errors read as before.
     */
    private final boolean alone;
    private long collectives;
    private long bytesSent;
    private long bytesReceived;

    /** What one rank has moved through its collectives so far: frames with their status byte, every rank's
     * frame (this rank's own included) counted as received. */
    public record Traffic(long collectives, long bytesSent, long bytesReceived) {
    }

    /** Wraps an engine's transport. */
    public Communicator(Transport transport) {
        this(transport, false);
    }

    private Communicator(Transport transport, boolean alone) {
        this.transport = transport;
        this.alone = alone;
    }

    /**
     * This rank alone, whatever engine runs: every collective returns the local value, and a
     * failure computing it is rethrown unchanged. What batch mode runs on.
     */
    public static Communicator self() {
        return SELF;
    }

    /** This rank, 0-based. */
    public int rank() {
        return transport.rank();
    }

    /** Number of ranks. */
    public int size() {
        return transport.size();
    }

    /** Engine name ("single", "local", "mpi"). */
    public String engine() {
        return transport.engine();
    }

    /** Gathers every rank's bytes, computed by {@code local}; a failure there fails every rank. */
    public byte[][] allgather(Supplier<byte[]> local) {
        if (alone) {
            return new byte[][] {local.get()};
        }
        byte[][] frames = exchange(() -> {
            byte[] payload = local.get();
            byte[] frame = new byte[payload.length + 1];
            System.arraycopy(payload, 0, frame, 1, payload.length);
            return frame;
        });
        byte[][] payloads = new byte[frames.length][];
        for (int r = 0; r < frames.length; r++) {
            payloads[r] = Arrays.copyOfRange(frames[r], 1, frames[r].length);
        }
        return payloads;
    }

    /**
     * Exchanges the frames {@code frameOf} builds (byte 0 left for the status, set here), or
     * this rank's failure in its place; returns every rank's frame once none failed.
     */
    private byte[][] exchange(Supplier<byte[]> frameOf) {
        byte[] frame;
        RuntimeException mine = null;
        try {
            frame = frameOf.get();
            frame[0] = OK;
        } catch (RuntimeException | Error e) {
            mine = e instanceof RuntimeException re ? re : new RuntimeException(e);
            frame = failureFrame(e);
        }
        byte[][] frames = transport.allgather(frame);
        collectives++;
        bytesSent += frame.length;
        for (byte[] f : frames) {
            bytesReceived += f.length;
        }
        raiseFailures(frames, mine);
        return frames;
    }

    /** This rank's collectives and bytes so far: the measure of what a run sends per rank. */
    public Traffic traffic() {
        return new Traffic(collectives, bytesSent, bytesReceived);
    }

    /** Gathers every rank's bytes. */
    public byte[][] allgather(byte[] local) {
        return allgather(() -> local);
    }

    /** Gathers every rank's doubles, computed by {@code local}; a failure there fails every rank. */
    public double[][] allgatherDoubles(Supplier<double[]> local) {
        if (alone) {
            return new double[][] {local.get()};  // no round trip through bytes
        }
        // the doubles go straight into the frame and come straight out of it: a large
        // summary (a p x p cross-product) is copied once each way, not three times
        double[][] out = new double[size()][];
        byte[][] frames = exchange(() -> {
            double[] v = local.get();
            byte[] frame = new byte[1 + v.length * Double.BYTES];
            doubles(frame, 1).put(v);
            out[rank()] = v;  // this rank's own values need no trip back (as when alone)
            return frame;
        });
        for (int r = 0; r < frames.length; r++) {
            if (out[r] != null) {
                continue;
            }
            out[r] = new double[(frames[r].length - 1) / Double.BYTES];
            doubles(frames[r], 1).get(out[r]);
        }
        return out;
    }

    /** Gathers every rank's doubles. */
    public double[][] allgather(double[] local) {
        return allgatherDoubles(() -> local);
    }

    /** Element-wise reduction of every rank's doubles, computed by {@code local}. */
    public double[] allreduce(Supplier<double[]> local, Op op) {
        double[][] all = allgatherDoubles(local);
        double[] acc = all[0].clone();
        for (int r = 1; r < all.length; r++) {
            if (all[r].length != acc.length) {
                throw new SpmdException("allreduce: rank " + r + " sent " + all[r].length
                        + " values, rank 0 sent " + acc.length);
            }
            for (int i = 0; i < acc.length; i++) {
                acc[i] = op.apply(acc[i], all[r][i]);
            }
        }
        return acc;
    }

    /** Element-wise reduction of every rank's doubles. */
    public double[] allreduce(double[] local, Op op) {
        return allreduce(() -> local, op);
    }

    /** Element-wise reduction of every rank's longs. */
    public long[] allreduce(long[] local, Op op) {
        byte[][] all = allgather(() -> {
            ByteBuffer b = ByteBuffer.allocate(local.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            b.asLongBuffer().put(local);
            return b.array();
        });
        long[] acc = local.clone();
        for (int r = 0; r < all.length; r++) {
            long[] v = new long[all[r].length / Long.BYTES];
            ByteBuffer.wrap(all[r]).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(v);
            if (v.length != acc.length) {
                throw new SpmdException("allreduce: rank " + r + " sent " + v.length
                        + " values, this rank sent " + acc.length);
            }
            if (r == 0) {
                acc = v;
            } else {
                for (int i = 0; i < acc.length; i++) {
                    acc[i] = op.apply(acc[i], v[i]);
                }
            }
        }
        return acc;
    }

    /** Root's bytes on every rank; other ranks' arguments are ignored. */
    public byte[] broadcast(byte[] data, int root) {
        checkRoot(root);
        return allgather(() -> rank() == root ? data : new byte[0])[root];
    }

    /** Root's doubles on every rank; other ranks' arguments are ignored. */
    public double[] broadcast(double[] data, int root) {
        checkRoot(root);
        return toDoubles(broadcast(rank() == root ? toBytes(data) : null, root));
    }

    /** Waits until every rank arrives. */
    public void barrier() {
        allgather(new byte[0]);
    }

    /** Releases the engine. */
    @Override
    public void close() {
        if (!alone) {  // the shared one-rank communicator outlives every caller
            transport.close();
        }
    }

    @Override
    public String toString() {
        return "rank " + rank() + " of " + size() + " (" + engine() + ")";
    }

    private void checkRoot(int root) {
        if (root < 0 || root >= size()) {
            throw new IllegalArgumentException("broadcast root " + root + " is not a rank of " + size());
        }
    }

    private static byte[] failureFrame(Throwable e) {
        String text = e.getClass().getName() + "\n" + describe(e);
        byte[] msg = text.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[msg.length + 1];
        frame[0] = FAILED;
        System.arraycopy(msg, 0, frame, 1, msg.length);
        return frame;
    }

    /** The message a user should read: an SpmdException's own text, else the exception's. */
    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private void raiseFailures(byte[][] frames, RuntimeException mine) {
        StringBuilder text = new StringBuilder();
        int first = -1;
        String firstType = null;
        for (int r = 0; r < frames.length; r++) {
            if (frames[r].length > 0 && frames[r][0] == FAILED) {
                String s = new String(frames[r], 1, frames[r].length - 1, StandardCharsets.UTF_8);
                int nl = s.indexOf('\n');
                String type = s.substring(0, nl);
                String msg = s.substring(nl + 1);
                if (first < 0) {
                    first = r;
                    firstType = type;
                } else {
                    text.append("; ");
                }
                // an error that already names its rank is passed on as it is
                text.append(msg.startsWith("rank ") ? msg : "rank " + r + ": " + msg);
            }
        }
        if (first >= 0) {
            throw new SpmdException(first, firstType, text.toString(), mine);
        }
    }

    static byte[] toBytes(double[] v) {
        byte[] b = new byte[v.length * Double.BYTES];
        doubles(b, 0).put(v);
        return b;
    }

    static double[] toDoubles(byte[] bytes) {
        double[] v = new double[bytes.length / Double.BYTES];
        doubles(bytes, 0).get(v);
        return v;
    }

    /** The bytes from {@code from} on as little-endian doubles: the one encoding doubles travel in. */
    private static DoubleBuffer doubles(byte[] bytes, int from) {
        return ByteBuffer.wrap(bytes, from, bytes.length - from).slice().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
    }
}
