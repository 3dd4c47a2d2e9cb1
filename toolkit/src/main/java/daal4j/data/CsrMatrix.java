package daal4j.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A sparse matrix in compressed sparse row form, 0-based: row i holds the values
 * {@code values[rowOffsets[i] .. rowOffsets[i + 1])} in the columns
 * {@code columnIndices[...]}, strictly increasing within a row (scipy's canonical CSR).
 * Immutable; checked when built, so kernels can trust it.
 */
public final class CsrMatrix {

    private final int rows;
    private final int cols;
    private final int[] rowOffsets;
    private final int[] columnIndices;
    private final double[] values;

    private CsrMatrix(int rows, int cols, int[] rowOffsets, int[] columnIndices, double[] values) {
        this.rows = rows;
        this.cols = cols;
        this.rowOffsets = rowOffsets;
        this.columnIndices = columnIndices;
        this.values = values;
    }

    /**
     * A CSR matrix of the given arrays (kept, not copied); {@code what} names it in errors.
     * Offsets must start at 0, never decrease and end at the number of values; each row's
     * column indices must be in [0, cols) and strictly increasing (sorted, no duplicates).
     */
    public static CsrMatrix of(int rows, int cols, int[] rowOffsets, int[] columnIndices, double[] values, String what) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException(what + ": shape " + rows + " x " + cols + " is negative");
        }
        if (rowOffsets == null || columnIndices == null || values == null) {
            throw new IllegalArgumentException(what + ": row offsets, column indices and values are all needed");
        }
        if (rowOffsets.length != rows + 1) {
            throw new IllegalArgumentException(what + ": " + rowOffsets.length + " row offsets for " + rows
                    + " rows (expected rows + 1 = " + (rows + 1) + ")");
        }
        if (columnIndices.length != values.length) {
            throw new IllegalArgumentException(what + ": " + columnIndices.length + " column indices but "
                    + values.length + " values");
        }
        if (rowOffsets[0] != 0) {
            throw new IllegalArgumentException(what + ": row offsets start at " + rowOffsets[0] + ", not 0");
        }
        if (rowOffsets[rows] != values.length) {
            throw new IllegalArgumentException(what + ": row offsets end at " + rowOffsets[rows] + ", not at the "
                    + values.length + " non-zeros");
        }
        for (int i = 0; i < rows; i++) {
            int from = rowOffsets[i];
            int to = rowOffsets[i + 1];
            if (to < from) {
                throw new IllegalArgumentException(what + ": row offsets decrease at row " + i + " (" + from + " then "
                        + to + ")");
            }
            for (int k = from; k < to; k++) {
                int j = columnIndices[k];
                if (j < 0 || j >= cols) {
                    throw new IllegalArgumentException(what + ": row " + i + ": column index " + j + " is outside [0, "
                            + cols + ")");
                }
                if (k > from && j <= columnIndices[k - 1]) {
                    throw new IllegalArgumentException(what + ": row " + i + ": column indices "
                            + (j == columnIndices[k - 1] ? "repeat " + j : "are not sorted (" + columnIndices[k - 1]
                            + " then " + j + ")"));
                }
            }
        }
        return new CsrMatrix(rows, cols, rowOffsets, columnIndices, values);
    }

    /** {@link #of(int, int, int[], int[], double[], String)} naming the matrix "data" in errors. */
    public static CsrMatrix of(int rows, int cols, int[] rowOffsets, int[] columnIndices, double[] values) {
        return of(rows, cols, rowOffsets, columnIndices, values, "data");
    }

    /** The non-zeros of a dense matrix. */
    public static CsrMatrix fromDense(Matrix m) {
        int nnz = 0;
        double[] d = m.rowMajorView();
        for (double v : d) {
            nnz += v != 0 ? 1 : 0;
        }
        int[] offsets = new int[m.rows() + 1];
        int[] indices = new int[nnz];
        double[] vals = new double[nnz];
        int k = 0;
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                double v = d[i * m.cols() + j];
                if (v != 0) {
                    indices[k] = j;
                    vals[k++] = v;
                }
            }
            offsets[i + 1] = k;
        }
        return new CsrMatrix(m.rows(), m.cols(), offsets, indices, vals);
    }

    /**
     * Reads a CSR file in daal4py's example layout: three lines of comma-separated numbers, the
     * row offsets and the column indices 1-based, then the values. The width is the largest
     * column index (as scipy infers it) unless {@code cols} (> 0) is given.
     */
    public static CsrMatrix read(Path file, int cols) {
        String[] lines = new String[3];
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                if (n == 3) {
                    throw new IllegalArgumentException(file + ": a CSR file has 3 lines (row offsets, column indices,"
                            + " values); this one has more");
                }
                lines[n++] = line;
            }
            if (n < 3) {
                throw new IllegalArgumentException(file + ": a CSR file has 3 lines (row offsets, column indices,"
                        + " values); this one has " + n);
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        double[] offsets = numbers(lines[0], file, 1);
        double[] indices = numbers(lines[1], file, 2);
        double[] vals = numbers(lines[2], file, 3);
        int[] o = oneBased(offsets, file, 1, "row offset");
        int[] c = oneBased(indices, file, 2, "column index");
        int width = cols;
        if (width <= 0) {
            width = 0;
            for (int j : c) {
                width = Math.max(width, j + 1);
            }
        }
        return of(o.length - 1, width, o, c, vals, file.toString());
    }

    /** {@link #read(Path, int)} with the width inferred. */
    public static CsrMatrix read(Path file) {
        return read(file, 0);
    }

    private static double[] numbers(String line, Path file, int lineNo) {
        String[] fields = line.split(",", -1);
        int n = fields.length;
        if (n > 0 && fields[n - 1].isBlank()) {
            n--; // daal4py's files end each line with a comma
        }
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            try {
                out[k] = Double.parseDouble(fields[k].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ": line " + lineNo + ", field " + (k + 1) + ": not a number: '"
                        + fields[k].trim() + "'");
            }
        }
        return out;
    }

    private static int[] oneBased(double[] v, Path file, int lineNo, String what) {
        int[] out = new int[v.length];
        for (int k = 0; k < v.length; k++) {
            if (v[k] != Math.rint(v[k]) || v[k] < 1 || v[k] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(file + ": line " + lineNo + ", field " + (k + 1) + ": " + what + " "
                        + v[k] + " is not a 1-based whole number");
            }
            out[k] = (int) v[k] - 1;
        }
        return out;
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of columns. */
    public int cols() {
        return cols;
    }

    /** Number of stored values. */
    public int nnz() {
        return values.length;
    }

    /** The row offsets (rows + 1 of them), not copied: do not modify. */
    public int[] rowOffsetsView() {
        return rowOffsets;
    }

    /** The column indices, not copied: do not modify. */
    public int[] columnIndicesView() {
        return columnIndices;
    }

    /** The values, not copied: do not modify. */
    public double[] valuesView() {
        return values;
    }

    /** Rows [from, to) as a CSR matrix of their own (copies their part of the arrays). */
    public CsrMatrix rowRange(int from, int to) {
        if (from < 0 || to > rows || from > to) {
            throw new IllegalArgumentException("rows [" + from + ", " + to + ") of a " + rows + "-row matrix");
        }
        int base = rowOffsets[from];
        int[] o = new int[to - from + 1];
        for (int i = from; i <= to; i++) {
            o[i - from] = rowOffsets[i] - base;
        }
        return new CsrMatrix(to - from, cols, o, Arrays.copyOfRange(columnIndices, base, rowOffsets[to]),
                Arrays.copyOfRange(values, base, rowOffsets[to]));
    }

    /** The dense form (for small matrices and tests: algorithms never call it). */
    public Matrix toDense() {
        double[] d = new double[Math.multiplyExact(rows, cols)];
        for (int i = 0; i < rows; i++) {
            for (int k = rowOffsets[i]; k < rowOffsets[i + 1]; k++) {
                d[i * cols + columnIndices[k]] = values[k];
            }
        }
        return Matrix.wrap(rows, cols, d);
    }

    @Override
    public String toString() {
        return "CsrMatrix " + rows + " x " + cols + ", " + values.length + " non-zeros";
    }
}
