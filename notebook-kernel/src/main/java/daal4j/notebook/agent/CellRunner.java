package daal4j.notebook.agent;

import daal4j.notebook.Wire;
import daal4j.spmd.Spmd;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs one cell on every rank of this agent and reports each rank's end as it happens. Rank
 * threads only evaluate; this runner's own thread (never stopped) sends the DONE frames, so
 * stopping a rank thread cannot disturb the socket.
 */
final class CellRunner {

    /** How long an interrupted rank gets to end by itself before its thread is stopped. */
    private static final long STOP_GRACE_MS = 1500;

    private final Link link;
    private final RankStreams streams;
    private final RankShell[] shells;
    private final int[] ranks;
    private final boolean localGroup;
    private final Map<Integer, Thread> evaluating = new ConcurrentHashMap<>();
    private volatile boolean interrupted;
    private volatile Thread controller;

    /**
     * @param localGroup true: the agent's ranks are threads of one local group (a fresh group
     *                   per cell); false: this process is one rank of an engine started elsewhere
     */
    CellRunner(Link link, RankStreams streams, RankShell[] shells, int[] ranks, boolean localGroup) {
        this.link = link;
        this.streams = streams;
        this.shells = shells;
        this.ranks = ranks;
        this.localGroup = localGroup;
    }

    private record Finished(int rank, RankShell.Outcome outcome) {
    }

    /** Starts {@code code} on every rank; returns at once. */
    synchronized void start(int cell, String code) {
        if (controller != null && controller.isAlive()) {
            // the previous cell's controller may still be on its way out after its last DONE
            try {
                controller.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (controller != null && controller.isAlive()) {
            for (int r : ranks) {
                send(r, cell, Wire.FAILED, "a cell is still running on this rank");
            }
            return;
        }
        interrupted = false;
        controller = new Thread(() -> control(cell, code), "daal4j-cell-" + cell);
        controller.setDaemon(true);
        controller.start();
    }

    private void control(int cell, String code) {
        LinkedBlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
        Thread group = new Thread(() -> {
            try {
                if (localGroup) {
                    Spmd.local(ranks.length).run(() -> runRank(Spmd.current().rank(), code, finished));
                } else {
                    runRank(ranks[0], code, finished);
                }
            } catch (Throwable t) {
                // each rank's own end is in `finished`; the group's summary adds nothing
            }
        }, "daal4j-ranks-" + cell);
        group.setDaemon(true);
        group.start();
        boolean[] reported = new boolean[shells.length];
        int left = ranks.length;
        while (left > 0) {
            Finished f;
            try {
                f = finished.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (f != null) {
                if (!reported[f.rank]) {
                    reported[f.rank] = true;
                    left--;
                    streams.flush(f.rank);
                    send(f.rank, cell, f.outcome.status(), f.outcome.text());
                }
            } else if (!group.isAlive() && finished.isEmpty()) {
                // a rank thread was stopped before it could hand over its outcome
                for (int r : ranks) {
                    if (!reported[r]) {
                        reported[r] = true;
                        left--;
                        streams.flush(r);
                        send(r, cell, interrupted ? Wire.INTERRUPTED : Wire.FAILED,
                                interrupted ? "interrupted" : "the rank ended without a result");
                    }
                }
            }
        }
    }

    private void runRank(int rank, String code, LinkedBlockingQueue<Finished> finished) {
        RankStreams.bind(rank);
        RankShell.Outcome outcome;
        evaluating.put(rank, Thread.currentThread());
        try {
            outcome = shells[rank].eval(code, () -> interrupted);
        } catch (Throwable t) {
            outcome = new RankShell.Outcome(interrupted ? Wire.INTERRUPTED : Wire.FAILED,
                    interrupted ? "interrupted" : String.valueOf(t));
        } finally {
            evaluating.remove(rank);
        }
        finished.add(new Finished(rank, outcome));
        if (outcome.status() != Wire.OK && localGroup) {
            // leaving with an error tells the ranks waiting in a collective who failed and why
            throw new IllegalStateException(outcome.status() == Wire.INTERRUPTED ? "interrupted"
                    : firstLine(outcome.text()));
        }
    }

    /** Stops the running cell on every rank: interrupt first, then stop the threads that go on. */
    @SuppressWarnings({"deprecation", "removal"})
    void interrupt() {
        interrupted = true;
        for (Thread t : evaluating.values()) {
            t.interrupt();
        }
        Thread stopper = new Thread(() -> {
            long until = System.currentTimeMillis() + STOP_GRACE_MS;
            while (!evaluating.isEmpty() && System.currentTimeMillis() < until) {
                sleep(50);
            }
            for (Thread t : evaluating.values()) {
                t.stop();
            }
        }, "daal4j-stopper");
        stopper.setDaemon(true);
        stopper.start();
    }

    /** Whether a cell is running. */
    boolean busy() {
        Thread c = controller;
        return c != null && c.isAlive();
    }

    private void send(int rank, int cell, byte status, String text) {
        try {
            link.done(rank, cell, status, text);
        } catch (IOException e) {
            // the kernel is gone; the agent's reader exits the process
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
