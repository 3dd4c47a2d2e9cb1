package daal4j.bridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The file both processes map to pass bulk arrays in binary (little-endian, as numpy's
 * {@code <f8}): Python writes inputs and reads results, the JVM the other way round. It
 * lives in /dev/shm (memory) when there is one, so nothing touches a disk.
 */
final class SharedFile implements AutoCloseable {

    /** Size of a mapped window (a MappedByteBuffer is int-indexed). */
    private static final int WINDOW = 1 << 30;
    /** Windows grow in steps of this many bytes. */
    private static final int GROWTH = 16 << 20;

    /** Atomic little-endian long access to a mapped window. */
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final Path path;
    private final FileChannel channel;
    private final List<MappedByteBuffer> windows = new ArrayList<>();

    private SharedFile(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** A new empty shared file in memory-backed storage where available. */
    static SharedFile create() throws IOException {
        Path shm = Path.of("/dev/shm");
        Path dir = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
        return new SharedFile(Files.createTempFile(dir, "daal4j-", ".buf"));
    }

    /** Where the file is (Python opens it, then unlinks it; both keep their descriptor). */
    Path path() {
        return path;
    }

    /** Current size in bytes. */
    long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} doubles from byte {@code offset}. */
    double[] readDoubles(long offset, int count) {
        double[] out = new double[count];
        readDoubles(offset, out, 0, count);
        return out;
    }

    /** Reads {@code count} doubles from byte {@code offset} into {@code out} from index {@code at}. */
    void readDoubles(long offset, double[] out, int at, int count) {
        long bytes = (long) count * Double.BYTES;
        if (offset + bytes > size()) {
            throw new IllegalArgumentException("shared buffer holds " + size() + " bytes, asked for bytes up to "
                    + (offset + bytes));
        }
        forEachWindow(offset, bytes,
                (b, done, n) -> b.asDoubleBuffer().get(out, at + done / Double.BYTES, n / Double.BYTES));
    }

    /**
     * The long at byte {@code offset} (8-aligned), read with acquire semantics: what the other
     * process wrote before storing it is visible once it is seen.
     */
    long readLongAcquire(long offset) {
        if (offset % Long.BYTES != 0 || offset + Long.BYTES > size()) {
            throw new IllegalArgumentException("no aligned long at byte " + offset + " of the shared buffer");
        }
        return (long) LONGS.getAcquire(window((int) (offset / WINDOW), (int) (offset % WINDOW) + Long.BYTES),
                (int) (offset % WINDOW));
    }

    /**
     * Stores {@code value} as the long at byte {@code offset} (8-aligned) with release
     * semantics: what this process wrote before is visible to the other once it sees the value.
     */
    void writeLongRelease(long offset, long value) {
        if (offset % Long.BYTES != 0) {
            throw new IllegalArgumentException("no aligned long at byte " + offset + " of the shared buffer");
        }
        LONGS.setRelease(window((int) (offset / WINDOW), (int) (offset % WINDOW) + Long.BYTES),
                (int) (offset % WINDOW), value);
    }

    /** Writes doubles at byte {@code offset}, growing the file as needed. */
    void write(long offset, double[] values) {
        forEachWindow(offset, (long) values.length * Double.BYTES,
                (b, done, n) -> b.asDoubleBuffer().put(values, done / Double.BYTES, n / Double.BYTES));
    }

    /** Writes ints at byte {@code offset}, growing the file as needed. */
    void write(long offset, int[] values) {
        forEachWindow(offset, (long) values.length * Integer.BYTES,
                (b, done, n) -> b.asIntBuffer().put(values, done / Integer.BYTES, n / Integer.BYTES));
    }

    /** Writes longs at byte {@code offset}, growing the file as needed. */
    void write(long offset, long[] values) {
        forEachWindow(offset, (long) values.length * Long.BYTES,
                (b, done, n) -> b.asLongBuffer().put(values, done / Long.BYTES, n / Long.BYTES));
    }

    /** One piece of a transfer: {@code n} bytes at the buffer's position, {@code done} bytes already moved. */
    private interface Piece {
        void move(ByteBuffer at, int done, int n);
    }

    /**
     * Runs {@code piece} over the mapped windows covering [offset, offset + length). Windows
     * stay mapped between transfers: mapping afresh each time would fault every page again.
     */
    private void forEachWindow(long offset, long length, Piece piece) {
        if (length == 0) {
            return;
        }
        long done = 0;
        while (done < length) {
            long at = offset + done;
            int k = (int) (at / WINDOW);
            int within = (int) (at % WINDOW);
            int n = (int) Math.min(length - done, WINDOW - within);
            ByteBuffer b = window(k, within + n).duplicate().order(ByteOrder.LITTLE_ENDIAN);
            b.position(within).limit(within + n);
            piece.move(b.slice().order(ByteOrder.LITTLE_ENDIAN), (int) done, n);
            done += n;
        }
    }

    /** Window k mapped over at least its first {@code needed} bytes (growing the file if short). */
    private MappedByteBuffer window(int k, int needed) {
        while (windows.size() <= k) {
            windows.add(null);
        }
        MappedByteBuffer w = windows.get(k);
        if (w == null || w.capacity() < needed) {
            // as far as the file already reaches (Python grew it for the whole transfer): a
            // window remapped for every next block would fault its pages in again
            long reach = Math.max((needed + GROWTH - 1) / GROWTH * GROWTH, size() - (long) k * WINDOW);
            long size = Math.min(WINDOW, reach);
            try {
                // a READ_WRITE mapping past the end grows the file first
                w = channel.map(FileChannel.MapMode.READ_WRITE, (long) k * WINDOW, size);
            } catch (IOException e) {
                throw new UncheckedIOException("shared buffer " + path + ": " + e.getMessage(), e);
            }
            windows.set(k, w);
        }
        return w;
    }

    @Override
    public void close() {
        try {
            channel.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // the file is in temporary storage; nothing else to do at exit
        }
    }
}
