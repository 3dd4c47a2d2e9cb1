package daal4j.notebook.agent;

import daal4j.notebook.Values;
import daal4j.notebook.Wire;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * One rank's JShell. Snippets execute directly on the calling thread of this JVM (no remote
 * JVM), so they see the rank's communicator and the classes of this process, and a cell can
 * be stopped by stopping that thread.
 */
final class RankShell implements AutoCloseable {

    /** daal4j's JShell imports (the launcher's startup script), then java.util and Examples as the kernel has them. */
    static final String STARTUP_SCRIPT = "daal4j/tools/startup.jsh";

    private static final int MAX_FRAMES = 12;

    private final JShell shell;

    RankShell(String classPath) {
        shell = JShell.builder()
                .executionEngine(new DirectProvider(), Map.of())
                .build();
        shell.addToClasspath(classPath);
        Outcome o = eval(startup() + "\nimport java.util.*;\nimport daal4j.examples.Examples;", () -> false);
        if (o.status != Wire.OK) {
            throw new IllegalStateException("the startup imports failed: " + o.text);
        }
    }

    private static String startup() {
        try (java.io.InputStream in = RankShell.class.getClassLoader().getResourceAsStream(STARTUP_SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(STARTUP_SCRIPT + " is not on the class path");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What a cell (or pull) ended with: status, and the last value or the error text. */
    record Outcome(byte status, String text) {
    }

    /** Runs every snippet of {@code code} in order until one fails or {@code stopped} says so. */
    Outcome eval(String code, java.util.function.BooleanSupplier stopped) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code;
        String value = "";
        while (!remaining.isBlank()) {
            if (stopped.getAsBoolean()) {
                return new Outcome(Wire.INTERRUPTED, "interrupted");
            }
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String source;
            switch (info.completeness()) {
                case EMPTY:
                    return new Outcome(Wire.OK, value);
                case DEFINITELY_INCOMPLETE:
                    return new Outcome(Wire.FAILED, "incomplete code at: " + firstLine(remaining));
                case CONSIDERED_INCOMPLETE:
                    // a final statement without its ';' (as JShell accepts one typed alone)
                    source = remaining;
                    remaining = "";
                    break;
                default:
                    source = info.source();
                    remaining = info.remaining();
            }
            for (SnippetEvent ev : shell.eval(source)) {
                if (ev.causeSnippet() != null) {
                    continue;
                }
                Snippet sn = ev.snippet();
                if (ev.status() == Snippet.Status.REJECTED) {
                    return new Outcome(Wire.FAILED, compileErrors(sn));
                }
                if (ev.exception() != null) {
                    if (stopped.getAsBoolean()) {
                        return new Outcome(Wire.INTERRUPTED, "interrupted");
                    }
                    return new Outcome(Wire.FAILED, describe(ev.exception()));
                }
                if (ev.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED
                        || ev.status() == Snippet.Status.RECOVERABLE_DEFINED) {
                    String missing = shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) sn)
                            .collect(Collectors.joining(", "));
                    if (ev.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                        return new Outcome(Wire.FAILED, "cannot use " + sn.source().strip()
                                + " until these are declared: " + missing);
                    }
                }
                value = shown(sn, ev.value());
            }
        }
        return new Outcome(stopped.getAsBoolean() ? Wire.INTERRUPTED : Wire.OK,
                stopped.getAsBoolean() ? "interrupted" : value);
    }

    /** The value of the rank's variable {@code name}, encoded for the notebook. */
    byte[] pull(String name) {
        boolean exists = shell.variables().anyMatch(v -> v.name().equals(name)
                && shell.status(v) == Snippet.Status.VALID);
        if (!exists) {
            throw new IllegalArgumentException("no variable '" + name + "' on this rank");
        }
        Exchange.take();
        Outcome o = eval("daal4j.notebook.agent.Exchange.hold(" + name + ");", () -> false);
        if (o.status != Wire.OK) {
            throw new IllegalArgumentException(o.text);
        }
        return Values.encode(Exchange.take());
    }

    /** An expression's value is shown as JShell shows it; declarations show nothing. */
    private static String shown(Snippet sn, String value) {
        if (value == null) {
            return "";
        }
        boolean expression = sn.kind() == Snippet.Kind.EXPRESSION
                || sn instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
        return expression ? value : "";
    }

    private String compileErrors(Snippet sn) {
        StringBuilder s = new StringBuilder();
        List<Diag> diags = shell.diagnostics(sn).collect(Collectors.toList());
        String src = sn.source();
        for (Diag d : diags) {
            if (!d.isError()) {
                continue;
            }
            if (s.length() > 0) {
                s.append('\n');
            }
            s.append("error: ").append(d.getMessage(null));
            long pos = d.getStartPosition();
            if (pos >= 0 && pos <= src.length()) {
                int start = src.lastIndexOf('\n', (int) Math.max(0, pos - 1)) + 1;
                int end = src.indexOf('\n', (int) pos);
                s.append('\n').append(src, start, end < 0 ? src.length() : end);
            }
        }
        return s.length() > 0 ? s.toString() : "rejected: " + src.strip();
    }

    /** Class, message and the snippet's own frames of a rank's exception, with its causes. */
    static String describe(JShellException e) {
        StringBuilder s = new StringBuilder();
        Throwable t = e;
        for (int depth = 0; t != null && depth < 5; depth++, t = t.getCause()) {
            if (depth > 0) {
                s.append("\nCaused by: ");
            }
            String type = t instanceof EvalException ee ? ee.getExceptionClassName()
                    : t instanceof UnresolvedReferenceException u
                            ? "unresolved " + u.getSnippet().source().strip()
                            : t.getClass().getName();
            s.append(type);
            if (t.getMessage() != null) {
                s.append(": ").append(t.getMessage());
            }
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(MAX_FRAMES, frames.length); i++) {
                StackTraceElement f = frames[i];
                if (f.getClassName().startsWith("jdk.") || f.getClassName().startsWith("java.lang.reflect")
                        || f.getClassName().startsWith("jdk.internal")) {
                    break;
                }
                s.append("\n\tat ").append(f);
            }
        }
        return s.toString();
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    @Override
    public void close() {
        shell.close();
    }

    /** Runs snippets in this JVM on the thread that calls eval. */
    private static final class DirectProvider implements ExecutionControlProvider {
        @Override
        public String name() {
            return "daal4j-direct";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return new DirectExecutionControl();
        }
    }
}
