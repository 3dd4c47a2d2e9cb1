package daal4j.algorithms.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.examples.RunExamples;
import daal4j.testing.Fixtures;
import daal4j.testing.MpiRun;
import daal4j.testing.TestData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The k-means scenarios of {@link KMeansMpiMain} on real Open MPI ranks give the batch results. */
class KMeansMpiTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void sameAsBatchUnderMpirun(int n) throws IOException {
        MpiRun.Result job = MpiRun.ranks(n).run(KMeansMpiMain.class, dir.toString()).assertSucceeded();
        List<List<String>> byRank = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            byRank.add(Files.readAllLines(dir.resolve("rank" + r + ".txt")));
        }
        Map<String, String> batch = Fixtures.namedValues(KMeansMpiMain.lines(KMeansData.dense(), false));
        for (String method : List.of("defaultDense", "plusPlusDense", "parallelPlusDense")) {
            StringBuilder labels = new StringBuilder();
            for (int r = 0; r < n; r++) {
                Map<String, String> rank = Fixtures.namedValues(byRank.get(r));
                String what = method + ", rank " + r + " of " + n;
                assertRankEqualsBatch(batch, rank, method, what, job);
                labels.append(rank.get(method + ".assignments"));
            }
            assertEquals(batch.get(method + ".assignments"), labels.toString(), method + ": assignments of all ranks");
        }
        for (int r = 0; r < n; r++) {
            String msg = Fixtures.namedValues(byRank.get(r)).get("badWidth");
            assertTrue(msg.contains("rank " + (n - 1)) && msg.contains("inputCentroids have 3 columns, the data has 20"),
                    "rank " + r + ": " + msg);
        }
    }

    @Test
    void exampleSameUnderMpirunAsOnLocalRanks() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            RunExamples.main(new String[] {"--ranks", "4", "kmeans"});
        } finally {
            System.setOut(original);
        }
        List<String> local = Arrays.asList(captured.toString(StandardCharsets.UTF_8).split("\n"));
        MpiRun.Result job = MpiRun.ranks(4).jvmArgs("-Ddaal4j.data=" + TestData.example("").toString())
                .run(RunExamples.class, "kmeans").assertSucceeded();
        List<String> mpi = job.stdout(0);
        assertTrue(local.get(0).contains("4 local ranks"), local.get(0));
        assertTrue(mpi.get(0).contains("4 mpi ranks"), mpi.get(0));
        assertTrue(local.contains("nIterations: 25"), String.join("\n", local));
        // everything after the engine line: the same progress and result, printed the same way
        assertEquals(local.subList(1, local.size()), mpi.subList(1, mpi.size()), job.toString());
    }

    /** Asserts one rank's k-means lines of {@code method} hold the batch run's init, centroids, objective and iteration count. */
    static void assertRankEqualsBatch(Map<String, String> batch, Map<String, String> rank, String method, String what,
                                      MpiRun.Result job) {
        Fixtures.assertValuesClose(batch.get(method + ".init"), rank.get(method + ".init"), what + " init\n" + job);
        Fixtures.assertValuesClose(batch.get(method + ".centroids"), rank.get(method + ".centroids"), what + " centroids");
        Fixtures.assertValuesClose(batch.get(method + ".objective"), rank.get(method + ".objective"), what + " objective");
        assertEquals(batch.get(method + ".nIterations"), rank.get(method + ".nIterations"), what);
    }
}
