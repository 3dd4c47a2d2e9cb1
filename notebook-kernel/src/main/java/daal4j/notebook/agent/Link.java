package daal4j.notebook.agent;

import daal4j.notebook.Wire;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** The agent's sending half of the socket: whole frames, one writer at a time. */
final class Link {

    private final DataOutputStream out;

    Link(OutputStream socketOut) {
        this.out = new DataOutputStream(new BufferedOutputStream(socketOut, 1 << 16));
    }

    synchronized void hello(long pid, String host, String engine, int size, int[] ranks) throws IOException {
        out.writeByte(Wire.HELLO);
        out.writeLong(pid);
        Wire.writeString(out, host);
        Wire.writeString(out, engine);
        out.writeInt(size);
        out.writeInt(ranks.length);
        for (int r : ranks) {
            out.writeInt(r);
        }
        out.flush();
    }

    synchronized void output(int rank, byte stream, String text) throws IOException {
        out.writeByte(Wire.OUT);
        out.writeInt(rank);
        out.writeByte(stream);
        Wire.writeString(out, text);
        out.flush();
    }

    synchronized void done(int rank, int cell, byte status, String text) throws IOException {
        out.writeByte(Wire.DONE);
        out.writeInt(rank);
        out.writeInt(cell);
        out.writeByte(status);
        Wire.writeString(out, text);
        out.flush();
    }

    synchronized void pulled(int rank, byte[] value) throws IOException {
        out.writeByte(Wire.PULLED);
        out.writeInt(rank);
        out.writeBoolean(true);
        Wire.writeBytes(out, value);
        out.flush();
    }

    synchronized void pullFailed(int rank, String error) throws IOException {
        out.writeByte(Wire.PULLED);
        out.writeInt(rank);
        out.writeBoolean(false);
        Wire.writeString(out, error);
        out.flush();
    }

    synchronized void fatal(String message) throws IOException {
        out.writeByte(Wire.FATAL);
        Wire.writeString(out, message);
        out.flush();
    }
}
