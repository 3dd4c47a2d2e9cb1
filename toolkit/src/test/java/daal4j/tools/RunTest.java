package daal4j.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.spmd.Spmd;
import daal4j.testing.MpiRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's entry point: JShell scripts and main classes as SPMD programs, local and under mpirun. */
class RunTest {

    /** Each rank writes its allreduce result and its arguments to {@code <args[0]><rank>.txt}. */
    private static final String SCRIPT = """
            // every rank sums (rank, 1) with the others
            var c = daalinit();
            double[] s = c.allreduce(new double[] {myProcid(), 1}, Op.SUM);
            String text(double[] v) {
                return java.util.Arrays.toString(v) + " " + numProcs() + " " + String.join("|", args);
            }
            java.nio.file.Files.writeString(java.nio.file.Path.of(args[0] + myProcid() + ".txt"), text(s));
            daalfini();
            /exit
            throw new IllegalStateException("not reached: the script ended at /exit");
            """;

    @TempDir
    Path dir;

    @Test
    void aScriptRunsOnEveryLocalRank() throws IOException {
        Path script = write("sum.jsh", SCRIPT);
        String prefix = dir.resolve("out").toString();
        Spmd.local(3).run(() -> JshScript.run(script, new String[] {prefix, "a \"quoted\" word"}));
        for (int r = 0; r < 3; r++) {
            assertEquals("[3.0, 3.0] 3 " + prefix + "|a \"quoted\" word", Files.readString(Path.of(prefix + r + ".txt")));
        }
    }

    @Test
    void aFailingSnippetNamesFileAndLineOnEveryRank() throws IOException {
        Path script = write("fails.jsh", "int x = 1;\n\nif (myProcid() == x) {\n    throw new IllegalStateException(\"boom\");\n}\n");
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> Spmd.local(2).run(() -> JshScript.run(script, new String[0])));
        assertEquals(script + ":3: java.lang.IllegalStateException: boom", e.getMessage());
    }

    @Test
    void codeThatDoesNotCompileIsAClearError() throws IOException {
        Path script = write("bad.jsh", "// a comment\nint x = \"text\";\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JshScript.run(script, new String[0]));
        assertTrue(e.getMessage().startsWith(script + ":2: incompatible types"), e.getMessage());
    }

    @Test
    void jshellCommandsOtherThanExitAreRejected() throws IOException {
        Path script = write("cmd.jsh", "int x = 1;\n/open other.jsh\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JshScript.run(script, new String[0]));
        assertEquals(script + ":2: the JShell command /open other.jsh cannot run in a script (only /exit)", e.getMessage());
    }

    @Test
    void aMainClassRunsOnLocalRanks() {
        Spmd.local(2).run(() -> Run.runOnce("daal4j.testing.mains.Collectives", new String[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Run.runOnce("no.such.Main", new String[0]));
        assertEquals("no class no.such.Main on the class path", e.getMessage());
    }

    @Test
    void aScriptRunsOnEveryMpiRank() throws IOException {
        Path script = write("sum.jsh", SCRIPT);
        String prefix = dir.resolve("mpi").toString();
        MpiRun.ranks(2).run(Run.class, script.toString(), prefix).assertSucceeded();
        for (int r = 0; r < 2; r++) {
            assertEquals("[1.0, 2.0] 2 " + prefix, Files.readString(Path.of(prefix + r + ".txt")));
        }
    }

    @Test
    void aFailingScriptEndsTheMpiJob() throws IOException {
        Path script = write("fails.jsh", "var c = daalinit();\nif (myProcid() == 1) throw new IllegalStateException(\"boom\");\nc.barrier();\n");
        MpiRun.Result job = MpiRun.ranks(2).timeout(Duration.ofSeconds(90)).run(Run.class, script.toString());
        assertTrue(!job.timedOut(), job.toString());
        assertNotEquals(0, job.exitCode(), job.toString());
        assertTrue(job.output().contains(script + ":2: java.lang.IllegalStateException: boom"), job.toString());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
