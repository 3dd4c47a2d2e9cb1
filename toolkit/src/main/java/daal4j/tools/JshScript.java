package daal4j.tools;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs a JShell script on the calling thread, so the script is the calling rank (a local
 * rank's thread, or an MPI process's main thread). daal4j's imports come first; the
 * script's arguments are in {@code String[] args}. The first failing snippet stops the
 * script with an exception naming the file and line.
 */
public final class JshScript {

    private JshScript() {
    }

    /** The imports of daal4j's JShell startup script ({@code daal4j/tools/startup.jsh}). */
    public static String startup() {
        try (InputStream in = JshScript.class.getResourceAsStream("startup.jsh")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("daal4j/tools/startup.jsh is missing from the class path", e);
        }
    }

    /** Evaluates {@code file} snippet by snippet on the calling thread. */
    public static void run(Path file, String[] args) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the script (" + e.getMessage() + ")");
        }
        try (JShell shell = JShell.builder()
                .executionEngine(new SameThread(), Map.of())
                .out(System.out)
                .err(System.err)
                .build()) {
            shell.addToClasspath(System.getProperty("java.class.path"));
            evaluate(shell, "daal4j startup", startup());
            evaluate(shell, "arguments", "String[] args = " + literal(args) + ";");
            evaluate(shell, file.toString(), source);
        }
    }

    private static void evaluate(JShell shell, String name, String source) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = withoutCommands(name, source);
        int line = 1;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String snippet = info.source();
            String rest = info.remaining();
            int consumed = remaining.length() - rest.length();
            String text = remaining.substring(0, consumed);
            int snippetLine = line + leadingNewlines(text);
            line += count(text, '\n');
            remaining = rest;
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                continue;
            }
            if (!info.completeness().isComplete()) {
                throw new IllegalArgumentException(name + ":" + snippetLine + ": incomplete code: " + text.trim());
            }
            check(shell, name, snippetLine, shell.eval(snippet));
        }
    }

    /** The code before a {@code /exit} line; other JShell commands are errors. */
    private static String withoutCommands(String name, String source) {
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].trim();
            if (t.length() > 1 && t.charAt(0) == '/' && Character.isLetter(t.charAt(1))) {
                if (t.equals("/exit") || t.startsWith("/exit ")) {
                    return String.join("\n", java.util.Arrays.copyOf(lines, i));
                }
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": the JShell command " + t
                        + " cannot run in a script (only /exit)");
            }
        }
        return source;
    }

    private static void check(JShell shell, String name, int line, List<SnippetEvent> events) {
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue; // updates of other snippets
            }
            if (e.exception() != null) {
                throw new ScriptException(name + ":" + line + ": " + describe(e.exception()), e.exception());
            }
            if (e.status() == Snippet.Status.REJECTED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                String diagnostics = shell.diagnostics(e.snippet())
                        .map(d -> d.getMessage(null))
                        .collect(Collectors.joining("; "));
                String unresolved = e.snippet() instanceof DeclarationSnippet d
                        ? shell.unresolvedDependencies(d).collect(Collectors.joining(", ")) : "";
                throw new IllegalArgumentException(name + ":" + line + ": "
                        + (diagnostics.isEmpty() ? "cannot find " + unresolved : diagnostics));
            }
        }
    }

    private static String describe(Exception e) {
        if (e instanceof EvalException ee) {
            return ee.getExceptionClassName() + ": " + ee.getMessage();
        }
        if (e instanceof UnresolvedReferenceException ure) {
            return "unresolved reference in " + ure.getSnippet().source().trim();
        }
        return e.toString();
    }

    /** Lines before the first code of {@code text} (whitespace and comments skipped). */
    private static int leadingNewlines(String text) {
        int n = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                n++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                n += count(text.substring(i, end), '\n');
                i = end;
            } else {
                break;
            }
        }
        return n;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static String literal(String[] args) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < args.length; i++) {
            s.append(i == 0 ? "" : ", ").append('"');
            for (char c : args[i].toCharArray()) {
                if (c == '"' || c == '\\') {
                    s.append('\\').append(c);
                } else if (c < 0x20 || c > 0x7e) {
                    s.append(String.format("\\u%04x", (int) c));
                } else {
                    s.append(c);
                }
            }
            s.append('"');
        }
        return s.append('}').toString();
    }

    /** A script's failure: the file, line and the snippet's exception. */
    public static final class ScriptException extends RuntimeException {
        ScriptException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Runs snippets on the thread that evaluates them (JShell's default would use another thread or JVM). */
    private static final class SameThread implements ExecutionControlProvider {
        @Override
        public String name() {
            return "daal4j-same-thread";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return new DirectExecutionControl();
        }
    }
}
