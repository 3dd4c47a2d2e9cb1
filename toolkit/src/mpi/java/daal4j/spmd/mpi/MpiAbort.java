package daal4j.spmd.mpi;

import java.time.Duration;

/**
 * Ends the whole MPI job when a rank cannot go on, so no rank is left waiting: when the
 * thread that started the engine dies of an uncaught exception, and shortly after a
 * collective timed out or lost a rank (the grace lets the error be reported first).
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
