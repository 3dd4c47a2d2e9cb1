package daal4j.data;

import java.io.IOException;
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

    /** Reads a numeric CSV file. */
    public Matrix readFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        }
        return parse(bytes, file.toString());
    }

    /** Parses CSV text; {@code source} names it in errors. */
    public Matrix parse(String text, String source) {
        return parse(text.getBytes(StandardCharsets.UTF_8), source);
    }

    private Matrix parse(byte[] b, String source) {
        int pos = 0;
        int line = 1;
        for (int s = 0; s < skipRows && pos < b.length; s++, line++) {
            while (pos < b.length && b[pos] != '\n') {
                pos++;
            }
            pos++;
        }
        int cols = -1;
        double[] values = new double[1024];
        int count = 0;
        int rows = 0;
        char[] token = new char[64];
        while (pos < b.length) {
            int end = pos;
            while (end < b.length && b[end] != '\n') {
                end++;
            }
            int lineEnd = end > pos && b[end - 1] == '\r' ? end - 1 : end;
            if (isBlank(b, pos, lineEnd)) {
                pos = end + 1;
                line++;
                continue;
            }
            // a single trailing delimiter ends the row, it does not open an empty field
            if (b[lineEnd - 1] == delimiter) {
                lineEnd--;
            }
            int col = 0;
            int f = pos;
            while (true) {
                int g = f;
                while (g < lineEnd && b[g] != delimiter) {
                    g++;
                }
                if (count == values.length) {
                    values = Arrays.copyOf(values, values.length * 2);
                }
                if (g - f > token.length) {
                    token = new char[g - f];
                }
                values[count++] = number(b, f, g, token, source, line, col + 1);
                col++;
                if (g >= lineEnd) {
                    break;
                }
                f = g + 1;
            }
            if (cols < 0) {
                cols = col;
            } else if (col != cols) {
                throw new IllegalArgumentException(source + ": line " + line + ": " + col
                        + " fields, expected " + cols + " as in the first row");
            }
            rows++;
            pos = end + 1;
            line++;
        }
        if (rows == 0) {
            throw new IllegalArgumentException(source + ": empty file, no rows of numbers");
        }
        return Matrix.wrap(rows, cols, count == values.length ? values : Arrays.copyOf(values, count));
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
