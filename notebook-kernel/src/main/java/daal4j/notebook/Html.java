package daal4j.notebook;

import daal4j.algorithms.Result;
import daal4j.data.Matrix;
import java.util.List;
import java.util.Map;

/** HTML tables of matrices and results, as the notebook shows them. */
public final class Html {

    /** Rows and columns shown before the rest is elided. */
    static final int MAX_ROWS = 20;
    static final int MAX_COLS = 20;

    private Html() {
    }

    /** A matrix as a table with numbered columns. */
    public static String matrix(Matrix m) {
        return matrix(m, null);
    }

    /** A matrix as a table with the given column names (null: 0, 1, 2 ...). */
    public static String matrix(Matrix m, List<String> columnNames) {
        StringBuilder s = new StringBuilder("<table class=\"daal4j\"><thead><tr><th></th>");
        int cols = Math.min(m.cols(), MAX_COLS);
        for (int j = 0; j < cols; j++) {
            s.append("<th>").append(escape(columnNames != null && j < columnNames.size()
                    ? columnNames.get(j) : Integer.toString(j))).append("</th>");
        }
        if (cols < m.cols()) {
            s.append("<th>…</th>");
        }
        s.append("</tr></thead><tbody>");
        int rows = Math.min(m.rows(), MAX_ROWS);
        for (int i = 0; i < rows; i++) {
            s.append("<tr><th>").append(i).append("</th>");
            for (int j = 0; j < cols; j++) {
                s.append("<td>").append(number(m.get(i, j))).append("</td>");
            }
            if (cols < m.cols()) {
                s.append("<td>…</td>");
            }
            s.append("</tr>");
        }
        if (rows < m.rows()) {
            s.append("<tr><th>…</th><td colspan=\"").append(cols).append("\">")
                    .append(m.rows() - rows).append(" more rows</td></tr>");
        }
        return s.append("</tbody></table><small>").append(m.rows()).append(" × ").append(m.cols())
                .append("</small>").toString();
    }

    /** A result as a table of its fields (daal4py names), matrices nested. */
    public static String result(Result r) {
        StringBuilder s = new StringBuilder("<table class=\"daal4j\"><caption>")
                .append(escape(r.getClass().getSimpleName())).append("</caption><tbody>");
        for (Map.Entry<String, Object> f : r.fields().entrySet()) {
            s.append("<tr><th style=\"text-align:left;vertical-align:top\">").append(escape(f.getKey()))
                    .append("</th><td style=\"text-align:left\">");
            Object v = f.getValue();
            s.append(v instanceof Matrix m ? matrix(m) : v instanceof Number n ? number(n.doubleValue())
                    : escape(String.valueOf(v)));
            s.append("</td></tr>");
        }
        return s.append("</tbody></table>").toString();
    }

    /** Six significant digits, as a person reads a table. */
    static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return String.format("%.6g", x);
    }

    /** Text made safe for HTML. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
