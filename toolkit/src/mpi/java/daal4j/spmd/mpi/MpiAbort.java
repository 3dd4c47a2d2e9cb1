package daal4j.spmd.mpi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ends the whole MPI job when a rank cannot go on, so no rank is left waiting: when the
 * thread that started the engine dies of an uncaught exception, and shortly after a
 * collective timed out or lost a rank (the grace lets the error be reported first). A rank
 * that mpirun ends (SIGTERM) says so before it goes.
 */
final class MpiAbort {

    private static volatile MpiTransport engine;

    private MpiAbort() {
    }

    /** Makes an uncaught exception on the calling thread (the rank's main) abort the job. */
    static void install(MpiTransport transport) {
        engine = transport;
        Thread thread = Thread.currentThread();
        Thread.UncaughtExceptionHandler previous = thread.getUncaughtExceptionHandler();
        thread.setUncaughtExceptionHandler((t, e) -> {
            previous.uncaughtException(t, e);
            String m = e.getMessage();
            now("error on rank " + transport.rank() + ": " + (m == null ? e.getClass().getName() : m));
        });
        onTerminate(transport);
    }

    /**
     * mpirun ends the surviving ranks with SIGTERM when a rank or a host of the job is lost (or
     * mpirun itself is interrupted): without a word from them, a user sees only mpirun's line.
     */
    private static void onTerminate(MpiTransport transport) {
        String host = hostname();
        Signal term = new Signal("TERM");
        SignalHandler[] previous = new SignalHandler[1];
        previous[0] = Signal.handle(term, signal -> {
            if (!transport.isClosed()) {
                System.out.flush();
                System.err.println("daal4j: rank " + transport.rank() + " on host " + host
                        + " was ended by mpirun after collective #" + transport.collectives()
                        + ": mpirun stops every rank when a rank or host of the job is lost or mpirun is"
                        + " interrupted (its own message says which)");
                System.err.flush();
            }
            try {
                previous[0].handle(signal); // the JVM's own: shutdown hooks, then exit
            } catch (RuntimeException e) {
                Runtime.getRuntime().halt(128 + signal.getNumber()); // a native handler (-Xrs) cannot be called
            }
        });
    }

    /** This machine's name, without asking a resolver (a host may have none). */
    static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException | RuntimeException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "?" : env;
        }
    }

    /** Prints why, then aborts every rank of the job. */
    static void now(String why) {
        System.out.flush();
        System.err.println("daal4j: aborting the MPI job after an " + why);
        System.err.flush();
        MpiTransport t = engine;
        if (t != null) {
            t.abort(1);
        }
        Runtime.getRuntime().halt(1);
    }

    /**
     * Ends this process after {@code limit} unless the returned latch is counted down first: the
     * bound for blocking MPI calls that cannot be polled (start-up). mpirun then ends the job.
     */
    static CountDownLatch deadline(String what, Duration limit) {
        CountDownLatch done = new CountDownLatch(1);
        Thread timer = new Thread(() -> {
            try {
                if (done.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            System.out.flush();
            System.err.println("daal4j: " + what + " did not finish within " + limit.toSeconds() + " s on host "
                    + hostname() + ": not every rank reaches every other (Open MPI's message above says more; -D"
                    + daal4j.spmd.Spmd.TIMEOUT_PROPERTY + " sets the limit)");
            System.err.flush();
            Runtime.getRuntime().halt(1);
        }, "daal4j-mpi-deadline");
        timer.setDaemon(true);
        timer.start();
        return done;
    }

    /** Aborts the job after {@code grace}, unless the rank's main ends it first. */
    static void later(String why, Duration grace) {
        Thread timer = new Thread(() -> {
            try {
                Thread.sleep(grace.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            now(why);
        }, "daal4j-mpi-abort");
        timer.setDaemon(true);
        timer.start();
    }
}
