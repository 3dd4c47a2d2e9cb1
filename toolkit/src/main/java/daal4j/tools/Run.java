package daal4j.tools;

import daal4j.Daal4j;
import daal4j.spmd.Spmd;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Runs a Java main class or a JShell script as one SPMD program: on N local ranks (threads of
 * this JVM), or, when started by mpirun, as this process's MPI rank. The entry point of
 * {@code bin/daal4j run}: {@code Run [--ranks N] <MainClass|script.jsh> [args...]}.
 */
public final class Run {

    private Run() {
    }

    /** Runs the program; exits with 1 and the failing rank's message when it fails. */
    public static void main(String[] argv) {
        int ranks = 1;
        int i = 0;
        while (i < argv.length && argv[i].startsWith("--")) {
            if (argv[i].equals("--ranks") && i + 1 < argv.length) {
                ranks = Integer.parseInt(argv[i + 1]);
                i += 2;
            } else {
                usage("unknown option " + argv[i]);
            }
        }
        if (i >= argv.length) {
            usage("no main class or .jsh script given");
        }
        String target = argv[i];
        String[] args = Arrays.copyOfRange(argv, i + 1, argv.length);
        if (System.getenv("OMPI_COMM_WORLD_SIZE") != null) {
            // one MPI rank: an error escapes main, whose handler (installed by daalinit) aborts the job
            runOnce(target, args);
            Daal4j.daalfini();
            return;
        }
        try {
            if (ranks == 1) {
                runOnce(target, args);
            } else {
                Spmd.local(ranks).run(() -> runOnce(target, args));
            }
        } catch (NotRunnable e) {
            usage(e.getMessage());
        } catch (RuntimeException | Error e) {
            System.out.flush();
            e.printStackTrace();
            System.err.println("daal4j: " + target + " failed: " + message(e));
            System.exit(1);
        }
    }

    /** Runs the target once on the calling rank. */
    static void runOnce(String target, String[] args) {
        if (target.endsWith(".jsh")) {
            JshScript.run(Path.of(target), args);
        } else {
            invokeMain(target, args);
        }
    }

    private static void invokeMain(String className, String[] args) {
        Method main;
        try {
            Class<?> c = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            main = c.getMethod("main", String[].class);
        } catch (ClassNotFoundException e) {
            throw new NotRunnable("no class " + className + " on the class path");
        } catch (NoSuchMethodException e) {
            throw new NotRunnable(className + " has no public static void main(String[])");
        }
        if (!Modifier.isStatic(main.getModifiers())) {
            throw new NotRunnable(className + ".main is not static");
        }
        try {
            main.invoke(null, (Object) args);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(className + ".main is not accessible", e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause.getClass().getName() + ": " + cause.getMessage(), cause);
        }
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getName() : m;
    }

    private static void usage(String problem) {
        System.err.println("daal4j: " + problem + " (usage: bin/daal4j run [-n N] <MainClass|script.jsh> [args...])");
        System.exit(2);
    }

    /** The target cannot be run at all (no such class, no main): the user's mistake, no stack trace. */
    static final class NotRunnable extends IllegalArgumentException {
        NotRunnable(String message) {
            super(message);
        }
    }
}
