package daal4j.data;

import java.nio.file.Path;
import tech.tablesaw.api.Table;

/**
 * Turns whatever daal4py accepts as data into a {@link Matrix}: a matrix, {@code double[][]},
 * a 1-d {@code double[]} or {@code int[]} (one column), a Tablesaw table, a CSV or Parquet path, or a
 * {@link FileInput}: a file read with a given reader, or one file split across ranks
 * ({@link #rowsOf}).
 */
public final class Inputs {

    private Inputs() {
    }

    /** The data as a matrix; {@code what} names the argument in errors ("data", "labels" …). */
    public static Matrix matrix(Object data, String what) {
        return matrix(data, what, 0, 1);
    }

    /**
     * The data as a matrix, and of a file split across ranks ({@link #rowsOf}) only part
     * {@code part} of {@code parts}; any other input is taken whole.
     */
    public static Matrix matrix(Object data, String what, int part, int parts) {
        if (data instanceof FileInput f) {
            return f.read(part, parts);
        }
        if (data == null) {
            throw new IllegalArgumentException(what + " is missing (null)");
        }
        if (data instanceof Matrix m) {
            return m;
        }
        if (data instanceof double[][] a) {
            return Matrix.of(a);
        }
        if (data instanceof double[] v) {
            return Matrix.column(v);
        }
        if (data instanceof int[] v) {
            double[] d = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                d[i] = v[i];
            }
            return Matrix.wrap(v.length, 1, d);
        }
        if (data instanceof Table t) {
            return Tables.toMatrix(t);
        }
        if (data instanceof Path || data instanceof String) {
            return readRows(path(data), Csv.reader(), 0, 1);
        }
        throw new IllegalArgumentException(what + ": cannot use a " + data.getClass().getName()
                + "; give a Matrix, double[][], Tablesaw Table, or CSV or Parquet path");
    }

    /** Whether the data is one file split across ranks (from {@link #rowsOf}). */
    public static boolean isSplit(Object data) {
        return data instanceof FileInput f && f.split;
    }

    /**
     * One file ({@code String} or {@code Path}) split across ranks: each rank of a distributed
     * algorithm reads only its own part (see {@link Csv#readPart}); read whole elsewhere.
     */
    public static FileInput rowsOf(Object file) {
        return rowsOf(file, Csv.reader());
    }

    /** One file split across ranks, read with {@code reader}'s header, skipRows and delimiter. */
    public static FileInput rowsOf(Object file, Csv reader) {
        return new FileInput(path(file), reader, true, 0, -1);
    }

    /** One file read whole with {@code reader} (e.g. this rank's file with a header). */
    public static FileInput file(Object file, Csv reader) {
        return new FileInput(path(file), reader, false, 0, -1);
    }

    /**
     * A file as an input: read whole, or split across ranks; optionally only some columns, so
     * that data and dependentData (or labels) can come from the same rows of one split file.
     */
    public static final class FileInput {

        private final Path file;
        private final Csv reader;
        private final boolean split;
        private final int from;
        private final int to; // -1: to the last column

        private FileInput(Path file, Csv reader, boolean split, int from, int to) {
            if (reader == null) {
                throw new IllegalArgumentException(file + ": the reader is missing (null)");
            }
            this.file = file;
            this.reader = reader;
            this.split = split;
            this.from = from;
            this.to = to;
        }

        /** The same input keeping only columns [from, to) of the file. */
        public FileInput columns(int fromColumn, int toColumn) {
            if (fromColumn < 0 || toColumn <= fromColumn) {
                throw new IllegalArgumentException(file + ": columns [" + fromColumn + ", " + toColumn + ") are empty");
            }
            return new FileInput(file, reader, split, fromColumn, toColumn);
        }

        /** The file. */
        public Path file() {
            return file;
        }

        /** Whether the file is split across ranks. */
        public boolean split() {
            return split;
        }

        /** Part {@code part} of {@code parts} of the rows (all rows when not split), in the chosen columns. */
        public Matrix read(int part, int parts) {
            Matrix m = split ? readRows(file, reader, part, parts) : readRows(file, reader, 0, 1);
            if (from == 0 && (to < 0 || to == m.cols())) {
                return m;
            }
            if (to > m.cols()) {
                throw new IllegalArgumentException(file + ": columns [" + from + ", " + to + ") asked, the file has "
                        + m.cols());
            }
            double[] d = new double[m.rows() * (to - from)];
            double[] all = m.rowMajorView();
            for (int i = 0; i < m.rows(); i++) {
                System.arraycopy(all, i * m.cols() + from, d, i * (to - from), to - from);
            }
            return Matrix.wrap(m.rows(), to - from, d);
        }

        @Override
        public String toString() {
            return (split ? "rowsOf(" : "file(") + file + (to < 0 ? "" : ", columns " + from + ".." + (to - 1)) + ")";
        }
    }

    /**
     * The one place a file becomes rows, by its format: a part of one file is what a rank of a
     * split read gets (CSV: a byte range cut at lines; Parquet: a run of row groups, where the
     * CSV reader's options do not apply).
     */
    private static Matrix readRows(Path file, Csv reader, int part, int parts) {
        if (file.getFileName() != null && file.getFileName().toString().endsWith(".parquet")) {
            return Parquet.readPart(file, part, parts);
        }
        return reader.readPart(file, part, parts);
    }

    private static Path path(Object file) {
        if (file instanceof Path p) {
            return p;
        }
        if (file instanceof String s) {
            return Path.of(s);
        }
        throw new IllegalArgumentException("a file is a String or Path, not " + (file == null ? "null"
                : file.getClass().getName()));
    }

    /**
     * The data as a CSR matrix, for the CSR methods: a {@link CsrMatrix}, or a path to a CSR
     * file in daal4py's layout (see {@link CsrMatrix#read(Path)}); {@code what} names it in errors.
     */
    public static CsrMatrix csr(Object data, String what) {
        if (data instanceof CsrMatrix c) {
            return c;
        }
        if (data instanceof Path || data instanceof String) {
            return CsrMatrix.read(path(data));
        }
        throw new IllegalArgumentException(what + ": a CSR method takes a CsrMatrix or a CSR file, not "
                + (data == null ? "null" : data.getClass().getName()));
    }

    /** The per-rank file name: {@code "file{}.csv"} with {@code {}} replaced by {@code id}. */
    public static String perRank(String pattern, int id) {
        if (!pattern.contains("{}")) {
            throw new IllegalArgumentException("file pattern '" + pattern + "' has no {} to put the rank in");
        }
        return pattern.replace("{}", Integer.toString(id));
    }

    /** Rejects NaN and infinite values, naming the first one's row and column. */
    public static Matrix requireFinite(Matrix m, String what) {
        return requireFinite(m, 0, m.rows(), what);
    }

    /** Rejects NaN and infinite values in rows [from, to), naming the first one's row and column. */
    public static Matrix requireFinite(Matrix m, int from, int to, String what) {
        double[] d = m.rowMajorView();
        int p = m.cols();
        for (int k = from * p; k < to * p; k++) {
            if (!Double.isFinite(d[k])) {
                throw new IllegalArgumentException(what + ": " + d[k] + " at row " + k / p
                        + ", column " + k % p + " (values must be finite)");
            }
        }
        return m;
    }
}
