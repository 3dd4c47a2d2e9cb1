package daal4j.algorithms.regression;

import static daal4j.testing.Fixtures.assertLineClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import daal4j.spmd.Spmd;
import daal4j.testing.MpiRun;
import daal4j.testing.TestData;
import daal4j.testing.mains.RegressSplit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Covariance, linear and ridge regression and naive Bayes under a real mpirun: every rank
 * holds the one-rank result (1e-10) bit-identically; a bad label on one rank is the same
 * error on every rank, and the job ends.
 */
class RegressMpiTest {

    private static final String DATA = TestData.example("").toString();

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void everyMpiRankHoldsTheOneRankResult(int n, @TempDir Path dir) throws Exception {
        MpiRun.assumeAvailable();
        List<String> one = Spmd.local(1).call(() -> RegressSplit.body(DATA, false)).get(0);
        MpiRun.Result job = MpiRun.ranks(n).run(RegressSplit.class, DATA, dir.toString()).assertSucceeded();
        List<String> first = Files.readAllLines(dir.resolve("rank0.txt"));
        for (int r = 0; r < n; r++) {
            List<String> got = Files.readAllLines(dir.resolve("rank" + r + ".txt"));
            assertEquals(one.size(), got.size(), "rank " + r + "\n" + job);
            for (int k = 0; k < one.size(); k++) {
                assertLineClose(one.get(k), got.get(k), 1e-10, "rank " + r);
            }
            assertEquals(first, got, "rank " + r + " bit-identical to rank 0");
        }
    }

    @Test
    void aBadLabelOnTheLastRankIsTheSameErrorOnEveryRank(@TempDir Path dir) throws Exception {
        MpiRun.assumeAvailable();
        MpiRun.Result job = MpiRun.ranks(2).run(RegressSplit.class, DATA, dir.toString(), "bad").assertSucceeded();
        for (int r = 0; r < 2; r++) {
            List<String> got = Files.readAllLines(dir.resolve("rank" + r + ".txt"));
            assertEquals("error SpmdException: rank 1: labels: 20.0 at row 3 is not a class 0..19", got.get(got.size() - 1),
                    job.toString());
        }
    }
}
