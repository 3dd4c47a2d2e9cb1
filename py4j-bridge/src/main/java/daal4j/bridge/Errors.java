package daal4j.bridge;

import daal4j.spmd.SpmdException;

/** How a Java exception reaches Python: as the Python exception it stands for, with its message. */
final class Errors {

    private Errors() {
    }

    /** See {@link Bridge#classify}. */
    static String classify(Throwable thrown) {
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
}
