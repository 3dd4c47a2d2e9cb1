package daal4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads numeric CSV into a {@link Matrix}: every field a number, no header unless asked,
 * a trailing comma at the end of a row allowed (daal4py's example files have them).
 * Errors name the file, line and column.
 */
public final class Csv {

    private final int skipRows;
    private final char delimiter;

    private Csv(int skipRows, char delimiter) {
        this.skipRows = skipRows;
        this.delimiter = delimiter;
    }

    /** The default reader: comma-separated, no header. */
    public static Csv reader() {
        return new Csv(0, ',');
    }

    /** The same reader skipping the first {@code rows} lines (e.g. 1 for a header). */
    public Csv skipRows(int rows) {
        return new Csv(rows, delimiter);
    }

    /** The same reader with another delimiter. */
    public Csv delimiter(char d) {
        return new Csv(skipRows, d);
    }

    /** Reads a numeric CSV file with the default reader. */
    public static Matrix read(Path file) {
        return reader().readFile(file);
    }

    /** Bytes read from a file at a time: lines are parsed while the rest is still on disk. */
    private static final int CHUNK = 8 << 20;

    /** Reads a numeric CSV file. */
    public Matrix readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Parse parse = new Parse(file.toString(), Files.size(file));
            byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(1, Files.size(file)))];
            int len = 0;
            while (true) {
                int n = in.readNBytes(buf, len, buf.length - len);
                len += n;
                boolean last = len < buf.length;
                int done = parse.lines(buf, 0, len, last);
                if (last) {
                    return parse.matrix();
                }
                // keep the unfinished line for the next chunk; a line longer than the buffer grows it
                len -= done;
                System.arraycopy(buf, done, buf, 0, len);
                if (len == buf.length) {
                    buf = Arrays.copyOf(buf, 2 * buf.length);
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Parses CSV text; {@code source} names it in errors. */
    public Matrix parse(String text, String source) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        Parse parse = new Parse(source, b.length);
        parse.lines(b, 0, b.length, true);
        return parse.matrix();
    }

    /** The state of one parse, fed whole lines a chunk at a time. */
    private final class Parse {
        private final String source;
        private final long size;
        private long consumed; // bytes of the input before the current chunk
        private int skip = skipRows;
        private int line = 1;
        private int cols = -1;
        private double[] values = new double[1024];
        private int count;
        private int rows;
        private char[] token = new char[64];

        Parse(String source, long size) {
            this.source = source;
            this.size = size;
        }

        /**
         * Parses the complete lines of b[from, to) (and, when {@code last}, a final line without
         * a newline); returns where the first line not parsed starts.
         */
        int lines(byte[] b, int from, int to, boolean last) {
            int pos = from;
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
                    add(b, pos, end);
                }
                pos = end + 1;
                line++;
            }
            consumed += Math.min(pos, to) - from;
            return Math.min(pos, to);
        }

        private void add(byte[] b, int pos, int end) {
            int lineEnd = end > pos && b[end - 1] == '\r' ? end - 1 : end;
            if (isBlank(b, pos, lineEnd)) {
                return;
            }
            // a line of n bytes holds at most n / 2 + 1 fields
            int need = count + (lineEnd - pos) / 2 + 1;
            if (need > values.length) {
                // after the first row: room for the rows the rest of the input holds at this
                // row's length, plus a tenth, so the array is grown once, not doubled 17 times
                long estimate = cols < 0 ? need
                        : count + (size - consumed) / Math.max(1, end + 1 - pos) * cols * 11 / 10 + cols;
                values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8,
                        Math.max(need, Math.max(2L * values.length, estimate))));
            }
            int col = row(b, pos, lineEnd, count);
            if (cols < 0) {
                cols = col;
            } else if (col != cols) {
                throw new IllegalArgumentException(source + ": line " + line + ": " + col
                        + " fields, expected " + cols + " as in the first row");
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
                if (g - f > token.length) {
                    token = new char[g - f];
                }
                values[at + col] = number(b, f, g, token, source, line, col + 1);
                col++;
                if (g >= lineEnd) {
                    return col;
                }
                f = g + 1;
            }
        }

        Matrix matrix() {
            if (rows == 0) {
                throw new IllegalArgumentException(source + ": empty file, no rows of numbers");
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

    private static double number(byte[] b, int from, int to, char[] token, String source, int line, int column) {
        while (from < to && (b[from] == ' ' || b[from] == '\t')) {
            from++;
        }
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
            to--;
        }
        int n = to - from;
        if (n == 0) {
            throw new IllegalArgumentException(source + ": line " + line + ", column " + column + ": empty field");
        }
        double fast = simpleDecimal(b, from, to);
        if (!Double.isNaN(fast)) {
            return fast;
        }
        for (int i = 0; i < n; i++) {
            token[i] = (char) (b[from + i] & 0xff);
        }
        String s = new String(token, 0, n);
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": line " + line + ", column " + column
                    + ": not a number: '" + s + "'");
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
