package daal4j.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import tech.tablesaw.api.Table;

/**
 * Reads numeric CSV into a {@link Matrix}: every field a number, no header unless asked,
 * a trailing comma at the end of a row allowed (daal4py's example files have them), a UTF-8
 * byte-order mark skipped, {@code .gz}, {@code .bz2}, {@code .xz} and {@code .zst} files
 * decompressed as they stream by. Errors name the file, line and column.
 */
public final class Csv {

    private final int skipRows;
    private final char delimiter;
    private final boolean header;

    private Csv(int skipRows, char delimiter, boolean header) {
        this.skipRows = skipRows;
        this.delimiter = delimiter;
        this.header = header;
    }

    /** The default reader: comma-separated, no header. */
    public static Csv reader() {
        return new Csv(0, ',', false);
    }

    /** The same reader skipping the first {@code rows} lines (before the header, if any). */
    public Csv skipRows(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("skipRows must be 0 or more, got " + rows);
        }
        return new Csv(rows, delimiter, header);
    }

    /** The same reader with another delimiter. */
    public Csv delimiter(char d) {
        return new Csv(skipRows, d, header);
    }

    /** The same reader taking the first non-blank line after the skipped rows as column names. */
    public Csv header(boolean on) {
        return new Csv(skipRows, delimiter, on);
    }

    /** Reads a numeric CSV file with the default reader. */
    public static Matrix read(Path file) {
        return reader().readFile(file);
    }

    /** Bytes read from a file at a time: lines are parsed while the rest is still on disk. */
    private static final int CHUNK = 8 << 20;

    /** Bytes read at a time to find a header or a line boundary: a few lines, not a chunk. */
    private static final int PEEK = 64 << 10;

    /** Reads a numeric CSV file (decompressed by its extension: .gz, .bz2, .xz, .zst). */
    public Matrix readFile(Path file) {
        return readWhole(file).matrix();
    }

    /** Reads a CSV file into a table named after the file, its columns named by the header ("0", "1", … without). */
    public Table readTable(Path file) {
        Parse p = readWhole(file);
        Matrix m = p.matrix();
        if (p.names == null) {
            return Tables.toTable(m, file.getFileName().toString());
        }
        Set<String> seen = new HashSet<>();
        for (String name : p.names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException(file + ": line " + p.headerLine + ": the header names column '"
                        + name + "' twice");
            }
        }
        return Tables.toTable(m, file.getFileName().toString(), p.names);
    }

    /** The column names in the file's header line; this reader must have {@code header(true)}. */
    public String[] names(Path file) {
        if (!header) {
            throw new IllegalStateException("names(" + file + "): this reader reads no header; use header(true)");
        }
        Parse p = prefix(file);
        if (p.names == null) {
            throw new IllegalArgumentException(file + ": empty file, no header line");
        }
        return p.names.clone();
    }

    /**
     * Part {@code part} (0-based) of {@code parts} of the file's rows: the data bytes are cut in
     * {@code parts} equal ranges and a line belongs to the range its first byte lies in, so the
     * parts in order hold every row exactly once; a part reads only about its range. A part may
     * hold no rows (then 0 x the file's width). Compressed files cannot be split.
     */
    public Matrix readPart(Path file, int part, int parts) {
        if (parts < 1 || part < 0 || part >= parts) {
            throw new IllegalArgumentException(file + ": part " + part + " of " + parts + " does not exist");
        }
        if (parts == 1) {
            return readFile(file);
        }
        if (compression(file) != null) {
            throw new IllegalArgumentException(file + ": a compressed file cannot be split across ranks;"
                    + " give one file per rank or decompress it");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            // every part reads the BOM, skipped rows and header itself: only to know where the
            // data starts, the names and the width, so an empty part still has the right width
            Parse head = new Parse(file.toString(), -1, 0, true);
            head.stopAtData = true;
            feed(range(ch, 0, size), head, PEEK, file, null);
            if (head.dataStart < 0) {
                return head.matrix(); // no rows at all: the same error as reading it whole
            }
            long d = head.dataStart;
            long span = size - d;
            long from = lineStart(ch, d + span * part / parts, d, size);
            long to = part + 1 == parts ? size : lineStart(ch, d + span * (part + 1) / parts, d, size);
            int width = head.names != null ? head.names.length : head.firstWidth;
            if (from >= to) {
                return Matrix.zeros(0, width);
            }
            Parse p = new Parse(file.toString(), to - from, from, false);
            p.skip = 0;
            p.wantHeader = false;
            p.cols = width;
            p.widthFrom = head.names != null ? "the header" : "the first row";
            p.mayBeHeader = from == d && head.names == null;
            // line numbers are only needed for an error: count the lines before this part then
            p.lineBase = () -> head.dataLine + countNewlines(ch, d, from);
            p.lineTotal = linesIfLarge(ch, from, to);
            feed(range(ch, from, to), p, (int) Math.min(CHUNK, Math.max(1, to - from)), file, null);
            return p.rows == 0 ? Matrix.zeros(0, width) : p.matrix();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Parses CSV text; {@code source} names it in errors. */
    public Matrix parse(String text, String source) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        Parse parse = new Parse(source, b.length, 0, true);
        parse.lines(b, 0, b.length, true);
        return parse.matrix();
    }

    /** The compression named by the file's extension (gz, bz2, xz, zst), or null for plain text. */
    static String compression(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String ext : new String[] {"gz", "bz2", "xz", "zst"}) {
            if (name.endsWith("." + ext)) {
                return ext;
            }
        }
        return null;
    }

    private Parse readWhole(Path file) {
        String kind = compression(file);
        try (InputStream in = open(file, kind)) {
            long size = Files.size(file);
            // a compressed file's size says little about its text: no estimate, grow by doubling
            Parse parse = new Parse(file.toString(), kind == null ? size : -1, 0, true);
            if (kind == null) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                    parse.lineTotal = linesIfLarge(ch, 0, size);
                }
            }
            int first = (int) Math.min(CHUNK, Math.max(1, kind == null ? size : 4 * size));
            feed(in::read, parse, first, file, kind);
            return parse;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw readError(file, kind, -1, e);
        }
    }

    /** Reads the file up to its first row of data: names, width and where the data starts. */
    private Parse prefix(Path file) {
        String kind = compression(file);
        try (InputStream in = open(file, kind)) {
            Parse parse = new Parse(file.toString(), -1, 0, true);
            parse.stopAtData = true;
            feed(in::read, parse, PEEK, file, kind);
            return parse;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw readError(file, kind, -1, e);
        }
    }

    /** The file's bytes, decompressed as they are read when the extension names a compression. */
    private static InputStream open(Path file, String kind) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            if (kind == null) {
                return raw;
            }
            InputStream buffered = new BufferedInputStream(raw, PEEK);
            return switch (kind) {
                case "gz" -> new GZIPInputStream(buffered, PEEK);
                case "bz2" -> new BZip2CompressorInputStream(buffered, true);
                case "xz" -> new XZCompressorInputStream(buffered, true);
                default -> new ZstdCompressorInputStream(buffered);
            };
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        } catch (LinkageError e) {
            // zstd-jni's native library may not load on this platform
            raw.close();
            throw new IllegalArgumentException(file + ": cannot decompress " + kind + " here: " + e, e);
        }
    }

    private static IllegalArgumentException readError(Path file, String kind, long lastLine, Throwable e) {
        if (kind == null) {
            return new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        String format = switch (kind) {
            case "gz" -> "gzip";
            case "bz2" -> "bzip2";
            case "zst" -> "zstd";
            default -> kind;
        };
        String where = lastLine < 0 ? "" : lastLine == 0 ? " at the start" : " after line " + lastLine;
        return new IllegalArgumentException(file + ": truncated or corrupt " + format + " data" + where + " ("
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
    }

    /** Something bytes are read from: like InputStream.read, -1 at the end. */
    private interface Source {
        int read(byte[] b, int off, int len) throws IOException;
    }

    /** Bytes [from, to) of the channel, by positional reads. */
    private static Source range(FileChannel ch, long from, long to) {
        long[] at = {from};
        return (b, off, len) -> {
            if (at[0] >= to) {
                return -1;
            }
            int n = ch.read(ByteBuffer.wrap(b, off, (int) Math.min(len, to - at[0])), at[0]);
            if (n > 0) {
                at[0] += n;
            }
            return n;
        };
    }

    /**
     * Hands the source's lines to {@code parse} a chunk at a time, until the end or until the
     * parse stops; a failing read of compressed data names the last line read.
     */
    private static void feed(Source in, Parse parse, int first, Path file, String kind) {
        byte[] buf = new byte[first];
        int len = 0;
        // a decompressor that fails inside one read loses what it decoded in it: small reads
        // keep that loss to a few lines, so the error can name the line reached
        int step = kind == null ? Integer.MAX_VALUE : PEEK;
        while (true) {
            try {
                while (len < buf.length) {
                    int n = in.read(buf, len, Math.min(step, buf.length - len));
                    if (n < 0) {
                        break;
                    }
                    len += n;
                }
            } catch (IOException | RuntimeException e) {
                // the decompressors report damage as IOExceptions, some as runtime exceptions;
                // the whole lines before it are parsed first, so the error names the line reached
                if (!parse.stopped) {
                    try {
                        parse.lines(buf, 0, len, false);
                    } catch (IllegalArgumentException garbage) {
                        // damaged data may decode to garbage before the damage is detected:
                        // the damage is the error to report
                    }
                }
                throw readError(file, kind, parse.line - 1, e);
            }
            boolean last = len < buf.length;
            int done = parse.lines(buf, 0, len, last);
            if (last || parse.stopped) {
                return;
            }
            // keep the unfinished line for the next chunk; a line longer than the buffer grows it
            len -= done;
            System.arraycopy(buf, done, buf, 0, len);
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, 2 * buf.length);
            }
        }
    }

    /** Where the first line starting at or after {@code pos} starts ({@code d} if pos <= d, {@code size} if none). */
    private static long lineStart(FileChannel ch, long pos, long d, long size) throws IOException {
        if (pos <= d) {
            return d;
        }
        // the line starting at pos if the byte before ends a line, else the one after the next newline
        ByteBuffer buf = ByteBuffer.allocate(PEEK);
        long at = pos - 1;
        while (at < size) {
            buf.clear();
            int n = ch.read(buf, at);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buf.get(i) == '\n') {
                    return at + i + 1;
                }
            }
            at += n;
        }
        return size;
    }

    private static long countNewlines(FileChannel ch, long from, long to) {
        try {
            long count = 0;
            ByteBuffer buf = ByteBuffer.allocateDirect((int) Math.max(8, Math.min(COUNT_BUFFER, to - from)));
            for (long at = from; at < to; ) {
                buf.clear().limit((int) Math.min(buf.capacity(), to - at));
                int n = ch.read(buf, at);
                if (n <= 0) {
                    break;
                }
                int i = 0;
                // eight bytes at a time: the newlines are the zero bytes of the word xor '\n'
                // repeated, counted exactly (no carry crosses a byte in this form)
                for (; i + 8 <= n; i += 8) {
                    long x = buf.getLong(i) ^ NEWLINES;
                    count += Long.bitCount(~(((x & LOW7) + LOW7) | x | LOW7));
                }
                for (; i < n; i++) {
                    count += buf.get(i) == '\n' ? 1 : 0;
                }
                at += n;
            }
            return count;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read to count lines: " + e.getMessage(), e);
        }
    }

    /** Bytes read at a time to count lines. */
    private static final int COUNT_BUFFER = 1 << 20;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

    /**
     * The lines in bytes [from, to) of a large plain file, counted before it is parsed so that
     * the values are allocated once at their final size: growing by an estimate and trimming at
     * the end would hold the values twice at the peak (measured: 7.9 GB for 3.6 GB of values).
     * Reading the bytes twice costs little next to parsing them. -1 for small ranges.
     */
    private static long linesIfLarge(FileChannel ch, long from, long to) throws IOException {
        if (to - from < CHUNK) {
            return -1;
        }
        ByteBuffer last = ByteBuffer.allocate(1);
        ch.read(last, to - 1);
        return countNewlines(ch, from, to) + (last.get(0) == '\n' ? 0 : 1);
    }

    /** The state of one parse, fed whole lines a chunk at a time. */
    private final class Parse {
        private final String source;
        private final long size;    // bytes this parse will see, or -1 when unknown (compressed)
        private final long base;    // where in the file this parse starts
        private boolean atStart = true;
        private final boolean bom;  // whether the input starts at the file's first byte
        private long consumed;      // bytes of the input before the current chunk
        int skip = skipRows;
        boolean wantHeader = header;
        /** The header's names, once read. */
        String[] names;
        long headerLine;
        /** Whether the first row may be a header nobody asked for (then say so). */
        boolean mayBeHeader = !header;
        /** Stop at the first row of data: where it starts, its line and its width. */
        boolean stopAtData;
        boolean stopped;
        long dataStart = -1;
        long dataLine;
        int firstWidth;
        /** Line number of this input's first line in the file (asked only for errors). */
        LongSupplier lineBase = () -> 1;
        private long line = 1;      // of the current line, counted from this input's start
        int cols = -1;
        String widthFrom = "the first row";
        /** The lines of this input when counted beforehand (-1 if not): no row is past them. */
        long lineTotal = -1;
        private double[] values = new double[1024];
        private int count;
        int rows;
        private int lineFrom;       // the current line's bytes, for the header hint
        private int lineTo;

        Parse(String source, long size, long base, boolean bom) {
            this.source = source;
            this.size = size;
            this.base = base;
            this.bom = bom;
        }

        long lineNumber() {
            return lineBase.getAsLong() + line - 1;
        }

        /**
         * Parses the complete lines of b[from, to) (and, when {@code last}, a final line without
         * a newline); returns where the first line not parsed starts.
         */
        int lines(byte[] b, int from, int to, boolean last) {
            int pos = from;
            if (atStart) {
                atStart = false;
                // Excel and Notepad start UTF-8 files with EF BB BF; it is no part of the first field
                if (bom && to - pos >= 3 && b[pos] == (byte) 0xEF && b[pos + 1] == (byte) 0xBB
                        && b[pos + 2] == (byte) 0xBF) {
                    pos += 3;
                }
            }
            while (pos < to) {
                int end = pos;
                while (end < to && b[end] != '\n') {
                    end++;
                }
                if (end == to && !last) {
                    break;
                }
                if (skip > 0) {
                    skip--;
                } else {
                    int lineEnd = end > pos && b[end - 1] == '\r' ? end - 1 : end;
                    if (!isBlank(b, pos, lineEnd)) {
                        if (wantHeader && names == null) {
                            names = header(b, pos, lineEnd);
                            headerLine = lineNumber();
                            cols = names.length;
                            widthFrom = "the header";
                        } else if (stopAtData) {
                            dataStart = base + consumed + (pos - from);
                            dataLine = lineNumber();
                            firstWidth = fields(b, pos, lineEnd);
                            stopped = true;
                            break;
                        } else {
                            add(b, pos, lineEnd);
                        }
                    }
                }
                pos = end + 1;
                line++;
            }
            int done = Math.min(pos, to);
            consumed += done - from;
            return done;
        }

        private void add(byte[] b, int pos, int lineEnd) {
            // a line of n bytes holds at most n / 2 + 1 fields; with the lines counted the values
            // are allocated exactly, so a row may ask only its width (a longer one fails below)
            boolean exact = lineTotal >= 0 && cols > 0;
            int need = exact ? count + cols : count + (lineEnd - pos) / 2 + 1;
            if (need > values.length) {
                // after the first row: room for the rows the rest of the input holds at this
                // row's length, plus a tenth, so the array is grown once, not doubled 17 times
                // (or, with the lines counted, exactly room for every line left, this one included)
                long estimate = cols < 0 || rows == 0 ? need
                        : lineTotal >= 0 ? count + (lineTotal - line + 1) * cols
                        : size < 0 ? need
                        : count + (size - consumed) / Math.max(1, lineEnd + 1 - pos) * cols * 11 / 10 + cols;
                values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8,
                        Math.max(need, Math.max(2L * values.length, estimate))));
            }
            lineFrom = pos;
            lineTo = lineEnd;
            int col;
            try {
                col = row(b, pos, lineEnd, count);
            } catch (ArrayIndexOutOfBoundsException tooLong) {
                col = fields(b, pos, lineEnd); // more fields than the width: the error below
            }
            if (cols < 0) {
                cols = col;
            } else if (col != cols) {
                throw new IllegalArgumentException(source + ": line " + lineNumber() + ": " + col
                        + " fields, expected " + cols + " as in " + widthFrom);
            }
            count += col;
            rows++;
        }

        /**
         * Parses the fields of one line [from, lineEnd) into values from {@code at} on; returns
         * how many there were. A method of its own so that the JIT compiles it whole, not as an
         * on-stack replacement of the file's loop.
         */
        private int row(byte[] b, int from, int lineEnd, int at) {
            // a single trailing delimiter ends the row, it does not open an empty field
            if (b[lineEnd - 1] == delimiter) {
                lineEnd--;
            }
            int col = 0;
            int f = from;
            while (true) {
                int g = f;
                while (g < lineEnd && b[g] != delimiter) {
                    g++;
                }
                values[at + col] = number(b, f, g, col + 1);
                col++;
                if (g >= lineEnd) {
                    return col;
                }
                f = g + 1;
            }
        }

        private double number(byte[] b, int from, int to, int column) {
            while (from < to && (b[from] == ' ' || b[from] == '\t')) {
                from++;
            }
            while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
                to--;
            }
            if (to == from) {
                throw new IllegalArgumentException(source + ": line " + lineNumber() + ", column " + column
                        + ": empty field");
            }
            double fast = simpleDecimal(b, from, to);
            if (!Double.isNaN(fast)) {
                return fast;
            }
            try {
                return Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
            } catch (NumberFormatException e) {
                throw notANumber(b, from, to, column);
            }
        }

        private IllegalArgumentException notANumber(byte[] b, int from, int to, int column) {
            // a first row with no number at all is a header nobody asked for: say so
            if (rows == 0 && mayBeHeader && noNumbers(b, lineFrom, lineTo)) {
                return new IllegalArgumentException(source + ": line " + lineNumber()
                        + " looks like a header: use header(true)");
            }
            return new IllegalArgumentException(source + ": line " + lineNumber() + ", column " + column
                    + ": not a number: '" + new String(b, from, to - from, StandardCharsets.UTF_8) + "'");
        }

        private boolean noNumbers(byte[] b, int from, int to) {
            for (String field : split(b, from, to)) {
                if (isNumber(field)) {
                    return false;
                }
            }
            return true;
        }

        /** The header's names: trimmed, quotes removed, an empty name replaced by its column number. */
        private String[] header(byte[] b, int from, int to) {
            List<String> fields = split(b, from, to);
            boolean allNumbers = true;
            for (String f : fields) {
                allNumbers &= isNumber(f);
            }
            if (allNumbers) {
                throw new IllegalArgumentException(source + ": line " + lineNumber()
                        + " is numeric, not a header (header(true) was asked)");
            }
            String[] names = new String[fields.size()];
            for (int j = 0; j < names.length; j++) {
                String f = fields.get(j);
                names[j] = f.isEmpty() ? Integer.toString(j) : f;
            }
            return names;
        }

        /** The number of fields of a line, as {@link #row} counts them. */
        private int fields(byte[] b, int from, int to) {
            if (b[to - 1] == delimiter) {
                to--;
            }
            int n = 1;
            for (int i = from; i < to; i++) {
                if (b[i] == delimiter) {
                    n++;
                }
            }
            return n;
        }

        /**
         * The fields of a line as text, trimmed, a single trailing delimiter dropped as in rows;
         * a field in double quotes may hold the delimiter ("" is a quote).
         */
        private List<String> split(byte[] b, int from, int to) {
            if (to > from && b[to - 1] == delimiter) {
                to--;
            }
            String text = new String(b, from, to - from, StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"' && field.toString().isBlank()) {
                    field.setLength(0);
                    quoted = true;
                } else if (c == delimiter) {
                    out.add(field.toString().strip());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            out.add(field.toString().strip());
            return out;
        }

        Matrix matrix() {
            if (rows == 0) {
                throw new IllegalArgumentException(source + (names != null
                        ? ": no rows of numbers after the header" : ": empty file, no rows of numbers"));
            }
            return Matrix.wrap(rows, cols, count == values.length ? values : Arrays.copyOf(values, count));
        }
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(String field) {
        String t = field.strip();
        if (t.isEmpty()) {
            return false;
        }
        try {
            Double.parseDouble(t);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Exact parse of plain decimals with at most 15 significant digits and no exponent
     * (integer mantissa and a power of ten both exact in a double, so one division is
     * correctly rounded); NaN means "not that simple, use Double.parseDouble".
     */
    private static double simpleDecimal(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        boolean anyDigit = false;
        for (; i < to; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                anyDigit = true;
                if (mantissa != 0 || c != '0') {
                    digits++;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return Double.NaN;
            }
        }
        if (!anyDigit || digits > 15 || fraction > 22) {
            return Double.NaN;
        }
        double v = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
        return negative ? -v : v;
    }

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int k = 0; k < POW10.length; k++) {
            POW10[k] = p;
            p *= 10;
        }
    }
}
