package daal4j.algorithms;

import daal4j.data.Matrix;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Base of every algorithm result (and model): an immutable value whose public final fields,
 * named as daal4py names them, are the result. Read them as fields ({@code result.mean}) or
 * by name through {@link #fields()}, the one place that lists them (the Python bridge and the
 * notebook use it too). A result is rebuilt from its fields by {@link #of(Class, Map)}, through
 * its canonical constructor: the constructor taking the fields in declaration order, which
 * every result class has (as a record does).
 */
public abstract class Result {

    /** What is known of each result class, found once. */
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return new Shape(type);
        }
    };

    /** The result fields by daal4py name, in declaration order (unmodifiable). */
    public final Map<String, Object> fields() {
        Field[] fields = SHAPES.get(getClass()).fields;
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : fields) {
            try {
                out.put(f.getName(), f.get(this));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** One result field by daal4py name. */
    public final Object get(String name) {
        Map<String, Object> fields = fields();
        if (!fields.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " has no field '" + name
                    + "'; it has " + fields.keySet());
        }
        return fields.get(name);
    }

    /**
     * The per-column fields (those of one row, e.g. low order moments' mean and variance, a
     * covariance result's mean) as a Tablesaw table, one row per field, like pandas'
     * {@code describe()}: a text column "result" with the field's name, then one column per
     * data column, named {@code columnNames} (e.g. a CSV header's: {@code Csv.names}) or "0",
     * "1", ... when none are given.
     */
    public Table table(String... columnNames) {
        List<String> rows = new ArrayList<>();
        List<Matrix> values = new ArrayList<>();
        int width = -1;
        for (Map.Entry<String, Object> e : fields().entrySet()) {
            if (e.getValue() instanceof Matrix m && m.rows() == 1 && (width < 0 || m.cols() == width)) {
                width = m.cols();
                rows.add(e.getKey());
                values.add(m);
            }
        }
        if (width < 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " has no per-column field for a table");
        }
        if (columnNames.length != 0 && columnNames.length != width) {
            throw new IllegalArgumentException(columnNames.length + " column names for " + width + " columns");
        }
        Table t = Table.create(getClass().getSimpleName(), StringColumn.create("result", rows));
        for (int j = 0; j < width; j++) {
            double[] column = new double[rows.size()];
            for (int i = 0; i < column.length; i++) {
                column[i] = values.get(i).get(0, j);
            }
            t.addColumns(DoubleColumn.create(columnNames.length == 0 ? Integer.toString(j) : columnNames[j], column));
        }
        return t;
    }

    /** The daal4py names of the fields of results of class {@code type}, in declaration order. */
    public static List<String> fieldNames(Class<? extends Result> type) {
        return SHAPES.get(type).names;
    }

    /**
     * The result of class {@code type} whose fields are {@code fields} (by daal4py name, as
     * {@link #fields()} lists them): built by its canonical constructor, so
     * {@code of(r.getClass(), r.fields())} equals {@code r}.
     */
    public static <R extends Result> R of(Class<R> type, Map<String, ?> fields) {
        Shape shape = SHAPES.get(type);
        if (!fields.keySet().equals(new java.util.HashSet<>(shape.names))) {
            throw new IllegalArgumentException(type.getSimpleName() + " has the fields " + shape.names + ", got "
                    + fields.keySet());
        }
        Object[] args = new Object[shape.fields.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = fields.get(shape.names.get(i));
        }
        try {
            return type.cast(shape.canonical().newInstance(args));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot rebuild " + type.getName() + ": " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + type.getName() + ": " + e, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot rebuild " + type.getSimpleName() + " from " + fields.keySet()
                    + ": a value has the wrong type (" + e.getMessage() + ")", e);
        }
    }

    /** Results are values: equal when of the same class with equal fields. */
    @Override
    public final boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        Object[] mine = fields().values().toArray();
        Object[] theirs = ((Result) o).fields().values().toArray();
        return Arrays.deepEquals(mine, theirs);
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode() * 31 + Arrays.deepHashCode(fields().values().toArray());
    }

    /** Lists every field and its value, as daal4py prints a result. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(getClass().getSimpleName()).append(':');
        for (Map.Entry<String, Object> e : fields().entrySet()) {
            s.append("\n").append(e.getKey()).append(": ");
            Object v = e.getValue();
            s.append(v instanceof Matrix m ? m.toString().replace("\n", "\n  ") : String.valueOf(v));
        }
        return s.toString();
    }

    /** A result class's public final fields (superclass first, each in declaration order) and canonical constructor. */
    private static final class Shape {
        private final Class<?> type;
        private final Field[] fields;
        private final List<String> names;
        private volatile Constructor<?> canonical;

        Shape(Class<?> type) {
            this.type = type;
            List<Class<?>> chain = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Result.class && c != Object.class; c = c.getSuperclass()) {
                chain.add(0, c);
            }
            List<Field> fs = new ArrayList<>();
            for (Class<?> c : chain) {
                for (Field f : c.getDeclaredFields()) {
                    int m = f.getModifiers();
                    if (Modifier.isPublic(m) && !Modifier.isStatic(m)) {
                        if (!Modifier.isFinal(m)) {
                            throw new IllegalStateException(type.getName() + "." + f.getName()
                                    + ": a result field must be final");
                        }
                        fs.add(f);
                    }
                }
            }
            this.fields = fs.toArray(new Field[0]);
            List<String> ns = new ArrayList<>();
            for (Field f : fields) {
                ns.add(f.getName());
            }
            this.names = List.copyOf(ns);
        }

        /** The constructor taking the fields' types in order (and their names, where compiled in). */
        Constructor<?> canonical() {
            Constructor<?> c = canonical;
            if (c == null) {
                c = find();
                c.setAccessible(true);
                canonical = c;
            }
            return c;
        }

        private Constructor<?> find() {
            Class<?>[] types = new Class<?>[fields.length];
            for (int i = 0; i < types.length; i++) {
                types[i] = fields[i].getType();
            }
            Constructor<?> c;
            try {
                c = type.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getName() + " has no canonical constructor: one taking its fields "
                        + names + " in order, of types " + Arrays.toString(types), e);
            }
            Parameter[] ps = c.getParameters();
            for (int i = 0; i < ps.length; i++) {
                if (ps[i].isNamePresent() && !Objects.equals(ps[i].getName(), names.get(i))) {
                    throw new IllegalStateException(type.getName() + ": the constructor taking " + Arrays.toString(types)
                            + " names its parameter " + i + " '" + ps[i].getName() + "', not the field '"
                            + names.get(i) + "'");
                }
            }
            return c;
        }
    }
}
