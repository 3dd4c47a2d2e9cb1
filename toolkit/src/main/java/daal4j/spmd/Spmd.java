package daal4j.spmd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.logging.Logger;

/**
 * Where the current rank's communicator comes from: a local rank thread's own, else the
 * process's engine chosen by {@link #init()} (Open MPI under mpirun, otherwise single).
 */
public final class Spmd {

    /** System property: seconds a collective waits for the other ranks. */
    public static final String TIMEOUT_PROPERTY = "daal4j.timeout";

    private static final Logger LOG = Logger.getLogger(Spmd.class.getName());
    private static final ThreadLocal<Communicator> LOCAL_RANK = new ThreadLocal<>();
    private static Communicator process;

    private Spmd() {
    }

    /** The calling rank's communicator, starting the process's engine if none is running. */
    public static Communicator current() {
        Communicator local = LOCAL_RANK.get();
        return local != null ? local : init();
    }

    /** Starts the process's engine once (Open MPI when launched by mpirun, else single); idempotent. */
    public static synchronized Communicator init() {
        Communicator local = LOCAL_RANK.get();
        if (local != null) {
            return local;
        }
        if (process == null) {
            process = new Communicator(openEngine());
            LOG.fine(() -> "daal4j engine: " + process);
        }
        return process;
    }

    /** Stops the process's engine (a local rank thread's engine ends with its run). */
    public static synchronized void fini() {
        if (LOCAL_RANK.get() == null && process != null) {
            process.close();
            process = null;
        }
    }

    /** Runs bodies on {@code ranks} threads of this JVM, each its own rank. */
    public static Local local(int ranks) {
        return new Local(ranks, timeout());
    }

    /** The collective timeout: {@value #TIMEOUT_PROPERTY} seconds, 600 by default. */
    public static Duration timeout() {
        return Duration.ofSeconds(Long.getLong(TIMEOUT_PROPERTY, 600));
    }

    private static Transport openEngine() {
        for (TransportProvider p : ServiceLoader.load(TransportProvider.class)) {
            if (p.launchedHere()) {
                return p.open(timeout());
            }
        }
        String size = System.getenv("OMPI_COMM_WORLD_SIZE");
        if (size != null && !size.equals("1")) {
            throw new IllegalStateException("launched by mpirun with " + size
                    + " ranks, but the Open MPI engine is not on the class path (mpi.jar and daal4j's"
                    + " mpi engine); run scripts/setup, or use the daal4j launcher");
        }
        return new SingleTransport();
    }

    /** A group of local ranks: threads of this JVM meeting in shared memory. */
    public static final class Local {

        private final int ranks;
        private final Duration timeout;

        private Local(int ranks, Duration timeout) {
            if (ranks < 1) {
                throw new IllegalArgumentException("number of ranks must be at least 1, got " + ranks);
            }
            this.ranks = ranks;
            this.timeout = timeout;
        }

        /** The same group with another collective timeout. */
        public Local timeout(Duration collectiveTimeout) {
            return new Local(ranks, collectiveTimeout);
        }

        /** Runs {@code body} on every rank; rethrows the first rank's error once all ranks end. */
        public void run(Runnable body) {
            call(() -> {
                body.run();
                return null;
            });
        }

        /** Runs {@code body} on every rank and returns each rank's value, by rank. */
        public <T> List<T> call(Callable<T> body) {
            LocalGroup group = new LocalGroup(ranks, timeout);
            List<T> values = new ArrayList<>();
            Throwable[] errors = new Throwable[ranks];
            Thread[] threads = new Thread[ranks];
            for (int r = 0; r < ranks; r++) {
                values.add(null);
                int rank = r;
                threads[r] = new Thread(() -> {
                    LOCAL_RANK.set(new Communicator(group.transport(rank)));
                    try {
                        values.set(rank, body.call());
                        group.leave(rank, "finished while the others were in a collective");
                    } catch (Throwable e) {
                        errors[rank] = e;
                        group.leave(rank, describe(e));
                    } finally {
                        LOCAL_RANK.remove();
                    }
                }, "daal4j-rank-" + r);
                threads[r].start();
            }
            try {
                for (Thread t : threads) {
                    t.join();
                }
            } catch (InterruptedException e) {
                for (Thread t : threads) {
                    t.interrupt();
                }
                Thread.currentThread().interrupt();
                throw new SpmdException("interrupted while local ranks were running");
            }
            rethrow(errors);
            return values;
        }

        /** Prefers the error that started it all over the SpmdExceptions it caused elsewhere. */
        private static void rethrow(Throwable[] errors) {
            Throwable chosen = null;
            for (Throwable e : errors) {
                if (e != null && (chosen == null
                        || chosen instanceof SpmdException && !(e instanceof SpmdException))) {
                    chosen = e;
                }
            }
            if (chosen instanceof RuntimeException re) {
                throw re;
            }
            if (chosen instanceof Error err) {
                throw err;
            }
            if (chosen != null) {
                throw new SpmdException(-1, chosen.getClass().getName(), describe(chosen), chosen);
            }
        }

        private static String describe(Throwable e) {
            String m = e.getMessage();
            return m == null || m.isBlank() ? e.getClass().getName() : m;
        }
    }
}
