package daal4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {

    private static Matrix parse(String text) {
        return Csv.reader().parse(text, "t.csv");
    }

    @Test
    void readsPlainRowsWithoutHeader() {
        Matrix m = parse("1,2,3\n4.5,-6,7e2\n");
        assertEquals(2, m.rows());
        assertEquals(3, m.cols());
        assertArrayEquals(new double[] {1, 2, 3, 4.5, -6, 700}, m.toRowMajor());
    }

    @Test
    void acceptsTrailingCommasCrlfAndBlankLines() {
        Matrix m = parse("1,2,\r\n\r\n3,4,\r\n");
        assertArrayEquals(new double[] {1, 2, 3, 4}, m.toRowMajor());
    }

    @Test
    void skipsAHeaderWhenAsked() {
        Matrix m = Csv.reader().skipRows(1).parse("a,b\n1,2\n", "h.csv");
        assertArrayEquals(new double[] {1, 2}, m.toRowMajor());
    }

    @Test
    void raggedRowNamesFileAndLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("1,2\n3,4\n5\n"));
        assertEquals("t.csv: line 3: 1 fields, expected 2 as in the first row", e.getMessage());
    }

    @Test
    void textTokenNamesLineAndColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("1,2\n3,abc\n"));
        assertEquals("t.csv: line 2, column 2: not a number: 'abc'", e.getMessage());
    }

    @Test
    void emptyFieldAndEmptyFileAreErrors() {
        assertEquals("t.csv: line 1, column 2: empty field",
                assertThrows(IllegalArgumentException.class, () -> parse("1,,3\n")).getMessage());
        assertEquals("t.csv: empty file, no rows of numbers",
                assertThrows(IllegalArgumentException.class, () -> parse("\n\n")).getMessage());
    }

    @Test
    void missingFileIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Csv.read(Path.of("no/such/file3.csv")));
        assertEquals("no/such/file3.csv: no such file", e.getMessage());
    }

    @Test
    void fastPathAgreesWithParseDoubleBitForBit() {
        Random rnd = new Random(7);
        StringBuilder text = new StringBuilder();
        int count = 20000;
        String[] tokens = new String[count];
        for (int i = 0; i < count; i++) {
            String t = switch (i % 5) {
                case 0 -> String.format(Locale.ROOT, "%.6f", rnd.nextGaussian() * 100);
                case 1 -> Long.toString(rnd.nextLong() % 1_000_000_000_000L);
                case 2 -> String.format(Locale.ROOT, "%.15f", rnd.nextDouble());
                case 3 -> Double.toString(rnd.nextDouble() * Math.pow(10, rnd.nextInt(40) - 20));
                default -> "-0." + Long.toString(Math.abs(rnd.nextLong()) % 100000000000000L);
            };
            tokens[i] = t;
            text.append(t).append(i % 4 == 3 ? "\n" : ",");
        }
        double[] got = parse(text.toString()).rowMajorView();
        for (int i = 0; i < count; i++) {
            assertEquals(Double.doubleToLongBits(Double.parseDouble(tokens[i])), Double.doubleToLongBits(got[i]),
                    tokens[i]);
        }
    }

    @Test
    void readsDaal4pyExampleFilesWithTrailingCommas() {
        Matrix m = Csv.read(TestData.example("batch/covcormoments_dense.csv"));
        assertEquals(200, m.rows());
        assertEquals(10, m.cols());
        assertEquals(-9.948613, minOf(m.columnAt(0)), 0);
    }

    @Test
    void readsFromAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.csv");
        Files.writeString(f, "1.5,2\n3,4\n");
        assertTrue(Csv.read(f).approxEquals(Matrix.of(new double[][] {{1.5, 2}, {3, 4}}), 0));
    }

    /**
     * A file larger than the reader's 8 MB chunk, with a header, CRLF and LF lines of varying
     * length, blank lines and trailing commas: lines cut by chunk ends read as the same text
     * parsed in one piece, and a ragged row far into the file is named by its line.
     */
    @Test
    void filesLargerThanAChunkReadAsTheirText(@TempDir Path dir) throws Exception {
        Random rnd = new Random(5);
        StringBuilder text = new StringBuilder("a,b,c,d,e\n");
        for (int i = 0; i < 250_000; i++) {
            for (int j = 0; j < 5; j++) {
                text.append(j > 0 ? "," : "").append(String.format(Locale.ROOT, "%." + (1 + rnd.nextInt(9)) + "f",
                        rnd.nextGaussian() * Math.pow(10, rnd.nextInt(5))));
            }
            text.append(i % 3 == 0 ? ",\r\n" : i % 1000 == 7 ? "\n\n" : "\n");
        }
        assertTrue(text.length() > 9 << 20, "the file must span chunks: " + text.length());
        Path f = dir.resolve("big.csv");
        Files.writeString(f, text);
        Matrix read = Csv.reader().skipRows(1).readFile(f);
        Matrix parsed = Csv.reader().skipRows(1).parse(text.toString(), "text");
        assertEquals(250_000, read.rows());
        assertArrayEquals(parsed.rowMajorView(), read.rowMajorView());

        Files.writeString(f, text + "1,2,3\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Csv.reader().skipRows(1).readFile(f));
        assertTrue(e.getMessage().contains("line " + (text.toString().split("\n", -1).length) + ": 3 fields"), e.getMessage());
    }

    private static double minOf(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }
}
