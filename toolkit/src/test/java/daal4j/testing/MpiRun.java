package daal4j.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a main class of the test class path on N real Open MPI ranks ({@code mpirun -n N java
 * ...}), with a timeout, and returns the exit code, the whole output and each rank's lines.
 * Tests call {@link #assumeAvailable()} first: it skips them where Open MPI or its Java
 * bindings are missing, unless {@code -Ddaal4j.requireMpi=true}, where it fails them.
 */
public final class MpiRun {

    /** System property: when true, a missing Open MPI fails the tests instead of skipping them. */
    public static final String REQUIRE_PROPERTY = "daal4j.requireMpi";

    private static final Pattern TAGGED = Pattern.compile("^\\[\\d+,(\\d+)\\]<(stdout|stderr)>:(.*)$");
    private static String unavailable;
    private static boolean probed;

    private final int ranks;
    private final Duration timeout;
    private final List<String> jvmArgs;

    private MpiRun(int ranks, Duration timeout, List<String> jvmArgs) {
        this.ranks = ranks;
        this.timeout = timeout;
        this.jvmArgs = jvmArgs;
    }

    /** A run on {@code n} ranks, with a 120 s timeout for the whole job. */
    public static MpiRun ranks(int n) {
        return new MpiRun(n, Duration.ofSeconds(120), List.of());
    }

    /** The same run with another timeout for the whole job (then it is killed). */
    public MpiRun timeout(Duration jobTimeout) {
        return new MpiRun(ranks, jobTimeout, jvmArgs);
    }

    /** The same run with extra options for every rank's JVM (e.g. {@code -Ddaal4j.timeout=3}). */
    public MpiRun jvmArgs(String... args) {
        List<String> all = new ArrayList<>(jvmArgs);
        all.addAll(Arrays.asList(args));
        return new MpiRun(ranks, timeout, List.copyOf(all));
    }

    /** Whether mpirun, Open MPI's Java bindings and daal4j's MPI engine are all there. */
    public static synchronized boolean available() {
        if (!probed) {
            unavailable = probe();
            probed = true;
        }
        return unavailable == null;
    }

    /** Skips the calling test where MPI is missing, or fails it when MPI is required. */
    public static void assumeAvailable() {
        if (available()) {
            return;
        }
        if (Boolean.getBoolean(REQUIRE_PROPERTY)) {
            Assertions.fail("MPI tests are required (-D" + REQUIRE_PROPERTY + "=true) but " + unavailable
                    + "; run scripts/setup");
        }
        Assumptions.abort("no MPI here: " + unavailable);
    }

    /** Runs {@code main} with {@code args} on the ranks and waits for the job (or its timeout). */
    public Result run(Class<?> main, String... args) {
        assumeAvailable();
        List<String> command = new ArrayList<>(List.of("mpirun", "--oversubscribe", "--tag-output",
                "-n", Integer.toString(ranks), "-x", "OPENBLAS_NUM_THREADS=1"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add(1, "--allow-run-as-root");
        }
        command.add(Where.java());
        command.add("-cp");
        command.add(testClassPath());
        command.add("-Djava.library.path=" + libraryPath());
        command.add("-XX:+UseSerialGC");
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("daal4j.") && !k.equals(REQUIRE_PROPERTY))
                .sorted()
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.addAll(jvmArgs);
        command.add(main.getName());
        command.addAll(Arrays.asList(args));
        return execute(command);
    }

    private Result execute(List<String> command) {
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start mpirun: " + e.getMessage(), e);
        }
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException ignored) {
                // the process was killed; what was read is kept
            }
        }, "mpirun-output");
        reader.setDaemon(true);
        reader.start();
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                kill(process);
            }
            reader.join(10_000);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for mpirun", e);
        }
        String text;
        synchronized (output) {
            text = output.toString();
        }
        return new Result(finished ? process.exitValue() : -1, !finished, text,
                Duration.ofNanos(System.nanoTime() - start), String.join(" ", command));
    }

    /** mpirun ends its ranks on SIGTERM; whatever is left after a few seconds is killed. */
    private static void kill(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    /** The test class path: surefire may hide it behind a manifest-only jar. */
    static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    private static String libraryPath() {
        String dir = Where.ompiLibDir();
        String current = System.getProperty("java.library.path", "");
        return dir == null ? current : dir + File.pathSeparator + current;
    }

    private static String probe() {
        if (Where.onPath("mpirun") == null) {
            return "mpirun is not on the PATH (Debian: openmpi-bin)";
        }
        boolean bindings = Arrays.stream(testClassPath().split(File.pathSeparator))
                .anyMatch(e -> new File(e).getName().matches("mpi-.*\\.jar"));
        if (!bindings) {
            return "Open MPI's Java bindings (org.open-mpi:mpi) are not on the test class path";
        }
        try {
            Class.forName("daal4j.spmd.mpi.MpiTransportProvider", false, MpiRun.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return "daal4j's MPI engine was not compiled (the toolkit's openmpi profile was off)";
        }
        return null;
    }

    /** Where the executables and libraries are. */
    private static final class Where {

        static String java() {
            return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        }

        static File onPath(String program) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                File f = new File(dir, program);
                if (f.canExecute()) {
                    return f;
                }
            }
            return null;
        }

        /** Open MPI's library folder (holds libmpi_java.so), from ompi_info, or null. */
        static String ompiLibDir() {
            try {
                Process p = new ProcessBuilder("ompi_info", "--path", "libdir", "--parsable")
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                p.waitFor(10, TimeUnit.SECONDS);
                int colon = out.lastIndexOf(':');
                return out.startsWith("path:libdir:") && colon > 0 ? out.substring(colon + 1) : null;
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** What an mpirun job did. */
    public static final class Result {

        private final int exitCode;
        private final boolean timedOut;
        private final String output;
        private final Duration elapsed;
        private final String command;
        private final Map<Integer, List<String>> stdout = new TreeMap<>();
        private final Map<Integer, List<String>> stderr = new TreeMap<>();
        private final List<String> untagged = new ArrayList<>();

        Result(int exitCode, boolean timedOut, String output, Duration elapsed, String command) {
            this.exitCode = exitCode;
            this.timedOut = timedOut;
            this.output = output;
            this.elapsed = elapsed;
            this.command = command;
            for (String line : output.split("\n", -1)) {
                Matcher m = TAGGED.matcher(line);
                if (m.matches()) {
                    Map<Integer, List<String>> to = m.group(2).equals("stdout") ? stdout : stderr;
                    to.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>()).add(m.group(3));
                } else if (!line.isEmpty()) {
                    untagged.add(line);
                }
            }
        }

        /** mpirun's exit code (-1 when the job was killed at the timeout). */
        public int exitCode() {
            return exitCode;
        }

        /** Whether the job outlived the timeout and was killed. */
        public boolean timedOut() {
            return timedOut;
        }

        /** Everything mpirun and the ranks printed, tagged with [job,rank]&lt;stream&gt;. */
        public String output() {
            return output;
        }

        /** Wall time of the whole job, JVM starts included. */
        public Duration elapsed() {
            return elapsed;
        }

        /** The lines {@code rank} printed to System.out, in order. */
        public List<String> stdout(int rank) {
            return stdout.getOrDefault(rank, List.of());
        }

        /** The lines {@code rank} printed to System.err, in order. */
        public List<String> stderr(int rank) {
            return stderr.getOrDefault(rank, List.of());
        }

        /** Every rank's stdout lines, by rank. */
        public Map<Integer, List<String>> stdoutByRank() {
            return new LinkedHashMap<>(stdout);
        }

        /** Lines printed by mpirun itself (not by a rank). */
        public List<String> mpirunLines() {
            return untagged;
        }

        /** Fails with the whole output unless the job ended with exit code 0. */
        public Result assertSucceeded() {
            if (timedOut || exitCode != 0) {
                throw new AssertionError((timedOut ? "mpirun timed out" : "mpirun exited with " + exitCode)
                        + "\n" + this);
            }
            return this;
        }

        @Override
        public String toString() {
            return "$ " + command + "\n" + output;
        }
    }
}
