package daal4j.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * The one dense matrix of daal4j (DAAL's numeric table): rows x cols doubles, row-major,
 * immutable once built. Inputs convert to it and results are made of it.
 */
public final class Matrix {

    private final int rows;
    private final int cols;
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape " + rows + " x " + cols);
        }
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " matrix needs "
                    + (long) rows * cols + " values, got " + data.length);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** A matrix over row-major values, taking ownership of the array (no copy). */
    public static Matrix wrap(int rows, int cols, double[] rowMajor) {
        return new Matrix(rows, cols, rowMajor);
    }

    /** A matrix copied from row-major values. */
    public static Matrix ofRowMajor(int rows, int cols, double[] rowMajor) {
        return new Matrix(rows, cols, rowMajor.clone());
    }

    /** A matrix copied from column-major values. */
    public static Matrix ofColumnMajor(int rows, int cols, double[] colMajor) {
        double[] d = new double[colMajor.length];
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                d[i * cols + j] = colMajor[j * rows + i];
            }
        }
        return new Matrix(rows, cols, d);
    }

    /** A matrix copied from rows; every row must have the same length. */
    public static Matrix of(double[][] rowsOfValues) {
        int n = rowsOfValues.length;
        int p = n == 0 ? 0 : rowsOfValues[0].length;
        double[] d = new double[n * p];
        for (int i = 0; i < n; i++) {
            if (rowsOfValues[i].length != p) {
                throw new IllegalArgumentException("ragged array: row " + i + " has "
                        + rowsOfValues[i].length + " values, row 0 has " + p);
            }
            System.arraycopy(rowsOfValues[i], 0, d, i * p, p);
        }
        return new Matrix(n, p, d);
    }

    /** A one-row matrix. */
    public static Matrix row(double... values) {
        return new Matrix(1, values.length, values.clone());
    }

    /** A one-column matrix. */
    public static Matrix column(double... values) {
        return new Matrix(values.length, 1, values.clone());
    }

    /** A rows x cols matrix of zeros. */
    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new double[rows * cols]);
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of columns. */
    public int cols() {
        return cols;
    }

    /** The value at row i, column j. */
    public double get(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") outside " + rows + " x " + cols);
        }
        return data[i * cols + j];
    }

    /** Row i, copied. */
    public double[] rowAt(int i) {
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    /** Column j, copied. */
    public double[] columnAt(int j) {
        double[] c = new double[rows];
        for (int i = 0; i < rows; i++) {
            c[i] = data[i * cols + j];
        }
        return c;
    }

    /** Rows [from, to) as a new matrix. */
    public Matrix rowRange(int from, int to) {
        if (from < 0 || to > rows || from > to) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") outside 0.." + rows);
        }
        return new Matrix(to - from, cols, Arrays.copyOfRange(data, from * cols, to * cols));
    }

    /** Columns [from, to) as a new matrix. */
    public Matrix columnRange(int from, int to) {
        if (from < 0 || to > cols || from > to) {
            throw new IndexOutOfBoundsException("columns [" + from + ", " + to + ") outside 0.." + cols);
        }
        int w = to - from;
        double[] d = new double[rows * w];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data, i * cols + from, d, i * w, w);
        }
        return new Matrix(rows, w, d);
    }

    /** The p x p identity. */
    public static Matrix identity(int p) {
        double[] d = new double[p * p];
        for (int i = 0; i < p; i++) {
            d[i * p + i] = 1.0;
        }
        return Matrix.wrap(p, p, d);
    }

    /** The rows of the given matrices one after another; all must have the same columns. */
    public static Matrix stack(List<Matrix> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to stack");
        }
        int p = parts.get(0).cols();
        long n = 0;
        for (Matrix m : parts) {
            if (m.cols() != p) {
                throw new IllegalArgumentException("cannot stack a " + m.rows() + " x " + m.cols()
                        + " matrix under ones with " + p + " columns");
            }
            n += m.rows();
        }
        double[] d = new double[Math.toIntExact(n * p)];
        int at = 0;
        for (Matrix m : parts) {
            double[] v = m.rowMajorView();
            System.arraycopy(v, 0, d, at, v.length);
            at += v.length;
        }
        return Matrix.wrap((int) n, p, d);
    }

    /** The columns of {@code a} then those of {@code b}, row by row (same number of rows). */
    public static Matrix sideBySide(Matrix a, Matrix b) {
        if (a.rows() != b.rows()) {
            throw new IllegalArgumentException("cannot put " + a.rows() + " rows beside " + b.rows());
        }
        int n = a.rows();
        int p = a.cols();
        int q = b.cols();
        double[] d = new double[Math.toIntExact((long) n * (p + q))];
        double[] av = a.rowMajorView();
        double[] bv = b.rowMajorView();
        for (int i = 0; i < n; i++) {
            System.arraycopy(av, i * p, d, i * (p + q), p);
            System.arraycopy(bv, i * q, d, i * (p + q) + p, q);
        }
        return Matrix.wrap(n, p + q, d);
    }

    /** A new matrix: row i of this one times {@code factors[i]}. */
    public Matrix scaleRows(double[] factors) {
        Matrix a = this;
        if (factors.length != a.rows()) {
            throw new IllegalArgumentException(factors.length + " row factors for " + a.rows() + " rows");
        }
        double[] d = a.toRowMajor();
        int p = a.cols();
        for (int i = 0; i < factors.length; i++) {
            for (int j = 0; j < p; j++) {
                d[i * p + j] *= factors[i];
            }
        }
        return Matrix.wrap(a.rows(), p, d);
    }

    /** A new matrix: column j of this one times {@code factors[j]}. */
    public Matrix scaleColumns(double[] factors) {
        Matrix a = this;
        if (factors.length != a.cols()) {
            throw new IllegalArgumentException(factors.length + " column factors for " + a.cols() + " columns");
        }
        double[] d = a.toRowMajor();
        int p = a.cols();
        for (int k = 0; k < d.length; k++) {
            d[k] *= factors[k % p];
        }
        return Matrix.wrap(a.rows(), p, d);
    }

    /** The transpose, as a new matrix. */
    public Matrix transpose() {
        return ofColumnMajor(cols, rows, data);
    }

    /**
     * The row-major backing array itself, for kernels that must not copy. Callers must not
     * modify it.
     */
    public double[] rowMajorView() {
        return data;
    }

    /** The values, row-major, copied. */
    public double[] toRowMajor() {
        return data.clone();
    }

    /** The values, column-major (Fortran order), copied. */
    public double[] toColumnMajor() {
        double[] c = new double[data.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                c[j * rows + i] = data[i * cols + j];
            }
        }
        return c;
    }

    /** The values as rows, copied. */
    public double[][] toArray() {
        double[][] a = new double[rows][];
        for (int i = 0; i < rows; i++) {
            a[i] = rowAt(i);
        }
        return a;
    }

    /** The values as a Tablesaw table of double columns named "0", "1", …. */
    public Table toTable() {
        return Tables.toTable(this, "matrix");
    }

    /** The values as a Tablesaw table with the given column names. */
    public Table toTable(String... columnNames) {
        return Tables.toTable(this, "matrix", columnNames);
    }

    /** Whether both have the same shape and values within {@code tol} (absolute). */
    public boolean approxEquals(Matrix other, double tol) {
        if (other.rows != rows || other.cols != cols) {
            return false;
        }
        for (int k = 0; k < data.length; k++) {
            if (!(Math.abs(data[k] - other.data[k]) <= tol)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    /** Shape and values, at most 10 rows and 10 columns shown. */
    @Override
    public String toString() {
        return format(10, 10);
    }

    /** Shape and values, showing at most {@code maxRows} rows and {@code maxCols} columns. */
    public String format(int maxRows, int maxCols) {
        StringBuilder s = new StringBuilder();
        s.append("Matrix ").append(rows).append(" x ").append(cols);
        int showR = Math.min(rows, maxRows);
        int showC = Math.min(cols, maxCols);
        for (int i = 0; i < showR; i++) {
            s.append('\n');
            for (int j = 0; j < showC; j++) {
                s.append(String.format(Locale.ROOT, "%13.6g", data[i * cols + j]));
            }
            if (showC < cols) {
                s.append("  ...");
            }
        }
        if (showR < rows) {
            s.append("\n  ... ").append(rows - showR).append(" more rows");
        }
        return s.toString();
    }
}
