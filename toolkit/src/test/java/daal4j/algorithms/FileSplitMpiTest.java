package daal4j.algorithms;

import static daal4j.testing.Fixtures.assertLineClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.testing.MpiRun;
import daal4j.testing.mains.FileSplit;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One file split across real Open MPI ranks by {@code Inputs.rowsOf}: the batch result on every rank. */
class FileSplitMpiTest {

    @TempDir
    Path dir;

    private Path file() throws IOException {
        Random rnd = new Random(21);
        StringBuilder s = new StringBuilder("\uFEFFx1,x2,x3,y\r\n");
        for (int i = 0; i < 203; i++) {
            double y = 1;
            for (int j = 0; j < 3; j++) {
                double x = rnd.nextGaussian() * (j + 1);
                s.append(String.format(Locale.ROOT, "%.5f,", x));
                y += (j - 1.5) * x;
            }
            s.append(String.format(Locale.ROOT, "%.5f", y + 0.1 * rnd.nextGaussian())).append(i % 4 == 0 ? "\r\n" : "\n");
        }
        Path f = dir.resolve("split.csv");
        Files.writeString(f, s, StandardCharsets.UTF_8);
        return f;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void everyMpiRankHoldsTheBatchResultOfTheWholeFile(int n) throws IOException {
        MpiRun.assumeAvailable();
        Path f = file();
        List<String> batch = FileSplit.body(f.toString(), false);
        MpiRun.Result job = MpiRun.ranks(n).run(FileSplit.class, f.toString()).assertSucceeded();
        for (int r = 0; r < n; r++) {
            List<String> got = job.stdout(r);
            assertEquals(batch.size(), got.size(), "rank " + r + "\n" + job);
            for (int k = 0; k < batch.size(); k++) {
                assertLineClose(batch.get(k), got.get(k), 1e-10, "rank " + r);
            }
        }
    }

    @Test
    void aCompressedFileAskedForTwoPartsFailsEveryRank() throws IOException {
        MpiRun.assumeAvailable();
        Path gz = dir.resolve("split.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(file()));
        }
        MpiRun.Result job = MpiRun.ranks(2).run(FileSplit.class, gz.toString(), "error").assertSucceeded();
        for (int r = 0; r < 2; r++) {
            List<String> got = job.stdout(r);
            assertEquals(1, got.size(), "rank " + r + "\n" + job);
            assertTrue(got.get(0).startsWith("ERROR ") && got.get(0).contains(gz
                    + ": a compressed file cannot be split across ranks; give one file per rank or decompress it"),
                    got.get(0));
        }
    }
}
