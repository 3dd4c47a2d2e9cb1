package daal4j.algorithms.sparse;

import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;
import static daal4j.testing.Fixtures.assertLineClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.spmd.Spmd;
import daal4j.testing.MpiRun;
import daal4j.testing.TestData;
import daal4j.testing.mains.CsrSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CSR methods (moments, covariance, k-means lloydCSR, naive Bayes) on local ranks and under
 * a real {@code mpirun -n 2} and {@code -n 4}, each rank a row range or its own CSR file by
 * pattern, against the one-rank (batch) result; a bad CSR file on the last rank is one error
 * naming what is wrong, the same on every rank.
 */
class CsrMpiTest {

    private static final Path DIR = TestData.example("distributed");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void everyMpiRankOfARowRangeHoldsTheBatchResult(int n) throws IOException {
        MpiRun.assumeAvailable();
        MpiRun.Result job = MpiRun.ranks(n).run(CsrSplit.class, DIR.toString(), tmp.toString()).assertSucceeded();
        assertRanks(CsrSplit.body(DIR, null, 0, 1), mpiLines(n), false, job.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void everyMpiRankOfPerRankFilesHoldsTheBatchResultAndBadFilesFailEveryRank(int n) throws IOException {
        MpiRun.assumeAvailable();
        Path parts = parts(n);
        MpiRun.Result job = MpiRun.ranks(n).timeout(Duration.ofMinutes(3))
                .run(CsrSplit.class, DIR.toString(), tmp.toString(), parts.toString()).assertSucceeded();
        assertRanks(CsrSplit.body(DIR, null, 0, 1), mpiLines(n), true, job.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void everyLocalRankOfPerRankFilesHoldsTheBatchResultAndBadFilesFailEveryRank(int n) throws IOException {
        Path parts = parts(n);
        List<List<String>> ranks = Spmd.local(n).timeout(Duration.ofSeconds(60)).call(() -> {
            List<String> lines = new ArrayList<>(CsrSplit.body(DIR, parts, myProcid(), numProcs()));
            if (n > 1) {
                lines.addAll(CsrSplit.bad(parts.resolve("bad"), myProcid()));
            }
            return lines;
        });
        assertRanks(CsrSplit.body(DIR, null, 0, 1), ranks, n > 1, n + " local ranks");
    }

    private Path parts(int n) throws IOException {
        Path parts = Files.createDirectories(tmp.resolve("parts"));
        CsrSplit.writeParts(DIR, parts, n);
        CsrSplit.writeBad(DIR, parts.resolve("bad"), n);
        return parts;
    }

    private List<List<String>> mpiLines(int n) throws IOException {
        List<List<String>> out = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            out.add(Files.readAllLines(tmp.resolve("rank" + r + ".txt")));
        }
        return out;
    }

    /** Each rank's lines: the batch values to 1e-10, then (if bad) each bad input's error, all ranks alike. */
    private static void assertRanks(List<String> batch, List<List<String>> ranks, boolean bad, String job) {
        for (int r = 0; r < ranks.size(); r++) {
            List<String> got = ranks.get(r);
            assertEquals(batch.size() + (bad ? CsrSplit.BAD.size() : 0), got.size(), "rank " + r + "\n" + job);
            for (int k = 0; k < batch.size(); k++) {
                assertLineClose(batch.get(k), got.get(k), 1e-10, "rank " + r);
            }
            int k = batch.size();
            for (Map.Entry<String, String[]> e : bad ? CsrSplit.BAD.entrySet() : Map.<String, String[]>of().entrySet()) {
                String line = got.get(k++);
                String words = e.getValue()[3];
                assertTrue(line.startsWith("bad." + e.getKey() + " ") && line.contains(words),
                        "rank " + r + ": '" + line + "' should name '" + words + "'\n" + job);
            }
            assertEquals(ranks.get(0), got, "rank " + r + " bit-identical to rank 0");
        }
    }
}
