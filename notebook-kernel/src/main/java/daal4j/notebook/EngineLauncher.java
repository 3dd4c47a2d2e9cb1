package daal4j.notebook;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the processes of an engine: one JVM holding N local-rank threads, or N JVMs under
 * mpirun. Each runs {@code daal4j.notebook.agent.RankAgent} with the kernel's class path and
 * connects back to the kernel's port.
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

    private final String classPath;
    private final List<String> jvmOptions;

    /**
     * @param classPath  the toolkit, its dependencies and this module (the kernel's own)
     * @param jvmOptions extra options for every rank JVM
     */
    public EngineLauncher(String classPath, List<String> jvmOptions) {
        this.classPath = classPath;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** The launcher the kernel spec describes: DAAL4J_CLASSPATH (else JJAVA_CLASSPATH), DAAL4J_JVM_OPTS. */
    public static EngineLauncher fromEnvironment() {
        String cp = System.getenv("DAAL4J_CLASSPATH");
        if (cp == null || cp.isBlank()) {
            cp = System.getenv("JJAVA_CLASSPATH");
        }
        if (cp == null || cp.isBlank()) {
            throw new IllegalStateException("DAAL4J_CLASSPATH is not set: install the kernel with"
                    + " notebook-kernel/install-kernel");
        }
        String opts = System.getenv().getOrDefault("DAAL4J_JVM_OPTS", "");
        return new EngineLauncher(cp, opts.isBlank() ? List.of() : List.of(opts.trim().split("\\s+")));
    }

    /** Whether mpirun is on the PATH. */
    public static boolean mpirunInstalled() {
        return onPath("mpirun") != null;
    }

    /** Starts the processes of an engine of {@code ranks} ranks that report to {@code port}. */
    Process launch(Mode mode, int ranks, int port) throws IOException {
        List<String> cmd = new ArrayList<>();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (mode == Mode.LOCAL) {
            cmd.add(java());
            cmd.addAll(jvmOptions);
            cmd.add("-cp");
            cmd.add(classPath);
            cmd.add(AGENT);
            cmd.add(Integer.toString(port));
            cmd.add("local");
            cmd.add(Integer.toString(ranks));
        } else {
            cmd.addAll(mpiCommand(ranks));
            cmd.add(AGENT);
            cmd.add(Integer.toString(port));
            cmd.add("mpi");
            Map<String, String> env = pb.environment();
            // the kernel may run as root in a container; mpirun refuses that unless told
            env.put("OMPI_ALLOW_RUN_AS_ROOT", "1");
            env.put("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
        }
        return pb.start();
    }

    private List<String> mpiCommand(int ranks) {
        String mpirun = onPath("mpirun");
        if (mpirun == null) {
            throw new IllegalStateException("mpirun is not installed: start with --local, or install"
                    + " Open MPI (scripts/setup)");
        }
        List<String> cmd = new ArrayList<>(List.of(mpirun, "--oversubscribe", "-n", Integer.toString(ranks),
                java()));
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        return cmd;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, program);
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }
}
