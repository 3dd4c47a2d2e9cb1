package daal4j.spmd;

/** An error raised identically on every rank: names the rank that failed and why. */
public class SpmdException extends RuntimeException {

    private final int failedRank;
    private final String failedType;

    /** An error that originated on {@code failedRank} (or -1 when no single rank is at fault). */
    public SpmdException(int failedRank, String failedType, String message, Throwable cause) {
        super(message, cause);
        this.failedRank = failedRank;
        this.failedType = failedType;
    }

    /** An error not caused by a particular rank (timeout, interrupt, closed engine). */
    public SpmdException(String message) {
        this(-1, SpmdException.class.getName(), message, null);
    }

    /** The rank whose error this is, or -1. */
    public int failedRank() {
        return failedRank;
    }

    /** Class name of the original exception on the failing rank. */
    public String failedType() {
        return failedType;
    }

    /** Whether the original error was bad input (an IllegalArgumentException on its rank). */
    public boolean isBadInput() {
        try {
            return IllegalArgumentException.class.isAssignableFrom(Class.forName(failedType));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
