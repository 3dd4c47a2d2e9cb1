package daal4j.notebook;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The frames between the kernel and its rank agents over one loopback socket: a type byte,
 * then the type's fields (strings as int length + UTF-8, so cells and outputs have no size cap).
 */
public final class Wire {

    // kernel -> agent
    /** Run a cell on every rank of the agent: int cell, String code. */
    public static final byte EVAL = 1;
    /** Stop the running cell on every rank of the agent. */
    public static final byte INTERRUPT = 2;
    /** Send one rank's variable: int rank, String name. */
    public static final byte PULL = 3;
    /** End the engine: finalize and exit. */
    public static final byte STOP = 4;

    // agent -> kernel
    /** An agent is up: long pid, String host, String engine, int size, int count, count x int rank. */
    public static final byte HELLO = 10;
    /** Output of a rank: int rank, byte stream, String text. */
    public static final byte OUT = 11;
    /** A rank ended a cell: int rank, int cell, byte status, String value-or-error. */
    public static final byte DONE = 12;
    /** A pulled value: int rank, boolean ok, then bytes (ok) or String error. */
    public static final byte PULLED = 13;
    /** The agent cannot go on: String message. */
    public static final byte FATAL = 14;

    /** Stream ids of {@link #OUT}. */
    public static final byte STDOUT = 1;
    /** Stream ids of {@link #OUT}. */
    public static final byte STDERR = 2;

    /** Status of {@link #DONE}. */
    public static final byte OK = 0;
    /** Status of {@link #DONE}. */
    public static final byte FAILED = 1;
    /** Status of {@link #DONE}. */
    public static final byte INTERRUPTED = 2;

    private Wire() {
    }

    /** Writes a string of any length. */
    public static void writeString(DataOutputStream out, String s) throws IOException {
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a string written by {@link #writeString}. */
    public static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    /** Writes a length-prefixed byte array. */
    public static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    /** Reads a byte array written by {@link #writeBytes}. */
    public static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("corrupt frame: negative length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
