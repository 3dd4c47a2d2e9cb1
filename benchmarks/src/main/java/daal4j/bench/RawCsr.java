package daal4j.bench;

import daal4j.data.CsrMatrix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Rows [from, to) of a CSR matrix stored as raw little-endian files {@code PREFIX.offsets}
 * (int32, rows + 1), {@code .indices} (int32) and {@code .values} (float64), read straight into
 * the rank's own arrays: only that rank's share is ever in memory, once.
 */
final class RawCsr {

    /** Bytes read per call: the only buffer besides the arrays (why: a whole-file byte[] doubles the peak). */
    private static final int CHUNK = 8 << 20;

    private RawCsr() {
    }

    /** Rows [from, to) of the matrix {@code prefix} of {@code cols} columns, offsets rebased to 0. */
    static CsrMatrix rows(String prefix, int cols, int from, int to) {
        int[] offsets = new int[to - from + 1];
        readInts(Path.of(prefix + ".offsets"), 4L * from, offsets);
        int base = offsets[0];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] -= base;
        }
        int nnz = offsets[to - from];
        int[] indices = new int[nnz];
        readInts(Path.of(prefix + ".indices"), 4L * base, indices);
        double[] values = new double[nnz];
        readDoubles(Path.of(prefix + ".values"), 8L * base, values);
        return CsrMatrix.of(to - from, cols, offsets, indices, values, prefix);
    }

    /** {@code out.length} float64 values of {@code file} from byte {@code at}. */
    static void readDoubles(Path file, long at, double[] out) {
        read(file, at, 8, out.length, (b, pos, n) -> b.asDoubleBuffer().get(out, pos, n));
    }

    private static void readInts(Path file, long at, int[] out) {
        read(file, at, 4, out.length, (b, pos, n) -> b.asIntBuffer().get(out, pos, n));
    }

    private interface Sink {
        void take(ByteBuffer b, int pos, int n);
    }

    private static void read(Path file, long at, int width, int count, Sink sink) {
        ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = at;
            for (int done = 0; done < count; ) {
                int n = Math.min(count - done, CHUNK / width);
                buf.clear().limit(n * width);
                while (buf.hasRemaining()) {
                    if (ch.read(buf, pos + buf.position()) < 0) {
                        throw new IOException(file + ": ends before " + count + " values from byte " + at);
                    }
                }
                buf.flip();
                sink.take(buf, done, n);
                done += n;
                pos += (long) n * width;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
