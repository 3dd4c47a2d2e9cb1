package daal4j.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the data and golden files the tests read, from the repository root. */
public final class TestData {

    private TestData() {
    }

    /** The repository root (set by the build as daal4j.repo, else found upwards from here). */
    public static Path repo() {
        String prop = System.getProperty("daal4j.repo");
        if (prop != null && Files.isDirectory(Path.of(prop, "data"))) {
            return Path.of(prop);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data/daal4py-examples"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository's data/ folder");
        }
        return p;
    }

    /** A file of daal4py's example data, e.g. {@code example("distributed/qr_1.csv")}. */
    public static Path example(String relative) {
        return repo().resolve("data/daal4py-examples").resolve(relative);
    }

    /** A folder of golden outputs made by daal4py, e.g. {@code golden("kmeans_spmd")}. */
    public static Path golden(String name) {
        return repo().resolve("toolkit/src/test/resources/golden").resolve(name);
    }
}
