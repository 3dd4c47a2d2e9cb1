package daal4j.bridge;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Runs every toolkit call on the JVM's main thread, the one that started the engine: MPI
 * wants its calls from the thread that initialized it, and Py4J answers on its own threads.
 */
final class MainThread {

    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final Thread owner = Thread.currentThread();

    /** Runs {@code body} on the main thread and returns its value or rethrows its exception. */
    <T> T call(Callable<T> body) {
        if (Thread.currentThread() == owner) {
            return callHere(body);
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        tasks.add(() -> {
            try {
                f.complete(body.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the main thread");
        }
    }

    /** Serves calls until {@code stop} is queued; call from the owning thread. */
    void serve() throws InterruptedException {
        while (true) {
            Runnable r = tasks.take();
            if (r == STOP) {
                return;
            }
            r.run();
        }
    }

    /** Ends {@link #serve()} once the calls queued before it have run. */
    void stop() {
        tasks.add(STOP);
    }

    private static final Runnable STOP = () -> { };

    private static <T> T callHere(Callable<T> body) {
        try {
            return body.call();
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException re) {
            throw re;
        }
        if (e instanceof Error err) {
            throw err;
        }
        // checked exceptions of the bridge itself (e.g. a missing attribute) keep their type for classify
        throw new BridgeException(e);
    }

    /** A checked exception carried unchanged to Python (its cause is what classify looks at). */
    static final class BridgeException extends RuntimeException {
        BridgeException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
