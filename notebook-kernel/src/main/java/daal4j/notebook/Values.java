package daal4j.notebook;

import daal4j.algorithms.Result;
import daal4j.data.Matrix;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a rank's value travels to the notebook: matrices and arrays as raw doubles, numbers and
 * strings as themselves, a {@link Result} as its class and fields (rebuilt as the same class),
 * anything else {@link Serializable} by Java serialization.
 */
public final class Values {

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte DOUBLE = 2;
    private static final byte LONG = 3;
    private static final byte INT = 4;
    private static final byte BOOLEAN = 5;
    private static final byte DOUBLES = 6;
    private static final byte DOUBLES_2D = 7;
    private static final byte INTS = 8;
    private static final byte LONGS = 9;
    private static final byte MATRIX = 10;
    private static final byte RESULT = 11;
    private static final byte SERIALIZED = 12;
    private static final byte MAP = 13;

    private Values() {
    }

    /** The bytes of {@code value}; IllegalArgumentException when it has no wire form. */
    public static byte[] encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The value {@link #encode} wrote, rebuilt with the classes visible to {@code loader}. */
    public static Object decode(byte[] bytes, ClassLoader loader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return read(in, loader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            Wire.writeString(out, s);
        } else if (v instanceof Double || v instanceof Float) {
            out.writeByte(DOUBLE);
            out.writeDouble(((Number) v).doubleValue());
        } else if (v instanceof Long) {
            out.writeByte(LONG);
            out.writeLong((Long) v);
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            out.writeByte(INT);
            out.writeInt(((Number) v).intValue());
        } else if (v instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (v instanceof double[] a) {
            out.writeByte(DOUBLES);
            writeDoubles(out, a);
        } else if (v instanceof double[][] a) {
            out.writeByte(DOUBLES_2D);
            out.writeInt(a.length);
            for (double[] row : a) {
                writeDoubles(out, row);
            }
        } else if (v instanceof int[] a) {
            out.writeByte(INTS);
            out.writeInt(a.length);
            for (int x : a) {
                out.writeInt(x);
            }
        } else if (v instanceof long[] a) {
            out.writeByte(LONGS);
            out.writeInt(a.length);
            for (long x : a) {
                out.writeLong(x);
            }
        } else if (v instanceof Matrix m) {
            out.writeByte(MATRIX);
            out.writeInt(m.rows());
            out.writeInt(m.cols());
            for (double x : m.rowMajorView()) {
                out.writeDouble(x);
            }
        } else if (v instanceof Result r) {
            out.writeByte(RESULT);
            Wire.writeString(out, r.getClass().getName());
            Map<String, Object> fields = r.fields();
            out.writeInt(fields.size());
            for (Map.Entry<String, Object> f : fields.entrySet()) {
                Wire.writeString(out, f.getKey());
                write(out, f.getValue());
            }
        } else if (v instanceof Map<?, ?> map && map.keySet().stream().allMatch(k -> k instanceof String)) {
            // e.g. PCA's dataForTransform: names to matrices
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Wire.writeString(out, (String) e.getKey());
                write(out, e.getValue());
            }
        } else if (v instanceof Serializable) {
            out.writeByte(SERIALIZED);
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (ObjectOutputStream o = new ObjectOutputStream(b)) {
                o.writeObject(v);
            }
            Wire.writeBytes(out, b.toByteArray());
        } else {
            throw new IllegalArgumentException("cannot bring a " + v.getClass().getName()
                    + " to the notebook: pull a Matrix, double[][], array, number, String, Result or"
                    + " Serializable value");
        }
    }

    private static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double x : a) {
            out.writeDouble(x);
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        double[] a = new double[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }

    private static Object read(DataInputStream in, ClassLoader loader) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case STRING:
                return Wire.readString(in);
            case DOUBLE:
                return in.readDouble();
            case LONG:
                return in.readLong();
            case INT:
                return in.readInt();
            case BOOLEAN:
                return in.readBoolean();
            case DOUBLES:
                return readDoubles(in);
            case DOUBLES_2D: {
                double[][] a = new double[in.readInt()][];
                for (int i = 0; i < a.length; i++) {
                    a[i] = readDoubles(in);
                }
                return a;
            }
            case INTS: {
                int[] a = new int[in.readInt()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = in.readInt();
                }
                return a;
            }
            case LONGS: {
                long[] a = new long[in.readInt()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = in.readLong();
                }
                return a;
            }
            case MATRIX: {
                int rows = in.readInt();
                int cols = in.readInt();
                double[] data = new double[rows * cols];
                for (int i = 0; i < data.length; i++) {
                    data[i] = in.readDouble();
                }
                return Matrix.wrap(rows, cols, data);
            }
            case RESULT:
                return readResult(in, loader);
            case MAP: {
                int n = in.readInt();
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    String k = Wire.readString(in);
                    m.put(k, read(in, loader));
                }
                return java.util.Collections.unmodifiableMap(m);
            }
            case SERIALIZED:
                try (ObjectInputStream o = new LoaderObjectInputStream(Wire.readBytes(in), loader)) {
                    return o.readObject();
                } catch (ClassNotFoundException e) {
                    throw new IOException("the notebook has no class " + e.getMessage(), e);
                }
            default:
                throw new IOException("unknown value tag " + tag);
        }
    }

    /**
     * Rebuilds a rank's result in the notebook as its own class, from its fields by name
     * ({@link Result#of}: its canonical constructor).
     */
    private static Object readResult(DataInputStream in, ClassLoader loader) throws IOException {
        String className = Wire.readString(in);
        int n = in.readInt();
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = Wire.readString(in);
            fields.put(name, read(in, loader));
        }
        Class<? extends Result> type;
        try {
            type = Class.forName(className, true, loader).asSubclass(Result.class);
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("cannot rebuild " + className + " in the notebook: " + e, e);
        }
        try {
            return Result.of(type, fields);
        } catch (RuntimeException e) {
            throw new IOException("cannot rebuild " + className + " in the notebook: " + e.getMessage(), e);
        }
    }

    /** Resolves classes with the notebook's loader (the one that sees the user's classes). */
    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderObjectInputStream(byte[] bytes, ClassLoader loader) throws IOException {
            super(new ByteArrayInputStream(bytes));
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
