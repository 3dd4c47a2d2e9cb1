package daal4j.bridge;

import daal4j.algorithms.ChunkedCompute;
import daal4j.data.Matrix;
import java.util.Arrays;
import java.util.List;

/**
 * Arguments in: the arrays Python passes, read in binary from the ring of the {@link SharedFile}
 * or straight from Python's memory ({@link ProcessMemory}), and the computes that take them
 * chunk by chunk as they arrive. Called on the gateway's main thread only (see {@link Bridge}).
 */
final class Arguments {

    private final SharedFile shared;
    /** Chunk buffers of {@link #computeIncoming}, kept between calls. */
    private final BufferPool buffers = new BufferPool();

    Arguments(SharedFile shared) {
        this.shared = shared;
    }

    /** See {@link Bridge#computeIncoming}. */
    Object computeIncoming(Object algorithm, List<Object> args, List<? extends Number> positions,
            List<? extends Number> cols, int rows, List<? extends Number> ring, List<? extends Number> slotOffsets) {
        return compute(algorithm, args, new Incoming(ring(ring, slotOffsets, cols, rows), rows, ints(positions),
                ints(cols)));
    }

    /** See {@link Bridge#computeFromProcess(Object, List, String, int, int, int)}. */
    Object computeFromProcess(Object algorithm, List<Object> args, String arrays, int rows, int pid, int chunkRows) {
        String[] each = arrays.split(",");
        int[] positions = new int[each.length];
        int[] cols = new int[each.length];
        long[] addresses = new long[each.length];
        ProcessMemory.Kind[] kinds = new ProcessMemory.Kind[each.length];
        for (int k = 0; k < each.length; k++) {
            String[] f = each[k].split(":");
            if (f.length != 4) {
                throw new IllegalArgumentException("array " + k + ": expected position:cols:address:kind, got "
                        + each[k]);
            }
            positions[k] = Integer.parseInt(f[0]);
            cols[k] = Integer.parseInt(f[1]);
            addresses[k] = Long.parseLong(f[2]);
            kinds[k] = ProcessMemory.Kind.of(f[3]);
        }
        return compute(algorithm, args, new Incoming(ProcessMemory.arrays(pid, addresses, kinds, cols, chunkRows),
                rows, positions, cols));
    }

    /** See {@link Bridge#matrixIncoming}. */
    Matrix matrixIncoming(int rows, int cols, List<? extends Number> ring) {
        return wholeMatrix(new Incoming(ring(ring, List.of(0), List.of(cols), rows), rows, new int[] {0},
                new int[] {cols}));
    }

    /** See {@link Bridge#matrixFromProcess}. */
    Matrix matrixFromProcess(int rows, int cols, int pid, long address, String kind, int chunkRows) {
        return wholeMatrix(new Incoming(ProcessMemory.arrays(pid, new long[] {address},
                new ProcessMemory.Kind[] {ProcessMemory.Kind.of(kind)}, new int[] {cols}, chunkRows), rows,
                new int[] {0}, new int[] {cols}));
    }

    /** See {@link Bridge#matrix}. */
    Matrix matrix(long offset, int rows, int cols) {
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("array of " + rows + " x " + cols + " is too large for one matrix");
        }
        return Matrix.wrap(rows, cols, shared.readDoubles(offset, rows * cols));
    }

    /** See {@link Bridge#processMemoryProblem}. */
    static String processMemoryProblem(int pid, long address, List<? extends Number> expected) {
        String missing = ProcessMemory.unavailable();
        if (missing != null) {
            return missing;
        }
        double[] got = new double[expected.size()];
        try {
            ProcessMemory.read(pid, address, got, 0, got.length);
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        for (int i = 0; i < got.length; i++) {
            if (Double.compare(got[i], expected.get(i).doubleValue()) != 0) {
                return "read " + Arrays.toString(got) + ", expected " + expected;
            }
        }
        return null;
    }

    /** See {@link Bridge#takesChunks}. */
    static boolean takesChunks(Object algorithm) {
        return algorithm instanceof ChunkedCompute<?> || RowWise.takes(algorithm);
    }

    /** A summarizing or row-wise algorithm on the chunks as they come; any other on the whole arrays once read. */
    private Object compute(Object algorithm, List<Object> args, Incoming in) {
        if (in.rows() > 0 && RowWise.takes(algorithm)) {
            return RowWise.compute(algorithm, args, in, buffers);
        }
        if (in.rows() > 0 && algorithm instanceof ChunkedCompute<?> chunked) {
            var compute = Invoker.bound(algorithm.getClass(), algorithm, "compute");
            return chunked.computeChunks(() -> in.forEachChunk(args, buffers, compute::apply));
        }
        return Invoker.call(algorithm.getClass(), algorithm, "compute", in.whole(args));
    }

    private static Matrix wholeMatrix(Incoming in) {
        return (Matrix) in.whole(Arrays.asList((Object) null)).get(0);
    }

    private Ring ring(List<? extends Number> ring, List<? extends Number> slotOffsets, List<? extends Number> cols,
            int rows) {
        if (ring.size() != 4) {
            throw new IllegalArgumentException("ring: expected [first byte, slots, bytes per slot, rows per slot], got "
                    + ring);
        }
        return new Ring(shared, ring.get(0).longValue(), ring.get(1).intValue(), ring.get(2).longValue(),
                ring.get(3).intValue(), longs(slotOffsets), ints(cols), rows);
    }

    private static long[] longs(List<? extends Number> values) {
        return values.stream().mapToLong(Number::longValue).toArray();
    }

    private static int[] ints(List<? extends Number> values) {
        return values.stream().mapToInt(Number::intValue).toArray();
    }
}
