package daal4j.notebook;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The notebook's side of a multi-rank engine: the agent process(es) it started (one JVM of
 * local ranks, or mpirun and its ranks), one socket per agent, and the events they send.
 * Cells run on every rank; output is handed over as it arrives; a rank that dies or an engine
 * that stops answering ends the cell with a message instead of a hang.
 */
public final class Engine implements AutoCloseable {

    /** How long ranks get to end a cell after an interrupt or after another rank died. */
    static final Duration GRACE = Duration.ofSeconds(Long.getLong("daal4j.notebook.grace", 15));

    /** Where a cell's output goes as it arrives: rank (-1 = the engine itself), stream, text. */
    public interface Output {
        /** Shows {@code text} that {@code rank} wrote to stdout ({@code err} false) or stderr. */
        void print(int rank, boolean err, String text);
    }

    private sealed interface Event permits Hello, Out, Done, Pulled, Gone, Log, Fatal {
    }

    private record Hello(Connection connection, long pid, String host, String engine, int size, int[] ranks)
            implements Event {
    }

    private record Out(int rank, byte stream, String text) implements Event {
    }

    private record Done(int rank, int cell, byte status, String text) implements Event {
    }

    private record Pulled(int rank, boolean ok, byte[] value, String error) implements Event {
    }

    private record Gone(Connection connection, String why) implements Event {
    }

    private record Log(String line) implements Event {
    }

    private record Fatal(String message) implements Event {
    }

    private final EngineLauncher.Mode mode;
    private final int size;
    private final Process process;
    private final ServerSocket server;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final Map<Integer, Connection> byRank = new TreeMap<>();
    private final Map<Integer, Long> pids = new TreeMap<>();
    private final ReentrantLock busy = new ReentrantLock();
    private final Instant started = Instant.now();
    private String engineName = "";
    private String host = "";
    private volatile boolean closing;
    private volatile String deadReason;
    private int nextCell;
    private int cellsRun;

    private Engine(EngineLauncher.Mode mode, int size, Process process, ServerSocket server) {
        this.mode = mode;
        this.size = size;
        this.process = process;
        this.server = server;
    }

    /**
     * Starts {@code ranks} ranks and waits until every one has reported in (at most
     * {@code timeout}); on failure nothing is left running and the error says why.
     */
    public static Engine start(EngineLauncher launcher, int ranks, EngineLauncher.Mode mode, Duration timeout,
            Output out) throws IOException {
        if (ranks < 1) {
            throw new IllegalArgumentException("number of ranks must be at least 1, got " + ranks);
        }
        ServerSocket server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        Process p;
        try {
            p = launcher.launch(mode, ranks, server.getLocalPort());
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        Engine engine = new Engine(mode, ranks, p, server);
        try {
            engine.awaitRanks(timeout, out);
        } catch (IOException | RuntimeException e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    private void awaitRanks(Duration timeout, Output out) throws IOException {
        daemon("daal4j-engine-output", this::drainProcessOutput);
        daemon("daal4j-accept", this::acceptConnections);
        long deadline = System.nanoTime() + timeout.toNanos();
        StringBuilder log = new StringBuilder();
        while (byRank.size() < size) {
            Event e;
            try {
                e = events.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the engine was starting");
            }
            if (e instanceof Hello h) {
                if (h.size != size) {
                    throw new IOException("a rank reports " + h.size + " ranks, expected " + size);
                }
                for (int r : h.ranks) {
                    byRank.put(r, h.connection);
                    pids.put(r, h.pid);
                }
                h.connection.ranks = h.ranks;
                engineName = h.engine;
                host = h.host;
            } else if (e instanceof Log l) {
                log.append(l.line).append('\n');
                out.print(-1, true, l.line + "\n");
            } else if (e instanceof Fatal f) {
                throw new IOException("a rank failed to start:\n" + f.message);
            } else if (e instanceof Out o) {
                out.print(o.rank, o.stream == Wire.STDERR, o.text);
            } else if (e instanceof Gone g) {
                throw new IOException("a rank closed its connection while starting: " + g.why);
            }
            if (e == null && !process.isAlive() && events.isEmpty()) {
                throw new IOException("the engine exited with code " + process.exitValue()
                        + " before all ranks started" + (log.length() > 0 ? ":\n" + log : ""));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("only " + byRank.size() + " of " + size + " ranks started within "
                        + timeout.toSeconds() + " s" + (log.length() > 0 ? ":\n" + log : ""));
            }
        }
        daemon("daal4j-engine-watch", () -> {
            try {
                int code = process.waitFor();
                if (!closing) {
                    deadReason = "the engine process exited with code " + code;
                    events.add(new Log("engine process exited with code " + code));
                }
            } catch (InterruptedException ignored) {
                // the kernel is going away
            }
        });
    }

    /** Number of ranks. */
    public int size() {
        return size;
    }

    /** Local threads or MPI. */
    public EngineLauncher.Mode mode() {
        return mode;
    }

    /** Process id of each rank's JVM, by rank. */
    public Map<Integer, Long> pids() {
        return Map.copyOf(pids);
    }

    /** Whether the engine can run cells. */
    public boolean alive() {
        return !closing && deadReason == null;
    }

    /**
     * Runs {@code code} on every rank, handing output to {@code out} as it arrives; returns each
     * rank's shown value (by rank) when every rank succeeded. Throws {@link CellFailure} naming
     * the failing ranks, or when the cell was interrupted (the thread's interrupt is forwarded
     * to every rank) or a rank died.
     */
    public Map<Integer, String> run(String code, Output out) throws InterruptedException {
        busy.lockInterruptibly();
        try {
            requireAlive();
            int cell = ++nextCell;
            cellsRun++;
            for (Connection c : connections) {
                c.eval(cell, code);
            }
            return collect(cell, out);
        } finally {
            busy.unlock();
        }
    }

    private Map<Integer, String> collect(int cell, Output out) {
        TreeSet<Integer> pending = new TreeSet<>(byRank.keySet());
        Map<Integer, String> values = new TreeMap<>();
        Map<Integer, String> failures = new TreeMap<>();
        List<String> deaths = new ArrayList<>();
        boolean interrupted = false;
        long deadline = Long.MAX_VALUE;
        while (!pending.isEmpty()) {
            Event e;
            try {
                e = events.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ie) {
                if (!interrupted) {
                    interrupted = true;
                    out.print(-1, true, "interrupting the cell on every rank\n");
                    for (Connection c : connections) {
                        c.interrupt();
                    }
                    deadline = Math.min(deadline, System.nanoTime() + GRACE.toNanos());
                }
                continue;
            }
            if (e instanceof Out o) {
                if (!interrupted) {
                    // after an interrupt the notebook has moved on: late output would land in the next cell
                    out.print(o.rank, o.stream == Wire.STDERR, o.text);
                }
            } else if (e instanceof Done d && d.cell == cell) {
                pending.remove(d.rank);
                if (d.status == Wire.OK) {
                    values.put(d.rank, d.text);
                } else if (d.status == Wire.FAILED) {
                    failures.put(d.rank, d.text);
                }
            } else if (e instanceof Gone g) {
                String why = "rank" + (g.connection.ranks.length > 1 ? "s " : " ") + ranksText(g.connection.ranks)
                        + " died (" + g.why + ")";
                deaths.add(why);
                deadReason = why;
                out.print(-1, true, why + "\n");
                for (int r : g.connection.ranks) {
                    pending.remove(r);
                }
                deadline = Math.min(deadline, System.nanoTime() + GRACE.toNanos());
            } else if (e instanceof Log l) {
                out.print(-1, true, l.line + "\n");
            }
            if (e == null && deadReason != null && !process.isAlive()) {
                deaths.add(deadReason);
                break;
            }
            if (System.nanoTime() > deadline) {
                String msg = "ranks " + pending + " did not end within " + GRACE.toSeconds()
                        + " s; stopping the engine (start it again with %daal4j start)";
                out.print(-1, true, msg + "\n");
                deaths.add(msg);
                close();
                break;
            }
        }
        if (!deaths.isEmpty()) {
            throw new CellFailure(String.join("; ", deaths)
                    + (failures.isEmpty() ? "" : "; " + describe(failures)), failures);
        }
        if (interrupted) {
            throw new CellFailure("interrupted on every rank" + (failures.isEmpty() ? "" : "; " + describe(failures)),
                    failures);
        }
        if (!failures.isEmpty()) {
            throw new CellFailure(describe(failures), failures);
        }
        return values;
    }

    /** The value of variable {@code name} on {@code rank}, rebuilt with {@code loader}'s classes. */
    public Object pull(String name, int rank, ClassLoader loader, Output out) throws InterruptedException {
        busy.lockInterruptibly();
        try {
            requireAlive();
            Connection c = byRank.get(rank);
            if (c == null) {
                throw new IllegalArgumentException("no rank " + rank + " (ranks are 0.." + (size - 1) + ")");
            }
            c.pull(rank, name);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < deadline) {
                Event e = events.poll(100, TimeUnit.MILLISECONDS);
                if (e instanceof Pulled p && p.rank == rank) {
                    if (!p.ok) {
                        throw new IllegalArgumentException("rank " + rank + ": " + p.error);
                    }
                    return Values.decode(p.value, loader);
                } else if (e instanceof Out o) {
                    out.print(o.rank, o.stream == Wire.STDERR, o.text);
                } else if (e instanceof Gone g) {
                    deadReason = "rank " + ranksText(g.connection.ranks) + " died (" + g.why + ")";
                    throw new IllegalStateException(deadReason);
                }
            }
            throw new IllegalStateException("rank " + rank + " did not send '" + name + "' within 2 minutes");
        } finally {
            busy.unlock();
        }
    }

    /** A few lines on the engine: mode, ranks, processes, health. */
    public String status() {
        StringBuilder s = new StringBuilder();
        s.append("daal4j engine: ").append(size).append(" ranks, ")
                .append(mode == EngineLauncher.Mode.MPI ? "Open MPI (mpirun)" : "local ranks").append('\n');
        s.append("  engine: ").append(engineName).append(" on ").append(host).append('\n');
        s.append("  rank pids: ").append(pids).append('\n');
        s.append("  state: ").append(closing ? "stopped" : deadReason != null ? "broken: " + deadReason
                : busy.isLocked() ? "running a cell" : "idle").append('\n');
        s.append("  cells run: ").append(cellsRun).append(", up ")
                .append(Duration.between(started, Instant.now()).toSeconds()).append(" s");
        return s.toString();
    }

    /** Stops every rank and the launcher process; leaves no process behind. Idempotent. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        for (Connection c : connections) {
            c.stop();
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(3, TimeUnit.SECONDS)) {
                    killTree();
                }
            }
        } catch (InterruptedException e) {
            killTree();
            Thread.currentThread().interrupt();
        }
        killTree();
        for (Connection c : connections) {
            c.close();
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private void killTree() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        for (long pid : pids.values()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void requireAlive() {
        if (closing) {
            throw new IllegalStateException("the engine is stopped; start one with %daal4j start -n 4");
        }
        if (deadReason != null) {
            throw new IllegalStateException("the engine is broken: " + deadReason
                    + "; restart it with %daal4j stop and %daal4j start");
        }
    }

    private static String describe(Map<Integer, String> failures) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<Integer, String> f : failures.entrySet()) {
            if (s.length() > 0) {
                s.append('\n');
            }
            s.append("rank ").append(f.getKey()).append(": ").append(f.getValue());
        }
        return s.toString();
    }

    private static String ranksText(int[] ranks) {
        StringBuilder s = new StringBuilder();
        for (int r : ranks) {
            s.append(s.length() > 0 ? "," : "").append(r);
        }
        return s.toString();
    }

    private void drainProcessOutput() {
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                events.add(new Log(line));
            }
        } catch (IOException ignored) {
            // the process is gone
        }
    }

    private void acceptConnections() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                Connection c = new Connection(s);
                connections.add(c);
                daemon("daal4j-rank-reader", c::read);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    /** A cell that did not succeed on every rank: the message names each failing rank. */
    public static final class CellFailure extends RuntimeException {
        private final Map<Integer, String> failures;

        CellFailure(String message, Map<Integer, String> failures) {
            super(message, null, false, false);
            this.failures = Map.copyOf(failures);
        }

        /** Error text of each failed rank, by rank. */
        public Map<Integer, String> failures() {
            return failures;
        }
    }

    /** One agent's socket: commands out, events in. */
    private final class Connection {
        private final Socket socket;
        private final DataOutputStream out;
        private volatile int[] ranks = new int[0];

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        }

        void read() {
            String why = "connection closed";
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()))) {
                while (true) {
                    byte type = in.readByte();
                    switch (type) {
                        case Wire.HELLO -> {
                            long pid = in.readLong();
                            String host = Wire.readString(in);
                            String engine = Wire.readString(in);
                            int size = in.readInt();
                            int[] rs = new int[in.readInt()];
                            for (int i = 0; i < rs.length; i++) {
                                rs[i] = in.readInt();
                            }
                            ranks = rs;
                            events.add(new Hello(this, pid, host, engine, size, rs));
                        }
                        case Wire.OUT -> events.add(new Out(in.readInt(), in.readByte(), Wire.readString(in)));
                        case Wire.DONE -> events.add(new Done(in.readInt(), in.readInt(), in.readByte(),
                                Wire.readString(in)));
                        case Wire.PULLED -> {
                            int rank = in.readInt();
                            boolean ok = in.readBoolean();
                            events.add(ok ? new Pulled(rank, true, Wire.readBytes(in), null)
                                    : new Pulled(rank, false, null, Wire.readString(in)));
                        }
                        case Wire.FATAL -> events.add(new Fatal(Wire.readString(in)));
                        default -> throw new IOException("unknown frame " + type);
                    }
                }
            } catch (IOException e) {
                why = e instanceof java.io.EOFException ? "its process ended" : e.getMessage();
            }
            if (!closing) {
                events.add(new Gone(this, why));
            }
        }

        synchronized void eval(int cell, String code) {
            send(() -> {
                out.writeByte(Wire.EVAL);
                out.writeInt(cell);
                Wire.writeString(out, code);
            });
        }

        synchronized void interrupt() {
            send(() -> out.writeByte(Wire.INTERRUPT));
        }

        synchronized void pull(int rank, String name) {
            send(() -> {
                out.writeByte(Wire.PULL);
                out.writeInt(rank);
                Wire.writeString(out, name);
            });
        }

        synchronized void stop() {
            send(() -> out.writeByte(Wire.STOP));
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        private void send(IoAction a) {
            try {
                a.run();
                out.flush();
            } catch (IOException e) {
                // a dead rank shows up as Gone from the reader
            }
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }
}
