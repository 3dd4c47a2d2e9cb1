package daal4j.notebook;

import daal4j.algorithms.Result;
import daal4j.data.Matrix;
import java.io.PrintStream;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.magic.CellMagic;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;

/**
 * daal4j's magics for JJava: {@code %daal4j start|status|pull|stop} and {@code %%spmd}, plus
 * HTML rendering of matrices and results. One engine per kernel; it ends with the kernel.
 */
public final class Daal4jExtension implements Extension {

    private static final String USAGE = String.join("\n",
            "usage:",
            "  %daal4j start [-n RANKS] [--mpi|--local] [--timeout SECONDS]",
            "        start RANKS ranks (default 4): under mpirun when it is installed, else (or with",
            "        --local) as threads of one separate JVM",
            "  %%spmd                      run the cell on every rank (each rank its own JShell)",
            "  %daal4j pull NAME [--rank R] [--as VAR]",
            "        copy variable NAME of rank R (default 0) into this notebook as VAR (default NAME)",
            "  %daal4j status              show the engine",
            "  %daal4j stop                stop every rank");

    private static Engine engine;
    private static boolean hookInstalled;

    /** Registers the magics and renderers on {@code kernel}. */
    @Override
    public void install(BaseKernel kernel) {
        LineMagic<Object, BaseKernel> line = Daal4jExtension::line;
        CellMagic<Object, BaseKernel> cell = (k, args, body) -> {
            spmd(k, args, body);
            return null;
        };
        kernel.getMagicsRegistry().registerLineMagic("daal4j", line);
        kernel.getMagicsRegistry().registerCellMagic("spmd", cell);
        kernel.getRenderer().createRegistration(Matrix.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((m, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> Html.matrix(m));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, m::toString);
                });
        kernel.getRenderer().createRegistration(Result.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((r, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> Html.result(r));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, r::toString);
                });
        synchronized (Daal4jExtension.class) {
            if (!hookInstalled) {
                hookInstalled = true;
                Runtime.getRuntime().addShutdownHook(new Thread(Daal4jExtension::stopEngine, "daal4j-engine-stop"));
            }
        }
    }

    /** The kernel shuts down or restarts: no rank may outlive it. */
    @Override
    public void uninstall(BaseKernel kernel) {
        stopEngine();
    }

    private static Object line(BaseKernel kernel, List<String> args) throws Exception {
        if (args.isEmpty()) {
            throw new IllegalArgumentException(USAGE);
        }
        PrintStream out = kernel.getIO().out;
        switch (args.get(0)) {
            case "start" -> start(kernel, args.subList(1, args.size()));
            case "stop" -> out.println(stopEngine() ? "daal4j engine stopped" : "no daal4j engine running");
            case "status" -> {
                Engine e = current();
                out.println(e == null ? "no daal4j engine running; start one with %daal4j start -n 4" : e.status());
            }
            case "pull" -> pull(kernel, args.subList(1, args.size()));
            case "help" -> out.println(USAGE);
            default -> throw new IllegalArgumentException("unknown %daal4j command '" + args.get(0) + "'\n" + USAGE);
        }
        return null;
    }

    private static void start(BaseKernel kernel, List<String> args) throws Exception {
        int ranks = 4;
        EngineLauncher.Mode mode = EngineLauncher.mpirunInstalled() ? EngineLauncher.Mode.MPI
                : EngineLauncher.Mode.LOCAL;
        Duration timeout = Duration.ofSeconds(180);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-n", "--ranks" -> ranks = Integer.parseInt(value(args, ++i, a));
                case "--mpi" -> mode = EngineLauncher.Mode.MPI;
                case "--local" -> mode = EngineLauncher.Mode.LOCAL;
                case "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(value(args, ++i, a)));
                default -> throw new IllegalArgumentException("unknown option '" + a + "'\n" + USAGE);
            }
        }
        if (current() != null) {
            kernel.getIO().out.println("stopping the running engine first");
            stopEngine();
        }
        RankPrinter printer = new RankPrinter(kernel.getIO().out, kernel.getIO().err);
        Engine e = Engine.start(EngineLauncher.fromEnvironment(), ranks, mode, timeout, printer);
        printer.finish();
        synchronized (Daal4jExtension.class) {
            engine = e;
        }
        kernel.getIO().out.println("daal4j engine started: " + ranks + " ranks, "
                + (mode == EngineLauncher.Mode.MPI ? "Open MPI (mpirun)" : "local ranks in one JVM")
                + "; run cells on every rank with %%spmd");
    }

    private static void spmd(BaseKernel kernel, List<String> args, String body) throws Exception {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("%%spmd takes no arguments, got " + args);
        }
        Engine e = require();
        RankPrinter printer = new RankPrinter(kernel.getIO().out, kernel.getIO().err);
        try {
            Map<Integer, String> values = e.run(body, printer);
            for (Map.Entry<Integer, String> v : values.entrySet()) {
                if (!v.getValue().isEmpty()) {
                    printer.print(v.getKey(), false, "==> " + v.getValue() + "\n");
                }
            }
        } finally {
            printer.finish();
        }
    }

    private static void pull(BaseKernel kernel, List<String> args) throws Exception {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("%daal4j pull needs a variable name\n" + USAGE);
        }
        String name = args.get(0);
        String as = name;
        int rank = 0;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--rank", "-r" -> rank = Integer.parseInt(value(args, ++i, a));
                case "--as" -> as = value(args, ++i, a);
                default -> throw new IllegalArgumentException("unknown option '" + a + "'\n" + USAGE);
            }
        }
        requireIdentifier(name);
        requireIdentifier(as);
        RankPrinter printer = new RankPrinter(kernel.getIO().out, kernel.getIO().err);
        Object value = require().pull(name, rank, Daal4jExtension.class.getClassLoader(), printer);
        printer.finish();
        int id = Pulled.put(value);
        kernel.evalRaw("var " + as + " = (" + declaredType(value) + ") daal4j.notebook.Pulled.take(" + id + ");");
        kernel.getIO().out.println(as + " <- rank " + rank + "'s " + name + ": " + summary(value));
    }

    /** The most specific public type to declare a pulled value with. */
    private static String declaredType(Object value) {
        if (value == null) {
            return "Object";
        }
        Class<?> c = value.getClass();
        while (c != null && !(Modifier.isPublic(c.getModifiers()) && c.getCanonicalName() != null)) {
            c = c.getSuperclass();
        }
        return c == null ? "Object" : c.getCanonicalName();
    }

    private static String summary(Object v) {
        if (v instanceof Matrix m) {
            return "Matrix " + m.rows() + " x " + m.cols();
        }
        if (v instanceof double[][] a) {
            return "double[" + a.length + "][" + (a.length > 0 ? a[0].length : 0) + "]";
        }
        if (v instanceof Result r) {
            return r.getClass().getSimpleName() + " " + r.fields().keySet();
        }
        if (v != null && v.getClass().isArray()) {
            return v.getClass().getComponentType().getSimpleName() + "[" + java.lang.reflect.Array.getLength(v) + "]";
        }
        String s = String.valueOf(v);
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    private static void requireIdentifier(String s) {
        if (!javax.lang.model.SourceVersion.isIdentifier(s) || javax.lang.model.SourceVersion.isKeyword(s)) {
            throw new IllegalArgumentException("'" + s + "' is not a Java variable name");
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(i);
    }

    private static synchronized Engine current() {
        return engine;
    }

    private static Engine require() {
        Engine e = current();
        if (e == null) {
            throw new IllegalStateException("no daal4j engine running; start one with %daal4j start -n 4");
        }
        return e;
    }

    private static boolean stopEngine() {
        Engine e;
        synchronized (Daal4jExtension.class) {
            e = engine;
            engine = null;
        }
        if (e == null) {
            return false;
        }
        e.close();
        return true;
    }
}
