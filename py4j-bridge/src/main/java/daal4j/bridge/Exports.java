package daal4j.bridge;

import daal4j.algorithms.Result;
import daal4j.data.Matrix;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Results out: a value's fields (a {@link Result}'s, by {@link Result#fields()}) described one
 * line each, their arrays written in binary to the {@link SharedFile} or straight into Python's
 * memory, and single attributes of models and results. Called on the gateway's main thread only
 * (see {@link Bridge}).
 */
final class Exports {

    /** Byte alignment of arrays in the shared file. */
    private static final long ALIGN = 64;
    /** Between a map field's name and an entry's key in {@link #export}'s lines (ASCII unit separator). */
    private static final String ENTRY = "\u001f";

    private final SharedFile shared;

    Exports(SharedFile shared) {
        this.shared = shared;
    }

    /** See {@link Bridge#export(Object, long)}. */
    String export(Object value, long directBytes) {
        StringBuilder out = new StringBuilder();
        long[] offset = {0};
        for (Map.Entry<String, Object> e : fieldsOf(value).entrySet()) {
            if (e.getValue() instanceof Map<?, ?> map && inline(map)) {
                // its entries on lines of their own: Python builds the dict without a call per entry
                out.append(e.getKey()).append("\tY\t").append(map.size()).append('\n');
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.append(e.getKey()).append(ENTRY).append(entry.getKey()).append('\t')
                            .append(describe(entry.getValue(), offset, Long.MAX_VALUE)).append('\n');
                }
            } else {
                out.append(e.getKey()).append('\t').append(describe(e.getValue(), offset, directBytes)).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Whether a map field is exported entry by entry (name {@code field ENTRY key}): string keys
     * that cannot break a line, values that are matrices, arrays, numbers or null (PCA's dataForTransform).
     */
    private static boolean inline(Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String k) || k.contains("\t") || k.contains("\n") || k.contains(ENTRY)
                    || !(e.getValue() == null || e.getValue() instanceof Matrix || e.getValue() instanceof double[]
                            || e.getValue() instanceof Number)) {
                return false;
            }
        }
        return true;
    }

    /** See {@link Bridge#exportValue(Object, long)}. */
    String exportValue(Object value, long directBytes) {
        return describe(value, new long[] {0}, directBytes);
    }

    /** See {@link Bridge#writeField}. */
    void writeField(Object value, String name, int pid, long address) {
        Map<String, Object> fields = fieldsOf(value);
        if (!fields.containsKey(name)) {
            throw new IllegalArgumentException("no field '" + name + "' to write");
        }
        Object v = fields.get(name);
        ProcessMemory.write(pid, address, v instanceof Matrix m ? m.rowMajorView()
                : v instanceof double[][] d ? Matrix.of(d).rowMajorView() : v);
    }

    /** See {@link Bridge#attribute}. */
    static Object attribute(Object target, String name) throws NoSuchFieldException {
        Map<String, Object> fields = target instanceof Result r ? r.fields() : Map.of();
        String lower = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        for (String n : new String[] {name, lower, "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1)}) {
            if (fields.containsKey(n)) {
                return fields.get(n);
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
    }

    /**
     * What {@link #export} lists: a result's fields, or a plain value (matrix, array, number,
     * string, null) under the name ""; any other object has none.
     */
    private static Map<String, Object> fieldsOf(Object value) {
        if (value instanceof Result r) {
            return r.fields();
        }
        if (value == null || value instanceof Matrix || value instanceof Number || value instanceof String
                || value instanceof Boolean || value.getClass().isArray()) {
            Map<String, Object> out = new java.util.HashMap<>();
            out.put("", value);
            return out;
        }
        return Map.of();
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
