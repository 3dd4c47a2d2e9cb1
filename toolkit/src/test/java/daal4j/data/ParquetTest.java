package daal4j.data;

import static daal4j.Daal4j.lowOrderMoments;
import static daal4j.Daal4j.myProcid;
import static daal4j.testing.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.algorithms.moments.LowOrderMomentsResult;
import daal4j.spmd.Spmd;
import daal4j.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.Table;

/**
 * Parquet inputs, against files written by pyarrow (src/test/resources/parquet/make_parquet.py)
 * and the values it wrote next to them as CSV.
 */
class ParquetTest {

    private static final String[] MIXED = {"i32", "i64", "f32", "f64", "flag"};

    private static Path file(String name) {
        return TestData.repo().resolve("toolkit/src/test/resources/parquet").resolve(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mixed", "unequal", "single"})
    void readEqualsTheValuesPyarrowWrote(String name) {
        Matrix expected = Csv.read(file(name + ".csv"));
        Matrix got = Parquet.read(file(name + ".parquet"));
        assertEquals(expected.rows(), got.rows());
        assertEquals(expected.cols(), got.cols());
        assertArrayEquals(expected.rowMajorView(), got.rowMajorView(), 0.0, name);
    }

    @Test
    void namesAreTheFilesColumns() {
        assertArrayEquals(MIXED, Parquet.names(file("mixed.parquet")));
        assertArrayEquals(MIXED, Parquet.names(file("unequal.parquet")));
        assertArrayEquals(new String[] {"f64", "i32"}, Parquet.names(file("single.parquet")));
        // a string column is still named; only reading it is an error
        assertArrayEquals(new String[] {"x", "name", "y"}, Parquet.names(file("strings.parquet")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mixed", "unequal", "single"})
    void partsConcatenateToTheWholeFile(String name) {
        Path f = file(name + ".parquet");
        Matrix whole = Parquet.read(f);
        for (int parts = 1; parts <= 6; parts++) {
            double[] joined = new double[0];
            int rows = 0;
            for (int r = 0; r < parts; r++) {
                Matrix part = Parquet.readPart(f, r, parts);
                assertEquals(whole.cols(), part.cols(), name + " part " + r + " of " + parts);
                int n = joined.length;
                joined = Arrays.copyOf(joined, n + part.rowMajorView().length);
                System.arraycopy(part.rowMajorView(), 0, joined, n, part.rowMajorView().length);
                rows += part.rows();
            }
            assertEquals(whole, Matrix.wrap(rows, whole.cols(), joined), name + " in " + parts + " parts");
        }
    }

    @Test
    void partsAreWholeRowGroupsBalancedByRows() {
        // unequal.parquet's row groups hold 7, 120, 1, 60, 90, 22 rows: middles at rows
        // 3.5, 67, 127.5, 158, 233, 289 of 300
        Path f = file("unequal.parquet");
        int[] two = {Parquet.readPart(f, 0, 2).rows(), Parquet.readPart(f, 1, 2).rows()};
        assertArrayEquals(new int[] {128, 172}, two);
        int[] three = {Parquet.readPart(f, 0, 3).rows(), Parquet.readPart(f, 1, 3).rows(),
            Parquet.readPart(f, 2, 3).rows()};
        assertArrayEquals(new int[] {127, 61, 112}, three);
    }

    @Test
    void aPartWithNoRowGroupIsEmptyWithTheFilesWidth() {
        // single.parquet has one row group: it goes to the part holding its middle row
        Path f = file("single.parquet");
        Matrix a = Parquet.readPart(f, 0, 3);
        Matrix b = Parquet.readPart(f, 1, 3);
        Matrix c = Parquet.readPart(f, 2, 3);
        assertEquals(0, a.rows());
        assertEquals(2, a.cols());
        assertEquals(20, b.rows());
        assertEquals(0, c.rows());
        assertEquals(2, c.cols());
    }

    @Test
    void badPartNumbersAreAnError() {
        Path f = file("single.parquet");
        assertThrows(IllegalArgumentException.class, () -> Parquet.readPart(f, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> Parquet.readPart(f, -1, 3));
        assertThrows(IllegalArgumentException.class, () -> Parquet.readPart(f, 0, 0));
    }

    @Test
    void aStringColumnIsAnErrorNamingFileColumnAndType() {
        Path f = file("strings.parquet");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parquet.read(f));
        assertEquals(f + ": column 'name' is BINARY (string), not numeric", e.getMessage());
    }

    @Test
    void aNullIsAnErrorNamingFileRowGroupRowAndColumn() {
        Path f = file("nulls.parquet");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parquet.read(f));
        assertEquals(f + ": row group 1, row 1 (file row 4), column 'b': null value", e.getMessage());
        // the part without the null reads
        assertEquals(Matrix.of(new double[][] {{1, 1}, {2, 2}, {3, 3}}), Parquet.readPart(f, 0, 2));
    }

    @Test
    void aMissingFileIsAnError(@TempDir Path dir) {
        Path f = dir.resolve("x.parquet");
        assertEquals(f + ": no such file",
                assertThrows(IllegalArgumentException.class, () -> Parquet.read(f)).getMessage());
        assertEquals(f + ": no such file",
                assertThrows(IllegalArgumentException.class, () -> Parquet.names(f)).getMessage());
    }

    @Test
    void aFileThatIsNotParquetIsAnError(@TempDir Path dir) throws Exception {
        Path csv = file("single.csv");
        assertEquals(csv + ": not a Parquet file (it does not start with PAR1)",
                assertThrows(IllegalArgumentException.class, () -> Parquet.read(csv)).getMessage());
        Path empty = Files.createFile(dir.resolve("empty.parquet"));
        assertEquals(empty + ": not a Parquet file (it does not start with PAR1, 0 bytes)",
                assertThrows(IllegalArgumentException.class, () -> Parquet.read(empty)).getMessage());
    }

    @Test
    void aTruncatedFileIsAnError(@TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(file("mixed.parquet"));
        Path f = Files.write(dir.resolve("half.parquet"), Arrays.copyOf(whole, whole.length / 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parquet.read(f));
        assertEquals(f + ": truncated or damaged Parquet file (no PAR1 footer at its end, "
                + whole.length / 2 + " bytes)", e.getMessage());
    }

    @Test
    void aDamagedRowGroupIsAnErrorNamingIt(@TempDir Path dir) throws Exception {
        // the footer intact but the pages overwritten: the library's decoding error, with the file
        byte[] b = Files.readAllBytes(file("mixed.parquet"));
        Arrays.fill(b, 4, b.length / 3, (byte) 0x5a);
        Path f = Files.write(dir.resolve("damaged.parquet"), b);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parquet.read(f));
        assertTrue(e.getMessage().startsWith(f + ": row group 0: damaged data ("), e.getMessage());
    }

    @Test
    void aDamagedFooterIsAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
        byte[] b = Files.readAllBytes(file("mixed.parquet"));
        Arrays.fill(b, b.length - 200, b.length - 8, (byte) 0x5a);
        Path f = Files.write(dir.resolve("footer.parquet"), b);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parquet.names(f));
        assertTrue(e.getMessage().startsWith(f + ": damaged Parquet footer ("), e.getMessage());
    }

    @Test
    void readTableKeepsTheColumnNames() {
        Table t = Parquet.readTable(file("mixed.parquet"));
        assertEquals("mixed", t.name());
        assertEquals(List.of(MIXED), t.columnNames());
        assertEquals(Parquet.read(file("mixed.parquet")), Tables.toMatrix(t));
    }

    @Test
    void inputsReadsParquetPaths() {
        Matrix expected = Csv.read(file("unequal.csv"));
        assertEquals(expected, Inputs.matrix(file("unequal.parquet"), "data"));
        assertEquals(expected, Inputs.matrix(file("unequal.parquet").toString(), "data"));
        String strings = file("strings.parquet").toString();
        assertEquals(strings + ": column 'name' is BINARY (string), not numeric",
                assertThrows(IllegalArgumentException.class, () -> Inputs.matrix(strings, "data")).getMessage());
    }

    @Test
    void momentsOnThreeRanksReadingTheirPartsEqualBatch() {
        Path f = file("unequal.parquet");
        LowOrderMomentsResult batch = lowOrderMoments().compute(Parquet.read(f));
        List<LowOrderMomentsResult> ranks = Spmd.local(3).call(() ->
                lowOrderMoments().distributed(true).compute(Parquet.readPart(f, myProcid(), 3)));
        for (LowOrderMomentsResult r : ranks) {
            for (String field : new String[] {"minimum", "maximum", "sum", "sumSquares", "sumSquaresCentered",
                "mean", "secondOrderRawMoment", "variance", "standardDeviation", "variation"}) {
                assertClose((Matrix) batch.get(field), (Matrix) r.get(field), 1e-10, field);
            }
        }
    }
}
