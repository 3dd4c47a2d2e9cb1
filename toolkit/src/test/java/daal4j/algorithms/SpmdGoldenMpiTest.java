package daal4j.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.spmd.Spmd;
import daal4j.testing.MpiRun;
import daal4j.testing.mains.SpmdGoldens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparisons of {@link SpmdGoldens} with daal4py's 4-rank SPMD goldens, on 4 real Open MPI
 * ranks ({@code mpirun -n 4}): every rank passes every one, and makes the same ones as on 4 local
 * ranks.
 */
class SpmdGoldenMpiTest {

    @TempDir
    Path dir;

    @Test
    void fourMpiRanksMatchDaal4pySpmd() throws IOException {
        MpiRun.Result job = MpiRun.ranks(4).timeout(Duration.ofSeconds(300)).run(SpmdGoldens.class, dir.toString())
                .assertSucceeded();
        List<List<String>> local = Spmd.local(4).call(() -> {
            List<String> lines = new ArrayList<>();
            for (String family : SpmdGoldens.FAMILIES) {
                lines.addAll(SpmdGoldens.check(family).lines());
            }
            return lines;
        });
        for (int r = 0; r < 4; r++) {
            List<String> lines = Files.readAllLines(dir.resolve("rank" + r + ".txt"));
            lines.forEach(System.out::println);
            List<String> failures = lines.stream().filter(l -> l.startsWith("FAIL")).toList();
            assertTrue(failures.isEmpty(), String.join("\n", failures) + "\n" + job);
            assertEquals(names(local.get(r)), names(lines), "rank " + r + ": the comparisons made");
            assertTrue(lines.size() > 90, "rank " + r + " made " + lines.size() + " comparisons");
        }
    }

    private static List<String> names(List<String> lines) {
        return lines.stream().map(l -> l.split(" ")[2]).toList();
    }
}
