package daal4j.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.spmd.Spmd;
import daal4j.testing.mains.SpmdGoldens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every daal4py 2024.7.0 4-rank SPMD golden ({@code golden/*_spmd}) against daal4j with
 * {@code distributed(true)} on 4 local ranks, each reading the rows daal4py's rank read; the
 * comparisons and the documented differences are in {@link SpmdGoldens}.
 */
class SpmdGoldenTest {

    static List<String> families() {
        return SpmdGoldens.FAMILIES;
    }

    @ParameterizedTest
    @MethodSource("families")
    void fourLocalRanksMatchDaal4pySpmd(String family) {
        List<SpmdGoldens.Report> reports = Spmd.local(4).call(() -> SpmdGoldens.check(family));
        List<String> failures = new ArrayList<>();
        for (SpmdGoldens.Report r : reports) {
            r.lines().forEach(System.out::println);
            failures.addAll(r.failures());
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        // every rank made the same comparisons, and there were some
        List<String> names = names(reports.get(0));
        assertTrue(names.size() >= 3, names.toString());
        for (SpmdGoldens.Report r : reports) {
            assertEquals(names, names(r));
        }
    }

    private static List<String> names(SpmdGoldens.Report r) {
        return r.lines().stream().map(l -> l.split(" ")[2].replaceAll("_rank\\d", "_rank")).toList();
    }
}
