package daal4j.data;

import java.nio.file.Path;
import tech.tablesaw.api.Table;

/**
 * Turns whatever daal4py accepts as data into a {@link Matrix}: a matrix, {@code double[][]},
 * a 1-d {@code double[]} or {@code int[]} (one column), a Tablesaw table, or a CSV path.
 */
public final class Inputs {

    private Inputs() {
    }

    /** The data as a matrix; {@code what} names the argument in errors ("data", "labels" …). */
    public static Matrix matrix(Object data, String what) {
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
        if (data instanceof Path p) {
            return p.toString().endsWith(".parquet") ? Parquet.read(p) : Csv.read(p);
        }
        if (data instanceof String s) {
            return s.endsWith(".parquet") ? Parquet.read(Path.of(s)) : Csv.read(Path.of(s));
        }
        throw new IllegalArgumentException(what + ": cannot use a " + data.getClass().getName()
                + "; give a Matrix, double[][], Tablesaw Table or CSV path");
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
