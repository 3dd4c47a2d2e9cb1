package daal4j.bridge;

import daal4j.Daal4j;
import daal4j.algorithms.Algorithm;
import daal4j.algorithms.Result;
import daal4j.algorithms.pca.Pca;
import daal4j.data.Matrix;
import daal4j.spmd.SpmdException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What the Python package calls through Py4J: the facade by name, fluent setters, compute,
 * and the binary transfer of arrays through the {@link SharedFile}. Every call runs on the
 * gateway's main thread (the thread that started the engine), one at a time.
 */
public final class Bridge {

    /** Byte alignment of arrays in the shared file. */
    private static final long ALIGN = 64;

    private final SharedFile shared;
    private final MainThread main;
    /** Chunk buffers of {@link #computeIncoming}, kept between calls. */
    private final BufferPool buffers = new BufferPool();

    Bridge(SharedFile shared, MainThread main) {
        this.shared = shared;
        this.main = main;
    }

    /** Calls the facade's static method {@code name} (daalinit, numProcs, kmeansInit …). */
    public Object facade(String name, List<Object> args) {
        return on(() -> Invoker.call(Daal4j.class, null, name, args));
    }

    /** {@link #facade(String, List)} without arguments (one round trip from Python, no list to build). */
    public Object facade(String name) {
        return facade(name, List.of());
    }

    /** {@link #facade(String, List)} with one argument. */
    public Object facade(String name, Object a) {
        return facade(name, mutableList(new Object[] {a}));
    }

    /** {@link #facade(String, List)} with two arguments. */
    public Object facade(String name, Object a, Object b) {
        return facade(name, mutableList(new Object[] {a, b}));
    }

    /** The facade's parameter names for {@code name}, per overload (null entries when unknown). */
    public List<List<String>> facadeParameters(String name) {
        return Invoker.parameterNames(Daal4j.class, true, name);
    }

    /** Parameter names of {@code target}'s method {@code name}, per overload (for keyword arguments). */
    public List<List<String>> parameters(Object target, String name) {
        return Invoker.parameterNames(target.getClass(), false, name);
    }

    /** Calls the public method {@code name} of {@code target} (compute, finalizeCompute, setters …). */
    public Object call(Object target, String name, List<Object> args) {
        return on(() -> Invoker.call(target.getClass(), target, name, args));
    }

    /**
     * {@code algorithm.compute(args)} where the arguments at {@code positions} are arrays
     * Python is still copying into the ring of the shared file ({@code rows x cols[k]}
     * doubles; {@code ring} = [first byte, slots, bytes per slot, rows per slot] and
     * {@code slotOffsets[k]} the byte of array k within a slot, see {@link Ring}). A
     * summarizing algorithm computes chunk by chunk while the copy goes on (the same result as
     * batch up to the rounding of merging the chunks); any other reads the arrays whole as they
     * arrive, then computes.
     */
    public Object computeIncoming(Object algorithm, List<Object> args, List<? extends Number> positions,
            List<? extends Number> cols, int rows, List<? extends Number> ring, List<? extends Number> slotOffsets) {
        return on(() -> compute(algorithm, args, new Incoming(ring(ring, slotOffsets, cols, rows), rows,
                ints(positions), ints(cols))));
    }

    /**
     * {@link #computeIncoming} with the arrays read straight from the memory of process
     * {@code pid} (the Python caller, blocked in this call), {@code chunkRows} rows at a time:
     * {@code arrays} lists each as {@code position:cols:address:kind} (comma-separated), a
     * C-ordered array of {@code rows} rows of numpy's element type kind (f8, f4, i8, i4: see
     * {@link ProcessMemory.Kind}), in one string (each list Python sends costs it a round trip
     * per element).
     */
    public Object computeFromProcess(Object algorithm, List<Object> args, String arrays, int rows, int pid,
            int chunkRows) {
        return on(() -> {
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
        });
    }

    /** {@link #computeFromProcess} where every one of the {@code nargs} arguments is an array of {@code arrays}. */
    public Object computeFromProcess(Object algorithm, int nargs, String arrays, int rows, int pid, int chunkRows) {
        return computeFromProcess(algorithm, mutableList(new Object[nargs]), arrays, rows, pid, chunkRows);
    }

    /** A list of the values given (Python builds a short list in one call, not one per element). */
    public List<Object> listOf() {
        return new java.util.ArrayList<>();
    }

    /** A list of the values given. */
    public List<Object> listOf(Object a) {
        return mutableList(new Object[] {a});
    }

    /** A list of the values given. */
    public List<Object> listOf(Object a, Object b) {
        return mutableList(new Object[] {a, b});
    }

    /** A list of the values given. */
    public List<Object> listOf(Object a, Object b, Object c) {
        return mutableList(new Object[] {a, b, c});
    }

    /** A list of the values given. */
    public List<Object> listOf(Object a, Object b, Object c, Object d) {
        return mutableList(new Object[] {a, b, c, d});
    }

    /** A list of the values given. */
    public List<Object> listOf(Object a, Object b, Object c, Object d, Object e) {
        return mutableList(new Object[] {a, b, c, d, e});
    }

    /** A list of the values given. */
    public List<Object> listOf(Object a, Object b, Object c, Object d, Object e, Object f) {
        return mutableList(new Object[] {a, b, c, d, e, f});
    }

    private static List<Object> mutableList(Object[] values) {
        // mutable and null-friendly, as a list Py4J converts from Python
        return new java.util.ArrayList<>(java.util.Arrays.asList(values));
    }

    /** A rows x cols matrix that Python is copying into the ring ({@code ring} as in {@link #computeIncoming}). */
    public Matrix matrixIncoming(int rows, int cols, List<? extends Number> ring) {
        return on(() -> wholeMatrix(new Incoming(ring(ring, List.of(0), List.of(cols), rows), rows, new int[] {0},
                new int[] {cols})));
    }

    /**
     * A rows x cols matrix read from the C-ordered array of numpy element type {@code kind}
     * (as in {@link #computeFromProcess}) at {@code address} of process {@code pid}.
     */
    public Matrix matrixFromProcess(int rows, int cols, int pid, long address, String kind, int chunkRows) {
        return on(() -> wholeMatrix(new Incoming(ProcessMemory.arrays(pid, new long[] {address},
                new ProcessMemory.Kind[] {ProcessMemory.Kind.of(kind)}, new int[] {cols}, chunkRows), rows,
                new int[] {0}, new int[] {cols})));
    }

    /**
     * Null when the JVM can read process {@code pid}'s memory (the doubles at {@code address}
     * are {@code expected}), else why not: Python then passes arrays through the shared file.
     */
    public String processMemoryProblem(int pid, long address, List<? extends Number> expected) {
        return on(() -> {
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
                    return "read " + java.util.Arrays.toString(got) + ", expected " + expected;
                }
            }
            return null;
        });
    }

    /**
     * Whether {@code algorithm} summarizes its rows chunk by chunk (the toolkit's Algorithm, and
     * PCA over one): then {@link #computeIncoming} overlaps the transfer with the compute.
     */
    public boolean takesChunks(Object algorithm) {
        return algorithm instanceof Algorithm<?, ?, ?> || algorithm instanceof Pca;
    }

    /** A summarizing algorithm on the chunks as they come; any other on the whole arrays once read. */
    private Object compute(Object algorithm, List<Object> args, Incoming in) {
        if (in.rows() > 0 && algorithm instanceof Algorithm<?, ?, ?> summarizing) {
            var compute = Invoker.bound(algorithm.getClass(), algorithm, "compute");
            return summarizing.computeChunks(() -> in.forEachChunk(args, buffers, compute::apply));
        }
        if (in.rows() > 0 && algorithm instanceof Pca pca && args.size() == 1) {
            return pca.computeChunks(each -> in.forEachChunk(args, buffers, chunk -> each.accept(chunk.get(0))));
        }
        return Invoker.call(algorithm.getClass(), algorithm, "compute", in.whole(args));
    }

    private static Matrix wholeMatrix(Incoming in) {
        return (Matrix) in.whole(java.util.Arrays.asList((Object) null)).get(0);
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

    /**
     * Sets the parameter {@code name} through its fluent setter; {@code fptype} is accepted
     * without a setter as "double" (daal4j computes in double precision).
     */
    public Object set(Object algorithm, String name, Object value) {
        return on(() -> {
            if (name.equals("fptype") && !Invoker.has(algorithm.getClass(), name)) {
                if (!"double".equals(value) && !"float".equals(value)) {
                    throw new IllegalArgumentException("fptype must be \"double\" or \"float\", got " + value);
                }
                return algorithm;
            }
            if (!Invoker.has(algorithm.getClass(), name)) {
                throw new IllegalArgumentException(algorithm.getClass().getSimpleName() + " has no parameter '"
                        + name + "'");
            }
            return Invoker.call(algorithm.getClass(), algorithm, name, List.of(value));
        });
    }

    /** A matrix read from the shared file: rows x cols little-endian doubles at {@code offset}. */
    public Matrix matrix(long offset, int rows, int cols) {
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("array of " + rows + " x " + cols + " is too large for one matrix");
        }
        return Matrix.wrap(rows, cols, shared.readDoubles(offset, rows * cols));
    }

    /**
     * Writes the value's arrays into the shared file and describes it, one line per field
     * ({@code name \t kind \t …}): a Result's fields, an object's public fields (models), or
     * the value itself under the name "".
     */
    public String export(Object value) {
        return export(value, Long.MAX_VALUE);
    }

    /**
     * {@link #export} where arrays of {@code directBytes} bytes or more are not written: their
     * line ends in the offset -1, and Python allocates them and asks for each by
     * {@link #writeField} (written straight into its memory: one copy, no shared file).
     */
    public String export(Object value, long directBytes) {
        return on(() -> {
            StringBuilder out = new StringBuilder();
            long[] offset = {0};
            for (Map.Entry<String, Object> e : fieldsOf(value).entrySet()) {
                out.append(e.getKey()).append('\t').append(describe(e.getValue(), offset, directBytes)).append('\n');
            }
            return out.toString();
        });
    }

    /** One value, described and written as by {@link #export}. */
    public String exportValue(Object value) {
        return exportValue(value, Long.MAX_VALUE);
    }

    /** One value, described as by {@link #export(Object, long)}. */
    public String exportValue(Object value, long directBytes) {
        return on(() -> describe(value, new long[] {0}, directBytes));
    }

    /**
     * Writes the array of field {@code name} of {@code value} (as {@link #export} names it; ""
     * for the value itself) to {@code address} of process {@code pid}: the numpy array of its
     * shape and dtype that Python allocated for it.
     */
    public void writeField(Object value, String name, int pid, long address) {
        on(() -> {
            Map<String, Object> fields = fieldsOf(value);
            if (!fields.containsKey(name)) {
                throw new IllegalArgumentException("no field '" + name + "' to write");
            }
            Object v = fields.get(name);
            ProcessMemory.write(pid, address, v instanceof Matrix m ? m.rowMajorView()
                    : v instanceof double[][] d ? Matrix.of(d).rowMajorView() : v);
            return null;
        });
    }

    /** Size of the shared file in bytes (Python remaps when it grew). */
    public long sharedSize() {
        return shared.size();
    }

    /**
     * The attribute {@code name} of a model or result: a public field or no-argument method of
     * that name, or of its lower-camel form (daal4py's {@code Beta} finds {@code beta}).
     */
    public Object attribute(Object target, String name) {
        return on(() -> {
            String lower = Character.toLowerCase(name.charAt(0)) + name.substring(1);
            for (String n : new String[] {name, lower, "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1)}) {
                try {
                    Field f = target.getClass().getField(n);
                    if (!Modifier.isStatic(f.getModifiers())) {
                        return f.get(target);
                    }
                } catch (NoSuchFieldException e) {
                    // try the next form
                }
                try {
                    Method m = target.getClass().getMethod(n);
                    if (!Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class) {
                        return Invoker.call(target.getClass(), target, n, List.of());
                    }
                } catch (NoSuchMethodException e) {
                    // try the next form
                }
            }
            throw new NoSuchFieldException(target.getClass().getSimpleName() + " has no attribute '" + name + "'");
        });
    }

    /**
     * The Python exception for a Java one: "ValueError" for bad input (IllegalArgumentException,
     * or an SpmdException whose origin was one), else "RuntimeError"; then a newline and the message.
     */
    public String classify(Throwable thrown) {
        Throwable t = thrown instanceof MainThread.BridgeException ? thrown.getCause() : thrown;
        boolean bad = t instanceof IllegalArgumentException || t instanceof SpmdException s && s.isBadInput();
        String kind = t instanceof NoSuchFieldException ? "AttributeError" : bad ? "ValueError" : "RuntimeError";
        String m = t.getMessage();
        String text = m == null || m.isBlank() ? t.getClass().getName() : m;
        if (t instanceof OutOfMemoryError) {
            text = "the JVM ran out of memory (" + text + "); give it more with DAAL4J_JAVA_OPTS=-Xmx<size>";
        }
        return kind + "\n" + text;
    }

    private <T> T on(Callable<T> body) {
        return main.call(body);
    }

    private static Map<String, Object> fieldsOf(Object value) {
        if (value instanceof Result r) {
            return r.fields();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (value == null || value instanceof Matrix || value instanceof Number || value instanceof String
                || value instanceof Boolean || value.getClass().isArray()) {
            out.put("", value);
            return out;
        }
        for (Field f : value.getClass().getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                try {
                    out.put(f.getName(), f.get(value));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    /**
     * Kind and metadata of one value; arrays are written to the shared file at offset[0], but
     * those of {@code directBytes} bytes or more get the offset -1 (see {@link #writeField}).
     */
    private String describe(Object v, long[] offset, long directBytes) {
        if (v == null) {
            return "0";
        }
        if (v instanceof Matrix m) {
            long at = place(offset, (long) m.rows() * m.cols() * Double.BYTES, directBytes);
            if (at >= 0) {
                shared.write(at, m.rowMajorView());
            }
            return "M\t" + m.rows() + "\t" + m.cols() + "\t" + at;
        }
        if (v instanceof double[][] d) {
            return describe(Matrix.of(d), offset, directBytes);
        }
        if (v instanceof double[] d) {
            long at = place(offset, (long) d.length * Double.BYTES, directBytes);
            if (at >= 0) {
                shared.write(at, d);
            }
            return "d\t" + d.length + "\t" + at;
        }
        if (v instanceof int[] d) {
            long at = place(offset, (long) d.length * Integer.BYTES, directBytes);
            if (at >= 0) {
                shared.write(at, d);
            }
            return "i\t" + d.length + "\t" + at;
        }
        if (v instanceof long[] d) {
            long at = place(offset, (long) d.length * Long.BYTES, directBytes);
            if (at >= 0) {
                shared.write(at, d);
            }
            return "l\t" + d.length + "\t" + at;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return "I\t" + v;
        }
        if (v instanceof Number n) {
            return "F\t" + Double.toString(n.doubleValue());
        }
        if (v instanceof Boolean b) {
            return "B\t" + b;
        }
        if (v instanceof String || v instanceof Enum<?>) {
            return "S\t" + Base64.getEncoder().encodeToString(v.toString().getBytes(StandardCharsets.UTF_8));
        }
        if (v instanceof Map<?, ?>) {
            return "Y";
        }
        return "O\t" + v.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    /**
     * Where an array of {@code bytes} goes in the shared file (from offset[0], which moves past
     * it), or -1 when it is of {@code directBytes} or more and goes straight to Python.
     */
    private static long place(long[] offset, long bytes, long directBytes) {
        if (bytes >= directBytes) {
            return -1;
        }
        long at = offset[0];
        offset[0] = (at + bytes + ALIGN - 1) / ALIGN * ALIGN;
        return at;
    }
}
