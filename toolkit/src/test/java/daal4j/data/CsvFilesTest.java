package daal4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Files as users have them: a BOM, a header, compressed, one file split in parts. */
class CsvFilesTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path dir;

    /**
     * The reference: the simplest reading of the rules (BOM, skipped lines, blank lines,
     * header, CR before LF, one trailing comma), independent of the reader under test.
     */
    static double[][] reference(String text, int skip, boolean header) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<double[]> rows = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean headerSeen = !header;
        for (int i = skip; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (!headerSeen) {
                headerSeen = true;
                continue;
            }
            if (line.endsWith(",")) {
                line = line.substring(0, line.length() - 1);
            }
            rows.add(Arrays.stream(line.split(",", -1)).mapToDouble(s -> Double.parseDouble(s.trim())).toArray());
        }
        return rows.toArray(new double[0][]);
    }

    private Path write(String name, byte[]... parts) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.write(p);
        }
        Path f = dir.resolve(name);
        Files.write(f, b.toByteArray());
        return f;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void byteOrderMarkIsSkipped() throws IOException {
        Path f = write("excel.csv", BOM, utf8("1,2\r\n3,4\r\n"));
        assertArrayEquals(new double[] {1, 2, 3, 4}, Csv.read(f).toRowMajor());
        assertArrayEquals(new double[] {1, 2, 3, 4}, Inputs.matrix(f.toString(), "data").toRowMajor());
        Path h = write("excel-header.csv", BOM, utf8("x,y\n1,2\n"));
        assertArrayEquals(new String[] {"x", "y"}, Csv.reader().header(true).names(h));
        assertArrayEquals(new double[] {1, 2}, Csv.reader().header(true).readFile(h).toRowMajor());
        // only at the very start: elsewhere it is a bad token, named as text
        Path mid = write("mid.csv", utf8("1,2\n"), BOM, utf8("3,4\n"));
        assertEquals(mid + ": line 2, column 1: not a number: '\uFEFF3'",
                assertThrows(IllegalArgumentException.class, () -> Csv.read(mid)).getMessage());
    }

    @Test
    void headerGivesNamesAndATable() throws IOException {
        Path f = write("named.csv", utf8("# made by hand\n\n a , \"b,c\" ,\"say \"\"d\"\"\",\n1,2,3,\n4,5,6,\n"));
        Csv reader = Csv.reader().skipRows(1).header(true);
        assertArrayEquals(new String[] {"a", "b,c", "say \"d\""}, reader.names(f));
        Table t = reader.readTable(f);
        assertEquals("named.csv", t.name());
        assertEquals(List.of("a", "b,c", "say \"d\""), t.columnNames());
        assertEquals(2, t.rowCount());
        assertEquals(6.0, t.doubleColumn("say \"d\"").getDouble(1));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, Tables.toMatrix(t).toRowMajor());
        // without a header: columns numbered
        Table plain = Csv.reader().readTable(write("plain.csv", utf8("1,2\n3,4\n")));
        assertEquals(List.of("0", "1"), plain.columnNames());
        assertThrows(IllegalStateException.class, () -> Csv.reader().names(f));
    }

    @Test
    void aHeaderNobodyAskedForIsNamed() throws IOException {
        Path f = write("h.csv", utf8("x,y\n1,2\n"));
        assertEquals(f + ": line 1 looks like a header: use header(true)",
                assertThrows(IllegalArgumentException.class, () -> Csv.read(f)).getMessage());
        assertEquals(f + ": line 2 looks like a header: use header(true)",
                assertThrows(IllegalArgumentException.class,
                        () -> Csv.reader().skipRows(1).readFile(write("h2.csv", utf8("junk\nx,y\n1,2\n")))).getMessage()
                        .replace("h2.csv", "h.csv"));
        // a first row with a number in it is bad data, not a header
        Path bad = write("bad.csv", utf8("1,y\n1,2\n"));
        assertEquals(bad + ": line 1, column 2: not a number: 'y'",
                assertThrows(IllegalArgumentException.class, () -> Csv.read(bad)).getMessage());
        // the same text on a later line is bad data too
        Path later = write("later.csv", utf8("1,2\nx,y\n"));
        assertEquals(later + ": line 2, column 1: not a number: 'x'",
                assertThrows(IllegalArgumentException.class, () -> Csv.read(later)).getMessage());
    }

    @Test
    void headerOnANumericFileIsAnError() throws IOException {
        Path f = write("n.csv", utf8("1,2\n3,4\n"));
        assertEquals(f + ": line 1 is numeric, not a header (header(true) was asked)",
                assertThrows(IllegalArgumentException.class, () -> Csv.reader().header(true).readFile(f)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Csv.reader().header(true).names(f));
        Path h = write("wide.csv", utf8("a,b\n1,2,3\n"));
        assertEquals(h + ": line 2: 3 fields, expected 2 as in the header",
                assertThrows(IllegalArgumentException.class, () -> Csv.reader().header(true).readFile(h)).getMessage());
        Path only = write("only.csv", utf8("a,b\n"));
        assertEquals(only + ": no rows of numbers after the header",
                assertThrows(IllegalArgumentException.class, () -> Csv.reader().header(true).readFile(only)).getMessage());
    }

    private static String randomCsv(long seed, int rows, int cols) {
        Random rnd = new Random(seed);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                s.append(j > 0 ? "," : "").append(String.format(Locale.ROOT, "%." + (1 + rnd.nextInt(8)) + "f",
                        rnd.nextGaussian() * Math.pow(10, rnd.nextInt(4))));
            }
            s.append(i % 7 == 3 ? "\r\n" : "\n");
        }
        return s.toString();
    }

    private interface Compressor {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    private Path compressed(String name, byte[] content, Compressor c) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = c.wrap(Files.newOutputStream(f))) {
            out.write(content);
        }
        return f;
    }

    @Test
    void compressedFilesReadAsTheirText() throws IOException {
        String text = "a,b,c\n" + randomCsv(3, 2000, 3);
        byte[] content = utf8(text);
        Matrix plain = Csv.reader().header(true).readFile(write("p.csv", BOM, content));
        assertArrayEquals(reference(text, 0, true), plain.toArray());
        Compressor[] kinds = {GZIPOutputStream::new, BZip2CompressorOutputStream::new, XZCompressorOutputStream::new,
                ZstdCompressorOutputStream::new};
        String[] ext = {"gz", "bz2", "xz", "zst"};
        for (int k = 0; k < kinds.length; k++) {
            byte[] withBom = new byte[content.length + 3];
            System.arraycopy(BOM, 0, withBom, 0, 3);
            System.arraycopy(content, 0, withBom, 3, content.length);
            Path f = compressed("p.csv." + ext[k], withBom, kinds[k]);
            assertTrue(Files.size(f) < content.length, ext[k]);
            assertArrayEquals(plain.rowMajorView(), Csv.reader().header(true).readFile(f).rowMajorView(), ext[k]);
            assertArrayEquals(new String[] {"a", "b", "c"}, Csv.reader().header(true).names(f), ext[k]);
            // a plain path and the per-rank pattern pick the compression by extension too
            Path g = compressed("q" + k + ".csv." + ext[k], utf8(randomCsv(k, 50, 2)), kinds[k]);
            assertArrayEquals(reference(randomCsv(k, 50, 2), 0, false),
                    Inputs.matrix(Inputs.perRank(dir.resolve("q{}.csv." + ext[k]).toString(), k), "data").toArray(), ext[k]);
            assertArrayEquals(reference(randomCsv(k, 50, 2), 0, false), Inputs.matrix(g.toString(), "data").toArray());
        }
    }

    @Test
    void aTruncatedOrCorruptCompressedFileIsOneClearError() throws IOException {
        String text = randomCsv(9, 10000, 4);
        Path whole = compressed("t.csv.gz", utf8(text), GZIPOutputStream::new);
        byte[] gz = Files.readAllBytes(whole);
        Path cut = write("cut.csv.gz", Arrays.copyOf(gz, gz.length / 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Csv.read(cut));
        assertTrue(e.getMessage().matches("\\Q" + cut + "\\E: truncated or corrupt gzip data after line \\d+ \\(.+\\)"),
                e.getMessage());
        long line = Long.parseLong(e.getMessage().replaceAll(".* after line (\\d+) .*", "$1"));
        assertTrue(line > 100 && line < 10000, e.getMessage());

        Path notGzip = write("not.csv.gz", utf8("1,2\n"));
        assertErrorStarts(notGzip + ": truncated or corrupt gzip data", () -> Csv.read(notGzip));
        byte[] xz = Files.readAllBytes(compressed("t.csv.xz", utf8(text), XZCompressorOutputStream::new));
        Path cutXz = write("cut.csv.xz", Arrays.copyOf(xz, xz.length - 100));
        assertErrorStarts(cutXz + ": truncated or corrupt xz data after line ", () -> Csv.read(cutXz));
        byte[] bz = Files.readAllBytes(compressed("t.csv.bz2", utf8(text), BZip2CompressorOutputStream::new));
        bz[bz.length / 2] ^= 0x55;
        Path badBz = write("bad.csv.bz2", bz);
        // bzip2 decodes a whole block before it gives any of it: the damage may be found at the start
        assertErrorStarts(badBz + ": truncated or corrupt bzip2 data ", () -> Csv.read(badBz));
    }

    @Test
    void aCompressedFileCannotBeSplit() throws IOException {
        Path f = compressed("x.csv.gz", utf8("1,2\n3,4\n"), GZIPOutputStream::new);
        assertEquals(f + ": a compressed file cannot be split across ranks; give one file per rank or decompress it",
                assertThrows(IllegalArgumentException.class, () -> Csv.reader().readPart(f, 1, 2)).getMessage());
        // one part is the whole file
        assertArrayEquals(new double[] {1, 2, 3, 4}, Csv.reader().readPart(f, 0, 1).toRowMajor());
    }

    /** The parts of every split, concatenated in order, are the whole file's rows exactly. */
    @Test
    void partsConcatenateToTheWholeFile() throws IOException {
        record Case(String name, byte[] bytes, int skip, boolean header) { }
        String random = randomCsv(1, 300, 5);
        List<Case> cases = List.of(
                new Case("plain", utf8(random), 0, false),
                new Case("crlf", utf8("1,2\r\n3,4\r\n5,6\r\n7,8\r\n9,10\r\n"), 0, false),
                new Case("no-final-newline", utf8("1,2\n3,4\n5,6\n7,8"), 0, false),
                new Case("blank-lines", utf8("\n\n1,2,\n\n\n3,4,\n \n5,6,\n\n\r\n7,8,\n\n\n"), 0, false),
                new Case("header", utf8("a,b,c\n" + randomCsv(2, 40, 3)), 0, true),
                new Case("bom-skip-header", cat(BOM, utf8("comment\n\nx,y\r\n1,2\r\n3,4\r\n5,6\r\n")), 1, true),
                new Case("bom", cat(BOM, utf8("1,2\n3,4\n")), 0, false),
                new Case("fewer-lines-than-parts", utf8("1,2,3\n4,5,6\n"), 0, false),
                new Case("one-line", utf8("1.5,2.5"), 0, false),
                new Case("long-and-short", utf8("1,2\n" + "3.000000000000000000000000000000000000001,4\n".repeat(3)
                        + "5,6\n7,8\n"), 0, false));
        for (Case c : cases) {
            Path f = write(c.name + ".csv", c.bytes);
            Csv reader = Csv.reader().skipRows(c.skip).header(c.header);
            double[][] expected = reference(new String(c.bytes, StandardCharsets.UTF_8), c.skip, c.header);
            assertArrayEquals(expected, reader.readFile(f).toArray(), c.name);
            int width = expected[0].length;
            for (int n = 1; n <= 7; n++) {
                List<double[]> got = new ArrayList<>();
                for (int part = 0; part < n; part++) {
                    Matrix m = reader.readPart(f, part, n);
                    assertEquals(width, m.cols(), c.name + ": width of part " + part + " of " + n);
                    for (int i = 0; i < m.rows(); i++) {
                        got.add(m.rowAt(i));
                    }
                }
                assertArrayEquals(expected, got.toArray(new double[0][]), c.name + " in " + n + " parts");
            }
        }
    }

    /**
     * Files past the size where the reader counts lines first and allocates the values once:
     * the same rows whole and in parts, with a header, blank lines and no final newline, and a
     * last row with a field too many still named.
     */
    @Test
    void largeFilesAreReadWithTheirLinesCounted() throws IOException {
        String body = randomCsv(5, 170_000, 6);
        assertTrue(body.length() > (8 << 20), "the file must pass the reader's 8 MB chunk: " + body.length());
        String text = "\uFEFFa,b,c,d,e,f\n" + body.replace("\n-0.5", "\n\n-0.5") + "1,2,3,4,5,6";
        Path f = write("large.csv", utf8(text));
        Csv reader = Csv.reader().header(true);
        double[][] expected = reference(text, 0, true);
        assertArrayEquals(expected, reader.readFile(f).toArray());
        for (int n = 2; n <= 3; n++) {
            List<double[]> got = new ArrayList<>();
            for (int part = 0; part < n; part++) {
                Matrix m = reader.readPart(f, part, n);
                for (int i = 0; i < m.rows(); i++) {
                    got.add(m.rowAt(i));
                }
            }
            assertArrayEquals(expected, got.toArray(new double[0][]), "in " + n + " parts");
        }
        Path longLast = write("long-last.csv", utf8(body + "1,2,3,4,5,6,7\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Csv.read(longLast));
        assertEquals(longLast + ": line 170001: 7 fields, expected 6 as in the first row", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Csv.reader().readPart(longLast, 1, 2));
        assertEquals(longLast + ": line 170001: 7 fields, expected 6 as in the first row", e.getMessage());
    }

    @Test
    void aBadLineInAPartIsNamedByItsLineInTheFile() throws IOException {
        StringBuilder s = new StringBuilder("a,b\n");
        for (int i = 0; i < 100; i++) {
            s.append(i).append(',').append(i == 80 ? "oops" : Integer.toString(2 * i)).append('\n');
        }
        s.append("1,2,3\n");
        Path f = write("bad.csv", utf8(s.toString()));
        Csv reader = Csv.reader().header(true);
        // line 82: the header is line 1, value i is on line i + 2
        assertEquals(f + ": line 82, column 2: not a number: 'oops'",
                assertThrows(IllegalArgumentException.class, () -> reader.readPart(f, 3, 4)).getMessage());
        assertEquals(f + ": line 82, column 2: not a number: 'oops'",
                assertThrows(IllegalArgumentException.class, () -> reader.readFile(f)).getMessage());
        Path tail = write("tail.csv", utf8(s.toString().replace("oops", "1")));
        assertEquals(tail + ": line 102: 3 fields, expected 2 as in the header",
                assertThrows(IllegalArgumentException.class, () -> reader.readPart(tail, 3, 4)).getMessage());
        assertEquals(2, reader.readPart(tail, 0, 4).cols());
        Path header = write("unasked.csv", utf8("x,y\n1,2\n3,4\n5,6\n"));
        assertEquals(header + ": line 1 looks like a header: use header(true)",
                assertThrows(IllegalArgumentException.class, () -> Csv.reader().readPart(header, 0, 3)).getMessage());
        Path empty = write("empty.csv", utf8("\n\n"));
        assertEquals(empty + ": empty file, no rows of numbers",
                assertThrows(IllegalArgumentException.class, () -> Csv.reader().readPart(empty, 1, 2)).getMessage());
    }

    @Test
    void splitInputsResolveTheirPart() throws IOException {
        Path f = write("s.csv", utf8("h1,h2,h3\n1,2,3\n4,5,6\n7,8,9\n"));
        Inputs.FileInput in = Inputs.rowsOf(f.toString(), Csv.reader().header(true));
        assertTrue(Inputs.isSplit(in));
        assertEquals(3, Inputs.matrix(in, "data").rows(), "not distributed: the whole file");
        int rows = 0;
        for (int part = 0; part < 3; part++) {
            rows += Inputs.matrix(in, "data", part, 3).rows();
        }
        assertEquals(3, rows);
        assertArrayEquals(new double[] {3, 6, 9}, Inputs.matrix(in.columns(2, 3), "y").toRowMajor());
        assertArrayEquals(new double[] {1, 2, 4, 5, 7, 8}, Inputs.matrix(in.columns(0, 2), "x").toRowMajor());
        Inputs.FileInput whole = Inputs.file(f, Csv.reader().header(true));
        assertEquals(3, Inputs.matrix(whole, "data", 1, 3).rows(), "a file not split is whole on every part");
    }

    private static void assertErrorStarts(String prefix, org.junit.jupiter.api.function.Executable read) {
        String m = assertThrows(IllegalArgumentException.class, read).getMessage();
        assertTrue(m.startsWith(prefix), m);
    }

    private static byte[] cat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
