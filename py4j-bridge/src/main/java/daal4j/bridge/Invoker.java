package daal4j.bridge;

import daal4j.data.Matrix;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Calls a Java method by name with the values Python sent (Integer, Long, Double, Boolean,
 * String, Matrix, Java objects), choosing the overload they fit best and converting
 * numbers, enum names and paths. The called method's own exception is rethrown as is.
 */
final class Invoker {

    private static final Object NO_MATCH = new Object();

    /** Each class's public methods, looked up once (getMethods copies every Method per call). */
    private static final ClassValue<Method[]> METHODS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            return type.getMethods();
        }
    };

    private Invoker() {
    }

    /** Calls {@code target.name(args)}, or the static method when {@code target} is a Class. */
    static Object call(Class<?> type, Object target, String name, List<?> args) {
        return chosen(type, target, name, args).call();
    }

    /**
     * {@code target.name} as a function of its arguments, the overload chosen by the first
     * call's arguments and kept for the next ones (a chunk at a time: the same kinds of values
     * each call, and no search of the overloads per chunk).
     */
    static Function<List<?>, Object> bound(Class<?> type, Object target, String name) {
        Method[] kept = new Method[1];
        return args -> {
            if (kept[0] == null) {
                Chosen c = chosen(type, target, name, args);
                kept[0] = c.method;
                return c.call();
            }
            Class<?>[] params = kept[0].getParameterTypes();
            if (args.size() > params.length) {
                return call(type, target, name, args);  // more values than it takes: choose again
            }
            Object[] converted = new Object[params.length];
            for (int i = 0; i < params.length; i++) {
                converted[i] = convert(i < args.size() ? args.get(i) : null, params[i]);
                if (converted[i] == NO_MATCH) {
                    return call(type, target, name, args);  // other kinds of values: choose again
                }
            }
            return invoke(kept[0], target, converted);
        };
    }

    /** An overload and the arguments converted to its parameters. */
    private record Chosen(Method method, Object target, Object[] args) {
        Object call() {
            return invoke(method, target, args);
        }
    }

    private static Chosen chosen(Class<?> type, Object target, String name, List<?> args) {
        Method best = null;
        Object[] bestArgs = null;
        int bestCost = Integer.MAX_VALUE;
        List<Method> seen = new ArrayList<>();
        for (Method m : METHODS.get(type)) {
            if (!m.getName().equals(name) || (target == null) != Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            seen.add(m);
            if (m.getParameterCount() < args.size()) {
                continue;
            }
            Object[] converted = new Object[m.getParameterCount()];
            // trailing parameters not given are null, as daal4py's optional inputs (e.g. dataForTransform)
            int cost = 10 * (m.getParameterCount() - args.size());
            Class<?>[] params = m.getParameterTypes();
            for (int i = 0; i < params.length && cost < Integer.MAX_VALUE; i++) {
                Object given = i < args.size() ? args.get(i) : null;
                Object c = convert(given, params[i]);
                if (c == NO_MATCH) {
                    cost = Integer.MAX_VALUE;
                } else {
                    converted[i] = c;
                    cost += cost(given, params[i]);
                }
            }
            if (cost < bestCost) {
                best = m;
                bestArgs = converted;
                bestCost = cost;
            }
        }
        if (best == null) {
            String what = type.getSimpleName() + "." + name;
            throw new IllegalArgumentException(seen.isEmpty()
                    ? what + " does not exist"
                    : what + " cannot take " + describe(args) + "; it takes "
                            + String.join(" or ", seen.stream().map(Invoker::signature).toList()));
        }
        return new Chosen(best, target, bestArgs);
    }

    /** Whether {@code type} has a public instance method {@code name} (any arity). */
    static boolean has(Class<?> type, String name) {
        for (Method m : METHODS.get(type)) {
            if (m.getName().equals(name) && !Modifier.isStatic(m.getModifiers())) {
                return true;
            }
        }
        return false;
    }

    /** Parameter names of each public (static or instance) method {@code name}; null where not compiled in. */
    static List<List<String>> parameterNames(Class<?> type, boolean statics, String name) {
        List<List<String>> out = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) == statics) {
                List<String> names = new ArrayList<>();
                for (java.lang.reflect.Parameter p : m.getParameters()) {
                    names.add(p.isNamePresent() ? p.getName() : null);
                }
                out.add(names);
            }
        }
        return out;
    }

    private static Object invoke(Executable e, Object target, Object[] args) {
        try {
            return ((Method) e).invoke(target, args);
        } catch (InvocationTargetException ite) {
            Throwable cause = ite.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        } catch (IllegalAccessException iae) {
            throw new IllegalStateException(iae.getMessage(), iae);
        }
    }

    /** The value as a {@code p}, or NO_MATCH. */
    static Object convert(Object v, Class<?> p) {
        if (v == null) {
            return p.isPrimitive() ? NO_MATCH : null;
        }
        Class<?> b = box(p);
        if (b.isInstance(v)) {
            return v;
        }
        if (v instanceof Number n && (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte)) {
            long x = n.longValue();
            if (b == Integer.class && x == (int) x) {
                return (int) x;
            }
            if (b == Long.class) {
                return x;
            }
            if (b == Double.class) {
                return (double) x;
            }
            if (b == Float.class) {
                return (float) x;
            }
        }
        if (v instanceof Double d && b == Float.class) {
            return d.floatValue();
        }
        if (v instanceof String s && p.isEnum()) {
            for (Object c : p.getEnumConstants()) {
                if (((Enum<?>) c).name().equalsIgnoreCase(s)) {
                    return c;
                }
            }
            return NO_MATCH;
        }
        if (v instanceof String s && p == Path.class) {
            return Path.of(s);
        }
        if (v instanceof Matrix m && p == double[][].class) {
            return m.toArray();
        }
        if (p == double[].class) {
            // daal4py takes a number or a list where Java takes double... (e.g. alpha, priors)
            if (v instanceof Number n) {
                return new double[] {n.doubleValue()};
            }
            if (v instanceof Matrix m) {
                return m.toRowMajor();
            }
            if (v instanceof List<?> list && list.stream().allMatch(x -> x instanceof Number)) {
                return list.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
            }
        }
        return NO_MATCH;
    }

    /** How far the value is from the parameter type: 0 exact, more for wider or converted. */
    private static int cost(Object v, Class<?> p) {
        if (v == null) {
            return 1;
        }
        if (p == Object.class) {
            return 3;
        }
        return box(p) == v.getClass() ? 0 : p.isInstance(v) ? 1 : 2;
    }

    private static Class<?> box(Class<?> p) {
        if (!p.isPrimitive()) {
            return p;
        }
        if (p == int.class) {
            return Integer.class;
        }
        if (p == long.class) {
            return Long.class;
        }
        if (p == double.class) {
            return Double.class;
        }
        if (p == float.class) {
            return Float.class;
        }
        if (p == boolean.class) {
            return Boolean.class;
        }
        if (p == short.class) {
            return Short.class;
        }
        if (p == byte.class) {
            return Byte.class;
        }
        return Character.class;
    }

    private static String signature(Method m) {
        StringBuilder s = new StringBuilder("(");
        Class<?>[] ps = m.getParameterTypes();
        for (int i = 0; i < ps.length; i++) {
            s.append(i == 0 ? "" : ", ").append(ps[i].getSimpleName());
        }
        return s.append(")").toString();
    }

    private static String describe(List<?> args) {
        List<String> types = new ArrayList<>();
        for (Object a : args) {
            types.add(a == null ? "None" : a.getClass().getSimpleName().toLowerCase(Locale.ROOT));
        }
        return "(" + String.join(", ", types) + ")";
    }
}
