package daal4j.notebook;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Hands a pulled value to the notebook's declaration snippet ({@code var x = Pulled.take(7)}). */
public final class Pulled {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Map<Integer, Object> VALUES = new ConcurrentHashMap<>();

    private Pulled() {
    }

    static int put(Object value) {
        int id = NEXT.incrementAndGet();
        VALUES.put(id, value);
        return id;
    }

    /** The value held under {@code id}, once. */
    @SuppressWarnings("unchecked")
    public static <T> T take(int id) {
        return (T) VALUES.remove(id);
    }
}
