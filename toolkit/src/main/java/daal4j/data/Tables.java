package daal4j.data;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Conversions between Tablesaw tables and {@link Matrix}. */
public final class Tables {

    private Tables() {
    }

    /** The table's numeric columns as a matrix; text or missing values are an error naming the column. */
    public static Matrix toMatrix(Table table) {
        int n = table.rowCount();
        int p = table.columnCount();
        double[] d = new double[n * p];
        for (int j = 0; j < p; j++) {
            Column<?> c = table.column(j);
            if (!(c instanceof NumericColumn<?> num)) {
                throw new IllegalArgumentException("table " + nameOf(table) + ": column '" + c.name()
                        + "' is " + c.type().name() + ", not numeric");
            }
            for (int i = 0; i < n; i++) {
                if (num.isMissing(i)) {
                    throw new IllegalArgumentException("table " + nameOf(table) + ": column '" + c.name()
                            + "' has a missing value at row " + i);
                }
                d[i * p + j] = num.getDouble(i);
            }
        }
        return Matrix.wrap(n, p, d);
    }

    /** A table of double columns named {@code names} (or "0", "1", … when none are given). */
    public static Table toTable(Matrix m, String tableName, String... names) {
        if (names.length != 0 && names.length != m.cols()) {
            throw new IllegalArgumentException(names.length + " column names for " + m.cols() + " columns");
        }
        Table t = Table.create(tableName);
        for (int j = 0; j < m.cols(); j++) {
            t.addColumns(DoubleColumn.create(names.length == 0 ? Integer.toString(j) : names[j], m.columnAt(j)));
        }
        return t;
    }

    private static String nameOf(Table t) {
        return t.name() == null || t.name().isEmpty() ? "(unnamed)" : "'" + t.name() + "'";
    }
}
