package daal4j.bridge;

import daal4j.Daal4j;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import py4j.GatewayServer;

/**
 * The JVM the Python package starts: serves a {@link Bridge} over Py4J on a free local port
 * and prints {@code DAAL4J_GATEWAY <port> <shared file>} as its first stdout line. It lives
 * exactly as long as its Python parent: "exit" on stdin ends it cleanly (closing the
 * engine); stdin closing without it, or the parent process ending, halts it at once.
 * Under mpirun it starts the Open MPI engine first, so that this JVM is the MPI rank.
 */
public final class Gateway {

    /** Environment variable holding the Py4J authentication token chosen by Python. */
    public static final String TOKEN_ENV = "DAAL4J_GATEWAY_TOKEN";

    /** Held so its level stays set (java.util.logging keeps loggers only weakly). */
    private static final Logger TOOLKIT_LOG = Logger.getLogger("daal4j");

    private Gateway() {
    }

    /** Starts the gateway; see the class comment for the protocol. */
    public static void main(String[] args) throws Exception {
        if (System.getenv("DAAL4J_LOG") == null) {
            // the toolkit's INFO lines (BLAS choice …) would clutter every Python run
            TOOLKIT_LOG.setLevel(Level.WARNING);
        }
        watchParent();
        MainThread main = new MainThread();
        if (System.getenv("OMPI_COMM_WORLD_SIZE") != null) {
            try {
                Daal4j.daalinit();
            } catch (RuntimeException | LinkageError e) {
                System.out.println("DAAL4J_ERROR " + oneLine(e));
                System.out.flush();
                Runtime.getRuntime().halt(2);
            }
        }
        SharedFile shared = SharedFile.create();
        GatewayServer server = new GatewayServer.GatewayServerBuilder()
                .entryPoint(new Bridge(shared, main))
                .javaPort(0)
                .authToken(System.getenv(TOKEN_ENV))
                .build();
        server.start();
        System.out.println("DAAL4J_GATEWAY " + server.getListeningPort() + " " + shared.path());
        System.out.flush();
        watchStdin(main);
        main.serve();
        // clean exit asked by Python: close the engine (MPI_Finalize) on the main thread
        try {
            Daal4j.daalfini();
        } finally {
            server.shutdown();
            shared.close();
        }
        System.exit(0);
    }

    /** "exit" on stdin stops serving; end of stdin without it means Python died: halt now. */
    private static void watchStdin(MainThread main) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.trim().equals("exit")) {
                        main.stop();
                        return;
                    }
                }
            } catch (IOException e) {
                // a broken stdin is the same as a dead parent
            }
            Runtime.getRuntime().halt(3);
        }, "daal4j-stdin-watch");
        t.setDaemon(true);
        t.start();
    }

    /** Halts when the parent process (Python) ends, even if stdin was inherited elsewhere. */
    private static void watchParent() {
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        return (m == null ? e.getClass().getName() : m).replace('\n', ' ');
    }
}
