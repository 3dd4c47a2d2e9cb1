package daal4j.algorithms.sparse;

import static daal4j.testing.Fixtures.assertLineClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import daal4j.testing.MpiRun;
import daal4j.testing.TestData;
import daal4j.testing.mains.CsrSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSR methods under a real {@code mpirun -n 2}, against the one-rank (batch) result. */
class CsrMpiTest {

    @Test
    void everyMpiRankHoldsTheBatchResult(@TempDir Path out) throws IOException {
        MpiRun.assumeAvailable();
        Path dir = TestData.example("distributed");
        List<String> one = CsrSplit.body(dir, 0, 1);
        MpiRun.Result job = MpiRun.ranks(2).run(CsrSplit.class, dir.toString(), out.toString())
                .assertSucceeded();
        for (int r = 0; r < 2; r++) {
            List<String> got = Files.readAllLines(out.resolve("rank" + r + ".txt"));
            assertEquals(one.size(), got.size(), "rank " + r + "\n" + job);
            for (int k = 0; k < one.size(); k++) {
                assertLineClose(one.get(k), got.get(k), 1e-10, "rank " + r);
            }
        }
        assertEquals(Files.readAllLines(out.resolve("rank0.txt")), Files.readAllLines(out.resolve("rank1.txt")),
                "both ranks bit-identical");
    }
}
