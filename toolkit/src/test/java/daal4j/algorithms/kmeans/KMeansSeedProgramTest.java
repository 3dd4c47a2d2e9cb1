package daal4j.algorithms.kmeans;

import static daal4j.Daal4j.kmeans;
import static daal4j.Daal4j.kmeansInit;
import static daal4j.Daal4j.myProcid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import daal4j.data.Matrix;
import daal4j.examples.KMeansExample;
import daal4j.spmd.Spmd;
import daal4j.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed program, verbatim, over per-rank files; and the example that runs it. */
class KMeansSeedProgramTest {

    @Test
    void seedProgramOnFourRanksMatchesBatch(@TempDir Path dir) throws IOException {
        Matrix x = KMeansData.dense();
        List<Matrix> parts = KMeansData.split(x, 4);
        for (int r = 0; r < 4; r++) {
            StringBuilder s = new StringBuilder();
            for (double[] row : parts.get(r).toArray()) {
                for (int j = 0; j < row.length; j++) {
                    s.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.17g", row[j]));
                }
                s.append('\n');
            }
            Files.writeString(dir.resolve("file" + r + ".csv"), s);
        }
        String pattern = dir.resolve("file{}.csv").toString();
        List<KMeansResult> rs = Spmd.local(4).call(() -> {
            Matrix data = parts.get(myProcid());
            var init = kmeansInit(10).method("plusPlusDense").distributed(true).compute(pattern, myProcid());
            var result = kmeans(10, 25).distributed(true).compute(data, init.centroids);
            return result;
        });
        var init = kmeansInit(10).method("plusPlusDense").compute(x);
        var batch = kmeans(10, 25).compute(x, init.centroids);
        for (int r = 0; r < 4; r++) {
            Fixtures.assertClose(batch.centroids, rs.get(r).centroids, 1e-10, "rank " + r);
            assertEquals(batch.objectiveFunction, rs.get(r).objectiveFunction, 1e-10 * batch.objectiveFunction);
            assertEquals(25, rs.get(r).nIterations);
        }
        assertEquals(batch.assignments, KMeansData.stack(rs.stream().map(res -> res.assignments).toList()));
    }

    @Test
    void exampleRunsOnFourLocalRanks() {
        PrintStream out = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        try {
            Spmd.local(4).run(KMeansExample::run);
        } finally {
            System.setOut(out);
        }
        String text = buf.toString();
        out.print(text);
        assertEquals(25, text.lines().filter(l -> l.startsWith("iteration")).count(), "one progress line per iteration");
        assertEquals(true, text.contains("kmeans on 4 ranks (10000 rows), rank 0 holds 2500 assignments"));
        assertEquals(true, text.contains("nIterations: 25"));
    }
}
