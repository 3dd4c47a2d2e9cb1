package daal4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import daal4j.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSR type: its checks, daal4py's CSR file layout, dense round trips. */
class CsrMatrixTest {

    @TempDir
    Path dir;

    private static final double[][] DENSE = {{0, 2, 0, 1}, {0, 0, 0, 0}, {3, 0, 0, 4}};

    @Test
    void denseRoundTrip() {
        CsrMatrix c = CsrMatrix.fromDense(Matrix.of(DENSE));
        assertEquals(4, c.nnz());
        assertArrayEquals(new int[] {0, 2, 2, 4}, c.rowOffsetsView());
        assertArrayEquals(new int[] {1, 3, 0, 3}, c.columnIndicesView());
        assertArrayEquals(DENSE, c.toDense().toArray());
        assertArrayEquals(new double[][] {{0, 0, 0, 0}, {3, 0, 0, 4}}, c.rowRange(1, 3).toDense().toArray());
    }

    @Test
    void badArraysAreNamed() {
        assertError("x: row offsets end at 3, not at the 4 non-zeros",
                () -> CsrMatrix.of(2, 4, new int[] {0, 2, 3}, new int[] {1, 3, 0, 3}, new double[4], "x"));
        assertError("x: row 1: column indices are not sorted (3 then 0)",
                () -> CsrMatrix.of(2, 4, new int[] {0, 1, 3}, new int[] {1, 3, 0}, new double[3], "x"));
        assertError("x: row 0: column indices repeat 1",
                () -> CsrMatrix.of(1, 4, new int[] {0, 2}, new int[] {1, 1}, new double[2], "x"));
        assertError("x: row 0: column index 4 is outside [0, 4)",
                () -> CsrMatrix.of(1, 4, new int[] {0, 1}, new int[] {4}, new double[1], "x"));
        assertError("x: 2 row offsets for 2 rows (expected rows + 1 = 3)",
                () -> CsrMatrix.of(2, 4, new int[] {0, 1}, new int[] {0}, new double[1], "x"));
        assertError("x: row offsets decrease at row 1 (2 then 0)",
                () -> CsrMatrix.of(3, 4, new int[] {0, 2, 0, 2}, new int[] {0, 1}, new double[2], "x"));
        assertError("x: row offsets start at 1, not 0",
                () -> CsrMatrix.of(1, 4, new int[] {1, 1}, new int[] {}, new double[0], "x"));
    }

    @Test
    void daal4pyFileLayout() throws IOException {
        Path f = dir.resolve("m.csv");
        Files.writeString(f, "1,3,3,5,\n2,4,1,4,\n2,1,3,4,\n");
        CsrMatrix c = CsrMatrix.read(f);
        assertArrayEquals(DENSE, c.toDense().toArray());
        assertEquals(6, CsrMatrix.read(f, 6).cols());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "1,2,\n0,\n5,\n");
        assertError(bad + ": line 2, field 1: column index 0.0 is not a 1-based whole number", () -> CsrMatrix.read(bad));
        Files.writeString(bad, "1,2,\n1,\n");
        assertError(bad + ": a CSR file has 3 lines (row offsets, column indices, values); this one has 2",
                () -> CsrMatrix.read(bad));
    }

    @Test
    void theExampleFilesRead() throws IOException {
        Path f = TestData.repo().resolve("data/daal4py-examples/distributed/kmeans_csr.csv");
        CsrMatrix c = CsrMatrix.read(f);
        String[] lines = Files.readString(f).strip().split("\n");
        assertEquals(lines[0].split(",").length - 1, c.rows());
        assertEquals(lines[2].split(",").length, c.nnz());
    }

    private static void assertError(String message, org.junit.jupiter.api.function.Executable e) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, e).getMessage());
    }
}
