package daal4j.bridge;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads arrays out of another process's memory, and writes results into it (Linux
 * process_vm_readv/writev, through the small JNI library {@code libdaal4j_bridge.so} built with
 * the bridge): the Python process's numpy arrays reach a Java array in one copy, and back. Available when the library loads; the caller falls
 * back to the shared file otherwise, or when the kernel refuses the read.
 */
final class ProcessMemory {

    /** Where the library is: the system property, else beside the bridge's jar. */
    private static final String LIBRARY = "daal4j.bridge.native";

    private static final String LOAD_ERROR = load();

    /** The numpy element types read as they are (little-endian): others Python converts to f8 first. */
    enum Kind {
        /** float64: read straight into the doubles. */
        F8(8),
        /** float32, converted exactly. */
        F4(4),
        /** int64, converted to the nearest double. */
        I8(8),
        /** int32, converted exactly. */
        I4(4);

        final int bytes;

        Kind(int bytes) {
            this.bytes = bytes;
        }

        /** The kind named as numpy's dtype.str without its byte order ("f8", "i4" …). */
        static Kind of(String code) {
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(code)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("element type '" + code + "' is not read directly; use f8, f4, i8 or i4");
        }
    }

    private ProcessMemory() {
    }

    private static String load() {
        try {
            String explicit = System.getProperty(LIBRARY);
            Path lib = explicit != null ? Path.of(explicit)
                    : Path.of(ProcessMemory.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                            .resolveSibling("libdaal4j_bridge.so");
            if (!Files.isRegularFile(lib)) {
                return "no " + lib;
            }
            System.load(lib.toAbsolutePath().toString());
            return null;
        } catch (Exception | UnsatisfiedLinkError e) {
            return e.toString();
        }
    }

    /** Null when the library is loaded, else why not. */
    static String unavailable() {
        return LOAD_ERROR;
    }

    /** Copies the {@code count} doubles at {@code address} of process {@code pid} into {@code into[at .. at + count)}. */
    static void read(int pid, long address, double[] into, int at, int count) {
        copy(pid, address, into, (long) at * Double.BYTES, (long) count * Double.BYTES, Double.BYTES);
    }

    /**
     * Copies {@code bytes} bytes at {@code address} of process {@code pid} into the primitive
     * array {@code into} (elements of {@code elementBytes}) from its byte {@code at}.
     */
    private static void copy(int pid, long address, Object into, long at, long bytes, int elementBytes) {
        move(pid, address, into, at, bytes, elementBytes, true);
    }

    /**
     * Copies the primitive array {@code from} (double[], int[] or long[]) whole to
     * {@code address} of process {@code pid} (an array that process allocated for it).
     */
    static void write(int pid, long address, Object from) {
        int elementBytes = from instanceof double[] || from instanceof long[] ? 8 : from instanceof int[] ? 4 : 0;
        if (elementBytes == 0) {
            throw new IllegalArgumentException("cannot write a " + from.getClass().getSimpleName());
        }
        move(pid, address, from, 0, (long) java.lang.reflect.Array.getLength(from) * elementBytes, elementBytes, false);
    }

    /** {@link #copy} when {@code in}, else the other way: from the array to the process. */
    private static void move(int pid, long address, Object array, long at, long bytes, int elementBytes, boolean in) {
        String what = in ? "reading" : "writing";
        if (LOAD_ERROR != null) {
            throw new IllegalStateException(what + " process memory: " + LOAD_ERROR);
        }
        long got = in ? read0(pid, address, array, at, bytes, elementBytes)
                : write0(pid, address, array, at, bytes, elementBytes);
        if (got != bytes) {
            throw new IllegalStateException(what + " " + bytes / elementBytes + " values " + (in ? "at" : "to")
                    + " 0x" + Long.toHexString(address) + " of process " + pid + " failed ("
                    + (got < 0 ? "errno " + -got : got + " bytes") + ")");
        }
    }

    private static native long read0(int pid, long address, Object into, long at, long bytes, int elementBytes);

    private static native long write0(int pid, long address, Object from, long at, long bytes, int elementBytes);

    /**
     * Row-aligned C-ordered arrays in process {@code pid}: array k ({@code rows x cols[k]}
     * values of {@code kinds[k]}) at {@code addresses[k]}, read a chunk of rows at a time (by
     * one thread at a time: the conversions share a scratch array).
     */
    static Incoming.Source arrays(int pid, long[] addresses, Kind[] kinds, int[] cols, int chunkRows) {
        if (addresses.length != cols.length || kinds.length != cols.length || chunkRows < 1) {
            throw new IllegalArgumentException(addresses.length + " addresses and " + kinds.length + " kinds for "
                    + cols.length + " arrays, chunks of " + chunkRows + " rows");
        }
        long[] where = addresses.clone();
        Kind[] kind = kinds.clone();
        int[] widths = cols.clone();
        return new Incoming.Source() {
            // scratch arrays for the conversions, kept from chunk to chunk
            private float[] floats;
            private int[] ints;
            private long[] longs;

            @Override
            public int chunkRows() {
                return chunkRows;
            }

            @Override
            public void read(int from, int to, double[][] into, int[] at) {
                for (int k = 0; k < widths.length; k++) {
                    int n = (to - from) * widths[k];
                    long address = where[k] + (long) from * widths[k] * kind[k].bytes;
                    if (kind[k] == Kind.F8) {
                        ProcessMemory.read(pid, address, into[k], at[k], n);
                    } else {
                        convert(address, kind[k], into[k], at[k], n);
                    }
                }
            }

            /** Reads n values of kind into a scratch array of that type, then widens them into into[at ..]. */
            private void convert(long address, Kind kind, double[] into, int at, int n) {
                long bytes = (long) n * kind.bytes;
                switch (kind) {
                    case F4 -> {
                        float[] v = floats = floats != null && floats.length >= n ? floats : new float[n];
                        copy(pid, address, v, 0, bytes, kind.bytes);
                        for (int i = 0; i < n; i++) {
                            into[at + i] = v[i];
                        }
                    }
                    case I4 -> {
                        int[] v = ints = ints != null && ints.length >= n ? ints : new int[n];
                        copy(pid, address, v, 0, bytes, kind.bytes);
                        for (int i = 0; i < n; i++) {
                            into[at + i] = v[i];
                        }
                    }
                    case I8 -> {
                        long[] v = longs = longs != null && longs.length >= n ? longs : new long[n];
                        copy(pid, address, v, 0, bytes, kind.bytes);
                        for (int i = 0; i < n; i++) {
                            into[at + i] = v[i];
                        }
                    }
                    default -> throw new IllegalStateException("no conversion for " + kind);
                }
            }

            @Override
            public void done() {
                // nothing waits: Python is blocked in its call until the JVM answers
            }
        };
    }
}
