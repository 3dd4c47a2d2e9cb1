package daal4j.notebook.agent;

import daal4j.notebook.Wire;
import daal4j.spmd.Communicator;
import daal4j.spmd.Spmd;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;

/**
 * One process of a notebook's engine: either one MPI rank (started by mpirun) or a group of
 * local ranks (threads). It connects back to the kernel, gives every rank its own JShell and
 * runs cells and pulls on command. It exits when the kernel says stop or its socket closes,
 * so a vanished kernel leaves no process behind.
 *
 * <p>Usage: {@code RankAgent <kernel-port> local <ranks> | RankAgent <kernel-port> mpi}
 */
public final class RankAgent {

    private RankAgent() {
    }

    /** Starts the agent; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !(args[1].equals("mpi") || args[1].equals("local") && args.length == 3)) {
            System.err.println("usage: RankAgent <kernel-port> local <ranks> | RankAgent <kernel-port> mpi");
            System.exit(2);
        }
        PrintStream console = System.err;
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
        socket.setTcpNoDelay(true);
        Link link = new Link(socket.getOutputStream());
        boolean mpi = args[1].equals("mpi");
        RankShell[] shells;
        int[] ranks;
        CellRunner runner;
        RankStreams streams;
        try {
            String engine;
            int size;
            if (mpi) {
                Communicator c = Spmd.init();
                size = c.size();
                ranks = new int[] {c.rank()};
                engine = c.engine();
            } else {
                size = Integer.parseInt(args[2]);
                ranks = new int[size];
                for (int r = 0; r < size; r++) {
                    ranks[r] = r;
                }
                engine = "local ranks (" + size + " threads in one JVM)";
            }
            streams = RankStreams.install(link, mpi ? ranks[0] : -1);
            shells = new RankShell[size];
            String classPath = System.getProperty("java.class.path");
            for (int r : ranks) {
                shells[r] = new RankShell(classPath);
            }
            runner = new CellRunner(link, streams, shells, ranks, !mpi);
            link.hello(ProcessHandle.current().pid(), InetAddress.getLocalHost().getHostName(), engine, size, ranks);
        } catch (Throwable t) {
            link.fatal(stackTrace(t));
            console.println("daal4j agent failed to start: " + t);
            Runtime.getRuntime().halt(3);
            return;
        }
        serve(new DataInputStream(new BufferedInputStream(socket.getInputStream())), link, runner, shells, mpi);
    }

    private static void serve(DataInputStream in, Link link, CellRunner runner, RankShell[] shells, boolean mpi) {
        try {
            while (true) {
                byte type = in.readByte();
                switch (type) {
                    case Wire.EVAL -> {
                        int cell = in.readInt();
                        runner.start(cell, Wire.readString(in));
                    }
                    case Wire.INTERRUPT -> runner.interrupt();
                    case Wire.PULL -> {
                        int rank = in.readInt();
                        String name = Wire.readString(in);
                        pull(link, shells, rank, name);
                    }
                    case Wire.STOP -> {
                        stop(runner, mpi);
                        return;
                    }
                    default -> throw new IOException("unknown command " + type);
                }
            }
        } catch (EOFException e) {
            // the kernel closed the connection: nobody is left to serve
        } catch (IOException e) {
            // same: a broken connection ends the agent
        }
        Runtime.getRuntime().halt(0);
    }

    private static void pull(Link link, RankShell[] shells, int rank, String name) {
        Thread t = new Thread(() -> {
            try {
                if (rank < 0 || rank >= shells.length || shells[rank] == null) {
                    throw new IllegalArgumentException("rank " + rank + " is not in this process");
                }
                link.pulled(rank, shells[rank].pull(name));
            } catch (Throwable e) {
                try {
                    link.pullFailed(rank, e.getMessage() != null ? e.getMessage() : e.toString());
                } catch (IOException ignored) {
                    // the kernel is gone
                }
            }
        }, "daal4j-pull");
        t.setDaemon(true);
        t.start();
    }

    /** Ends the engine: finalizes MPI when no cell is stuck, then exits. */
    private static void stop(CellRunner runner, boolean mpi) {
        if (runner.busy()) {
            runner.interrupt();
            long until = System.currentTimeMillis() + 3000;
            while (runner.busy() && System.currentTimeMillis() < until) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    break;
                }
            }
        }
        if (mpi && !runner.busy()) {
            Spmd.fini();
        }
        Runtime.getRuntime().halt(0);
    }

    private static String stackTrace(Throwable t) {
        StringWriter s = new StringWriter();
        t.printStackTrace(new PrintWriter(s));
        return s.toString();
    }
}
