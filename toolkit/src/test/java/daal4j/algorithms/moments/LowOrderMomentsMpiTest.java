package daal4j.algorithms.moments;

import static daal4j.Daal4j.lowOrderMoments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.data.Csv;
import daal4j.examples.RunExamples;
import daal4j.testing.MpiRun;
import daal4j.testing.TestData;
import daal4j.testing.mains.MomentsSplit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Low order moments under a real mpirun, against the one-rank result; example parity. */
class LowOrderMomentsMpiTest {

    private static final String FILE = TestData.example("batch/covcormoments_dense.csv").toString();

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void everyMpiRankHoldsTheOneRankResult(int n) {
        MpiRun.assumeAvailable();
        List<String> one = MomentsSplit.lines(lowOrderMoments().compute(Csv.read(java.nio.file.Path.of(FILE))));
        MpiRun.Result job = MpiRun.ranks(n).run(MomentsSplit.class, FILE).assertSucceeded();
        for (int r = 0; r < n; r++) {
            List<String> got = job.stdout(r);
            assertEquals(one.size(), got.size(), "rank " + r + "\n" + job);
            for (int k = 0; k < one.size(); k++) {
                assertClose(one.get(k), got.get(k), 1e-10, "rank " + r);
            }
            // all ranks bit-identical
            assertEquals(job.stdout(0), got, "rank " + r);
        }
    }

    @Test
    void theExampleCommandPrintsTheSameOnLocalRanksAndUnderMpirun() {
        MpiRun.assumeAvailable();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            RunExamples.main(new String[] {"--ranks", "4", "low_order_moments"});
        } finally {
            System.setOut(original);
        }
        List<String> local = Arrays.asList(captured.toString(StandardCharsets.UTF_8).split("\n"));
        MpiRun.Result job = MpiRun.ranks(4).jvmArgs("-Ddaal4j.data=" + TestData.example("").toString())
                .run(RunExamples.class, "low_order_moments").assertSucceeded();
        List<String> mpi = job.stdout(0);
        assertTrue(local.get(0).contains("4 local ranks"), local.get(0));
        assertTrue(mpi.get(0).contains("4 mpi ranks"), mpi.get(0));
        // everything after the engine line: the same numbers, printed the same way
        assertEquals(local.subList(1, local.size()), mpi.subList(1, mpi.size()), job.toString());
        assertTrue(local.size() > 10);
    }

    private static void assertClose(String expected, String actual, double tol, String where) {
        String[] e = expected.split(" ");
        String[] a = actual.split(" ");
        assertEquals(e[0], a[0], where);
        assertEquals(e.length, a.length, where + " " + e[0]);
        for (int i = 1; i < e.length; i++) {
            double x = Double.parseDouble(e[i]);
            double y = Double.parseDouble(a[i]);
            assertTrue(Math.abs(x - y) <= tol * Math.max(1, Math.abs(x)), where + " " + e[0] + "[" + i + "]: " + y + " vs " + x);
        }
    }
}
