package daal4j.notebook;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the processes of an engine through daal4j's launcher ({@code bin/daal4j run}): one JVM
 * holding N local-rank threads, or N JVMs under mpirun. Each runs
 * {@code daal4j.notebook.agent.RankAgent}, which connects back to the kernel's port. The
 * launcher supplies the toolkit, its dependencies and (for mpirun) Open MPI's bindings; this
 * module's jar is added through {@code CLASSPATH}.
 */
public final class EngineLauncher {

    /** Where the ranks run. */
    public enum Mode {
        /** N threads of one separate JVM, collectives in shared memory. */
        LOCAL,
        /** N JVMs started by mpirun, each one MPI rank. */
        MPI
    }

    /** The class the agent processes run. */
    static final String AGENT = "daal4j.notebook.agent.RankAgent";

    private final Path launcher;
    private final String agentClassPath;
    private final String jvmOptions;

    /**
     * @param launcher       daal4j's {@code bin/daal4j}
     * @param agentClassPath this module's jar (or classes)
     * @param jvmOptions     extra options for every rank JVM (JAVA_OPTS)
     */
    public EngineLauncher(Path launcher, String agentClassPath, String jvmOptions) {
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("daal4j's launcher " + launcher + " is missing or not executable");
        }
        this.launcher = launcher;
        this.agentClassPath = agentClassPath;
        this.jvmOptions = jvmOptions;
    }

    /**
     * The launcher the kernel spec describes: DAAL4J_HOME (the repository, for bin/daal4j),
     * DAAL4J_AGENT_CLASSPATH (else the jar this class came from), DAAL4J_JVM_OPTS.
     */
    public static EngineLauncher fromEnvironment() {
        String home = System.getenv("DAAL4J_HOME");
        if (home == null || home.isBlank()) {
            throw new IllegalStateException("DAAL4J_HOME is not set: install the kernel with"
                    + " notebook-kernel/install-kernel");
        }
        String cp = System.getenv("DAAL4J_AGENT_CLASSPATH");
        if (cp == null || cp.isBlank()) {
            cp = ownLocation();
        }
        return new EngineLauncher(Path.of(home, "bin", "daal4j"), cp,
                System.getenv().getOrDefault("DAAL4J_JVM_OPTS", ""));
    }

    /** Whether mpirun is on the PATH. */
    public static boolean mpirunInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, "mpirun").canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** Starts the processes of an engine of {@code ranks} ranks that report to {@code port}. */
    Process launch(Mode mode, int ranks, int port) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString(), "run"));
        if (mode == Mode.LOCAL) {
            // one launcher rank: the agent makes its own group of local ranks, fresh for every cell
            cmd.addAll(List.of("-n", "1", "--local", AGENT, Integer.toString(port), "local", Integer.toString(ranks)));
        } else {
            cmd.addAll(List.of("-n", Integer.toString(ranks), "--mpi", AGENT, Integer.toString(port), "mpi"));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("CLASSPATH", agentClassPath);
        env.put("JAVA_OPTS", jvmOptions);
        if (ranks > 1) {
            // ranks share the machine's cores: one BLAS thread each, as the launcher does for mpirun
            env.putIfAbsent("OPENBLAS_NUM_THREADS", "1");
        }
        return pb.start();
    }

    private static String ownLocation() {
        try {
            return Path.of(EngineLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where daal4j's notebook classes are: set"
                    + " DAAL4J_AGENT_CLASSPATH", e);
        }
    }
}
