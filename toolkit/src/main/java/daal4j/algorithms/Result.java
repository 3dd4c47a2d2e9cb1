package daal4j.algorithms;

import daal4j.data.Matrix;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of every algorithm result: its public final fields, named as daal4py names them,
 * are the result; this class lists and prints them alike for all algorithms.
 */
public abstract class Result {

    /** The result fields by daal4py name, in declaration order. */
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : getClass().getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                try {
                    out.put(f.getName(), f.get(this));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    /** One result field by daal4py name. */
    public Object get(String name) {
        Object v = fields().get(name);
        if (v == null && !fields().containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " has no field '" + name
                    + "'; it has " + fields().keySet());
        }
        return v;
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
}
