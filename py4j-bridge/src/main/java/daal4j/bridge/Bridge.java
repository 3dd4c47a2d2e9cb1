package daal4j.bridge;

import daal4j.Daal4j;
import daal4j.data.CsrMatrix;
import daal4j.data.Matrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The Py4J entry point: every method the Python package calls, each run on the gateway's main
 * thread (the thread that started the engine), one at a time. Here are the facade by name,
 * fluent setters and compute; arrays in are {@link Arguments}' job, results out
 * {@link Exports}', and the Python exception for a Java one {@link Errors}'.
 */
public final class Bridge {

    private final SharedFile shared;
    private final MainThread main;
    private final Arguments in;
    private final Exports out;

    Bridge(SharedFile shared, MainThread main) {
        this.shared = shared;
        this.main = main;
        this.in = new Arguments(shared);
        this.out = new Exports(shared);
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
        return on(() -> in.computeIncoming(algorithm, args, positions, cols, rows, ring, slotOffsets));
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
        return on(() -> in.computeFromProcess(algorithm, args, arrays, rows, pid, chunkRows));
    }

    /** {@link #computeFromProcess} where every one of the {@code nargs} arguments is an array of {@code arrays}. */
    public Object computeFromProcess(Object algorithm, int nargs, String arrays, int rows, int pid, int chunkRows) {
        return computeFromProcess(algorithm, mutableList(new Object[nargs]), arrays, rows, pid, chunkRows);
    }

    /** A list of the values given (Python builds a short list in one call, not one per element). */
    public List<Object> listOf() {
        return new ArrayList<>();
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
        return new ArrayList<>(Arrays.asList(values));
    }

    /** A rows x cols matrix that Python is copying into the ring ({@code ring} as in {@link #computeIncoming}). */
    public Matrix matrixIncoming(int rows, int cols, List<? extends Number> ring) {
        return on(() -> in.matrixIncoming(rows, cols, ring));
    }

    /**
     * A rows x cols matrix read from the C-ordered array of numpy element type {@code kind}
     * (as in {@link #computeFromProcess}) at {@code address} of process {@code pid}.
     */
    public Matrix matrixFromProcess(int rows, int cols, int pid, long address, String kind, int chunkRows) {
        return on(() -> in.matrixFromProcess(rows, cols, pid, address, kind, chunkRows));
    }

    /**
     * Null when the JVM can read process {@code pid}'s memory (the doubles at {@code address}
     * are {@code expected}), else why not: Python then passes arrays through the shared file.
     */
    public String processMemoryProblem(int pid, long address, List<? extends Number> expected) {
        return on(() -> Arguments.processMemoryProblem(pid, address, expected));
    }

    /**
     * Whether {@code algorithm} summarizes its rows chunk by chunk (the toolkit's Algorithm, and
     * PCA over one) or computes row by row ({@link RowWise}: the predictions): then
     * {@link #computeIncoming} overlaps the transfer with the compute.
     */
    public boolean takesChunks(Object algorithm) {
        return Arguments.takesChunks(algorithm);
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

    /**
     * A CSR matrix of rows x cols from its three arrays, each sent as an n x 1 matrix (scipy's
     * indptr and indices, 0-based, then data); checked as {@link CsrMatrix#of} checks.
     */
    public CsrMatrix csr(int rows, int cols, Matrix offsets, Matrix indices, Matrix values) {
        return on(() -> CsrMatrix.of(rows, cols, whole(offsets, "indptr"), whole(indices, "indices"),
                values.toRowMajor(), "data"));
    }

    private static int[] whole(Matrix m, String what) {
        double[] d = m.rowMajorView();
        int[] out = new int[d.length];
        for (int k = 0; k < d.length; k++) {
            if (d[k] != (int) d[k]) {
                throw new IllegalArgumentException("data: CSR " + what + " " + d[k] + " at " + k
                        + " is not a whole number below 2^31");
            }
            out[k] = (int) d[k];
        }
        return out;
    }

    /** A matrix read from the shared file: rows x cols little-endian doubles at {@code offset}. */
    public Matrix matrix(long offset, int rows, int cols) {
        return on(() -> in.matrix(offset, rows, cols));
    }

    /**
     * Writes the value's arrays into the shared file and describes it, one line per field
     * ({@code name \t kind \t …}): a Result's fields (models are results too), or a plain
     * value (matrix, array, number, string) itself under the name "".
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
        return on(() -> out.export(value, directBytes));
    }

    /** One value, described and written as by {@link #export}. */
    public String exportValue(Object value) {
        return exportValue(value, Long.MAX_VALUE);
    }

    /** One value, described as by {@link #export(Object, long)}. */
    public String exportValue(Object value, long directBytes) {
        return on(() -> out.exportValue(value, directBytes));
    }

    /**
     * Writes the array of field {@code name} of {@code value} (as {@link #export} names it; ""
     * for the value itself) to {@code address} of process {@code pid}: the numpy array of its
     * shape and dtype that Python allocated for it.
     */
    public void writeField(Object value, String name, int pid, long address) {
        on(() -> {
            out.writeField(value, name, pid, address);
            return null;
        });
    }

    /** Size of the shared file in bytes (Python remaps when it grew). */
    public long sharedSize() {
        return shared.size();
    }

    /**
     * The attribute {@code name} of a model or result: its field
     * ({@link daal4j.algorithms.Result#fields()})
     * or public no-argument method of that name, or of its lower-camel form (daal4py's
     * {@code Beta} finds {@code beta}), or the getter of that name.
     */
    public Object attribute(Object target, String name) {
        return on(() -> Exports.attribute(target, name));
    }

    /**
     * The Python exception for a Java one: "ValueError" for bad input (IllegalArgumentException,
     * or an SpmdException whose origin was one), else "RuntimeError"; then a newline and the message.
     */
    public String classify(Throwable thrown) {
        return Errors.classify(thrown);
    }

    private <T> T on(Callable<T> body) {
        return main.call(body);
    }
}
