package daal4j.spmd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.testing.MpiRun;
import daal4j.testing.mains.Collectives;
import daal4j.testing.mains.Failures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same scenarios on both multi-rank engines: N threads of this JVM ({@code Spmd.local})
 * and N Open MPI processes ({@code mpirun}, through {@link MpiRun}). Collectives give every
 * rank the values computed rank by rank here; a failing rank is named on every rank; a rank
 * that dies or never arrives ends the job with a clear error, never a hang.
 */
class EngineRulesTest {

    private static final Duration SHORT = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    // ---- collectives --------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void collectivesOnLocalRanks(int n) {
        List<List<String>> byRank = Spmd.local(n).call(Collectives::body);
        for (int r = 0; r < n; r++) {
            assertEquals(Collectives.expected(r, n, "local"), byRank.get(r), "rank " + r);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void collectivesUnderMpirun(int n) {
        MpiRun.Result job = MpiRun.ranks(n).run(Collectives.class).assertSucceeded();
        for (int r = 0; r < n; r++) {
            assertEquals(Collectives.expected(r, n, "mpi"), job.stdout(r), "rank " + r + "\n" + job);
        }
    }

    // ---- a rank that throws inside a collective ----------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void aThrowingRankIsNamedOnEveryLocalRank(int n) {
        int failing = n - 1;
        List<List<String>> byRank = Spmd.local(n).call(() -> Failures.body("throws", failing, null));
        for (int r = 0; r < n; r++) {
            assertEquals(throwsLines(r, n, failing), byRank.get(r), "rank " + r);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void aThrowingRankIsNamedOnEveryMpiRank(int n) {
        int failing = n - 1;
        MpiRun.Result job = MpiRun.ranks(n).run(Failures.class, "throws", Integer.toString(failing)).assertSucceeded();
        for (int r = 0; r < n; r++) {
            assertEquals(throwsLines(r, n, failing), job.stdout(r), "rank " + r + "\n" + job);
        }
    }

    private static List<String> throwsLines(int r, int n, int failing) {
        return List.of("start " + r, "caught: rank " + failing + ": bad value on purpose (bad input: true)",
                "after: " + n, "end " + r);
    }

    // ---- a rank whose file is missing ---------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void aMissingFileIsNamedOnEveryLocalRank(int n) throws IOException {
        String pattern = filesWithout(n, 1);
        List<List<String>> byRank = Spmd.local(n).call(() -> Failures.body("missing-file", 1, pattern));
        for (int r = 0; r < n; r++) {
            assertEquals(missingLines(r, pattern), byRank.get(r), "rank " + r);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void aMissingFileIsNamedOnEveryMpiRank(int n) throws IOException {
        String pattern = filesWithout(n, 1);
        MpiRun.Result job = MpiRun.ranks(n).run(Failures.class, "missing-file", "1", pattern).assertSucceeded();
        for (int r = 0; r < n; r++) {
            assertEquals(missingLines(r, pattern), job.stdout(r), "rank " + r + "\n" + job);
        }
    }

    /** part0.csv .. part{n-1}.csv, except the missing rank's; returns the pattern. */
    private String filesWithout(int n, int missing) throws IOException {
        for (int r = 0; r < n; r++) {
            if (r != missing) {
                Files.writeString(dir.resolve("part" + r + ".csv"), r + ",1\n2,3\n");
            }
        }
        return dir.resolve("part{}.csv").toString();
    }

    private static List<String> missingLines(int r, String pattern) {
        return List.of("start " + r, "caught: rank 1: " + pattern.replace("{}", "1") + ": no such file", "end " + r);
    }

    // ---- an error nobody catches ends the job -------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void anUncaughtErrorEndsTheMpiJobNamingTheRank(int n) {
        MpiRun.Result job = MpiRun.ranks(n).timeout(Duration.ofSeconds(60))
                .run(Failures.class, "uncaught", Integer.toString(n - 1));
        assertEnded(job, "daal4j: aborting the MPI job after an error on rank \\d: rank " + (n - 1) + ": nobody catches this");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void aRankThatThrowsOutsideACollectiveEndsTheMpiJob(int n) {
        MpiRun.Result job = MpiRun.ranks(n).timeout(Duration.ofSeconds(60))
                .run(Failures.class, "throws-outside", "1");
        assertEnded(job, "daal4j: aborting the MPI job after an error on rank 1: gave up before the collective");
    }

    // ---- a rank that exits --------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void aRankThatLeavesIsNamedOnEveryOtherLocalRank(int n) {
        SpmdException e = (SpmdException) assertFailsOnLocalRanks(n, "exits", 1, null);
        assertEquals("rank 1: finished while the others were in a collective", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"2, 3", "4, 3", "2, 0", "4, 0"})
    void aRankThatExitsEndsTheMpiJob(int n, int exitCode) {
        MpiRun.Result job = MpiRun.ranks(n).timeout(Duration.ofSeconds(60)).jvmArgs("-Ddaal4j.timeout=30")
                .run(Failures.class, "exits", "1", Integer.toString(exitCode));
        // mpirun itself reports the rank that left, well before the collective timeout
        assertEnded(job, exitCode == 0 ? "mpirun has exited due to process rank 1" : "Exit code: +" + exitCode);
        assertTrue(job.elapsed().compareTo(Duration.ofSeconds(30)) < 0, "ended by the timeout, not the exit:\n" + job);
    }

    // ---- a rank that never arrives ------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void aRankThatNeverArrivesTimesOutOnLocalRanks(int n) {
        long start = System.nanoTime();
        RuntimeException e = assertFailsOnLocalRanks(n, "never-arrives", n - 1, "3");
        assertEquals("timed out after 1 s waiting for rank " + (n - 1) + " in a collective", e.getMessage());
        assertTrue(System.nanoTime() - start < 10_000_000_000L);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void aRankThatNeverArrivesTimesOutUnderMpirun(int n) {
        MpiRun.Result job = MpiRun.ranks(n).timeout(Duration.ofSeconds(60)).jvmArgs("-Ddaal4j.timeout=" + SHORT.toSeconds())
                .run(Failures.class, "never-arrives", Integer.toString(n - 1), "600");
        assertEnded(job, "timed out after 3 s in collective #1 on rank \\d: rank " + (n - 1) + " never arrived");
        assertTrue(job.elapsed().compareTo(Duration.ofSeconds(40)) < 0, "slow to end:\n" + job);
    }

    private static RuntimeException assertFailsOnLocalRanks(int n, String scenario, int failing, String argument) {
        try {
            Spmd.local(n).timeout(Duration.ofSeconds(1)).run(() -> Failures.body(scenario, failing, argument));
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError(scenario + " on " + n + " local ranks raised no error");
    }

    /** The job ended by itself (no kill at the test's timeout), failed, and says {@code why} (a regex). */
    private static void assertEnded(MpiRun.Result job, String why) {
        assertTrue(!job.timedOut(), "the job hung and was killed:\n" + job);
        assertNotEquals(0, job.exitCode(), "the job reported success:\n" + job);
        assertTrue(Pattern.compile(why).matcher(job.output()).find(), "no '" + why + "' in the output:\n" + job);
    }
}
