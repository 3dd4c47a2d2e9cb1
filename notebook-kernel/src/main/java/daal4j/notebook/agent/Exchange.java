package daal4j.notebook.agent;

/**
 * Hands an object from a rank's JShell to the agent: snippets run on the agent's own thread
 * (direct execution), so a thread-local carries the object out without any copy.
 */
public final class Exchange {

    private static final ThreadLocal<Object> HELD = new ThreadLocal<>();

    private Exchange() {
    }

    /** Called by the pull snippet with the variable's value. */
    public static void hold(Object value) {
        HELD.set(value);
    }

    static Object take() {
        Object v = HELD.get();
        HELD.remove();
        return v;
    }
}
