package daal4j.bridge;

import daal4j.Daal4j;
import daal4j.algorithms.Algorithm;
import daal4j.algorithms.Result;
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
     * Python is still copying into the shared file ({@code rows x cols[k]} doubles at
     * {@code offsets[k]}, progress counter at {@code progressAt}, see {@link Incoming}). A
     * summarizing algorithm computes chunk by chunk while the copy goes on (the same result as
     * batch up to the rounding of merging the chunks); any other reads the arrays whole as they
     * arrive, then computes.
     */
    public Object computeIncoming(Object algorithm, List<Object> args, List<? extends Number> positions,
            List<? extends Number> offsets, List<? extends Number> cols, int rows, long progressAt) {
        return on(() -> {
            Incoming in = new Incoming(shared, progressAt, rows, ints(positions),
                    offsets.stream().mapToLong(Number::longValue).toArray(), ints(cols));
            if (!(algorithm instanceof Algorithm<?, ?, ?> summarizing) || rows == 0) {
                return Invoker.call(algorithm.getClass(), algorithm, "compute", in.whole(args));
            }
            return summarizing.computeChunks(() -> feed(algorithm, args, in));
        });
    }

    /**
     * Whether {@code algorithm} summarizes its rows chunk by chunk (the toolkit's Algorithm):
     * then {@link #computeIncoming} overlaps the transfer with the compute.
     */
    public boolean takesChunks(Object algorithm) {
        return algorithm instanceof Algorithm<?, ?, ?>;
    }

    /** Gives the algorithm the incoming rows chunk by chunk (a summarizing algorithm keeps only their summary). */
    private void feed(Object algorithm, List<Object> args, Incoming in) {
        try {
            in.forEachChunk(args, buffers, chunk -> Invoker.call(algorithm.getClass(), algorithm, "compute", chunk));
        } catch (RuntimeException e) {
            // a chunk's message counts rows from the chunk's start: compute on all rows for
            // batch's own message (bad input fails the same way there)
            List<Object> all;
            try {
                all = in.whole(args);
            } catch (RuntimeException tooLarge) {
                throw e;
            }
            Invoker.call(algorithm.getClass(), algorithm, "compute", all);
            throw e;
        }
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
        return on(() -> {
            Map<String, Object> fields = fieldsOf(value);
            StringBuilder out = new StringBuilder();
            long[] offset = {0};
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                out.append(e.getKey()).append('\t').append(describe(e.getValue(), offset)).append('\n');
            }
            return out.toString();
        });
    }

    /** One value, described and written as by {@link #export}. */
    public String exportValue(Object value) {
        return on(() -> describe(value, new long[] {0}));
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

    /** Kind and metadata of one value; arrays are written to the shared file at offset[0]. */
    private String describe(Object v, long[] offset) {
        if (v == null) {
            return "0";
        }
        if (v instanceof Matrix m) {
            long at = place(offset, (long) m.rows() * m.cols() * Double.BYTES);
            shared.write(at, m.rowMajorView());
            return "M\t" + m.rows() + "\t" + m.cols() + "\t" + at;
        }
        if (v instanceof double[] d) {
            long at = place(offset, (long) d.length * Double.BYTES);
            shared.write(at, d);
            return "d\t" + d.length + "\t" + at;
        }
        if (v instanceof double[][] d) {
            return describe(Matrix.of(d), offset);
        }
        if (v instanceof int[] d) {
            long at = place(offset, (long) d.length * Integer.BYTES);
            shared.write(at, d);
            return "i\t" + d.length + "\t" + at;
        }
        if (v instanceof long[] d) {
            long at = place(offset, (long) d.length * Long.BYTES);
            shared.write(at, d);
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

    private static long place(long[] offset, long bytes) {
        long at = offset[0];
        offset[0] = (at + bytes + ALIGN - 1) / ALIGN * ALIGN;
        return at;
    }
}
