package daal4j.algorithms.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.data.CsrMatrix;
import daal4j.data.Csv;
import daal4j.data.Matrix;
import daal4j.testing.Fixtures;
import daal4j.testing.MpiRun;
import daal4j.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSR k-means scenarios of {@link KMeansCsrMpiMain} on 2 real Open MPI ranks give the batch results and daal4py's. */
class KMeansCsrMpiTest {

    @TempDir
    Path dir;

    @Test
    void sameAsBatchAndDaal4pyUnderMpirun() throws IOException {
        int n = 2;
        MpiRun.Result job = MpiRun.ranks(n).run(KMeansCsrMpiMain.class, dir.toString()).assertSucceeded();
        CsrMatrix all = CsrMatrix.read(TestData.example("distributed/kmeans_csr.csv"));
        Map<String, String> batch = Fixtures.namedValues(KMeansCsrMpiMain.lines(all, false));
        for (String method : List.of("defaultCSR", "plusPlusCSR", "parallelPlusCSR")) {
            StringBuilder labels = new StringBuilder();
            for (int r = 0; r < n; r++) {
                Map<String, String> rank = Fixtures.namedValues(Files.readAllLines(dir.resolve("rank" + r + ".txt")));
                String what = method + ", rank " + r + " of " + n;
                KMeansMpiTest.assertRankEqualsBatch(batch, rank, method, what, job);
                labels.append(rank.get(method + ".assignments"));
                if (method.equals("defaultCSR")) {
                    Matrix golden = Csv.read(TestData.golden("kmeans_lloydCSR").resolve("centroids.csv"));
                    StringBuilder g = new StringBuilder();
                    for (double v : golden.rowMajorView()) {
                        g.append(g.length() == 0 ? "" : " ").append(v);
                    }
                    Fixtures.assertValuesClose(g.toString(), rank.get(method + ".centroids"), what + ": daal4py's centroids");
                }
                String msg = rank.get("badWidth");
                assertTrue(msg.contains("rank " + (n - 1)) && msg.contains("feature counts differ"), what + ": " + msg);
            }
            assertEquals(batch.get(method + ".assignments"), labels.toString(), method + ": assignments of all ranks");
        }
    }
}
