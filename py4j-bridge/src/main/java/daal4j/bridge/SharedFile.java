package daal4j.bridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file both processes map to pass bulk arrays in binary (little-endian, as numpy's
 * {@code <f8}): Python writes inputs and reads results, the JVM the other way round. It
 * lives in /dev/shm (memory) when there is one, so nothing touches a disk.
 */
final class SharedFile implements AutoCloseable {

    /** Largest region mapped at once (a MappedByteBuffer is int-indexed). */
    private static final int CHUNK = 1 << 30;

    private final Path path;
    private final FileChannel channel;

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
        int perChunk = CHUNK / Double.BYTES;
        for (int done = 0; done < count; done += perChunk) {
            int n = Math.min(perChunk, count - done);
            map(FileChannel.MapMode.READ_ONLY, offset + (long) done * Double.BYTES, (long) n * Double.BYTES)
                    .asDoubleBuffer().get(out, done, n);
        }
        return out;
    }

    /** Writes doubles at byte {@code offset}, growing the file as needed. */
    void write(long offset, double[] values) {
        int perChunk = CHUNK / Double.BYTES;
        for (int done = 0; done < values.length; done += perChunk) {
            int n = Math.min(perChunk, values.length - done);
            map(FileChannel.MapMode.READ_WRITE, offset + (long) done * Double.BYTES, (long) n * Double.BYTES)
                    .asDoubleBuffer().put(values, done, n);
        }
    }

    /** Writes ints at byte {@code offset}, growing the file as needed. */
    void write(long offset, int[] values) {
        int perChunk = CHUNK / Integer.BYTES;
        for (int done = 0; done < values.length; done += perChunk) {
            int n = Math.min(perChunk, values.length - done);
            map(FileChannel.MapMode.READ_WRITE, offset + (long) done * Integer.BYTES, (long) n * Integer.BYTES)
                    .asIntBuffer().put(values, done, n);
        }
    }

    /** Writes longs at byte {@code offset}, growing the file as needed. */
    void write(long offset, long[] values) {
        int perChunk = CHUNK / Long.BYTES;
        for (int done = 0; done < values.length; done += perChunk) {
            int n = Math.min(perChunk, values.length - done);
            map(FileChannel.MapMode.READ_WRITE, offset + (long) done * Long.BYTES, (long) n * Long.BYTES)
                    .asLongBuffer().put(values, done, n);
        }
    }

    private ByteBuffer map(FileChannel.MapMode mode, long offset, long length) {
        if (length == 0) {
            return ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
        }
        try {
            if (mode == FileChannel.MapMode.READ_ONLY && offset + length > channel.size()) {
                throw new IllegalArgumentException("shared buffer holds " + channel.size()
                        + " bytes, asked for bytes up to " + (offset + length));
            }
            // READ_WRITE mapping past the end grows the file first
            MappedByteBuffer b = channel.map(mode, offset, length);
            return b.order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException("shared buffer " + path + ": " + e.getMessage(), e);
        }
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
