package daal4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TablesTest {

    @Test
    void numericColumnsBecomeAMatrix() {
        Table t = Table.create("t", DoubleColumn.create("a", 1.0, 2.0), IntColumn.create("b", 3, 4));
        Matrix m = Inputs.matrix(t, "data");
        assertArrayEquals(new double[] {1, 3, 2, 4}, m.toRowMajor());
    }

    @Test
    void textColumnIsNamedInTheError() {
        Table t = Table.create("sales", DoubleColumn.create("a", 1.0), StringColumn.create("city", "Oslo"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Inputs.matrix(t, "data"));
        assertEquals("table 'sales': column 'city' is STRING, not numeric", e.getMessage());
    }

    @Test
    void missingValueIsNamedInTheError() {
        DoubleColumn a = DoubleColumn.create("a", 1.0, Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Inputs.matrix(Table.create("t", a), "data"));
        assertEquals("table 't': column 'a' has a missing value at row 1", e.getMessage());
    }

    @Test
    void matrixRoundTripsThroughTablesAndArrays() {
        Matrix m = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Table t = m.toTable("x", "y", "z");
        assertEquals("y", t.column(1).name());
        assertEquals(m, Tables.toMatrix(t));
        assertEquals(m, Matrix.of(m.toArray()));
        assertEquals(m, Matrix.ofColumnMajor(2, 3, m.toColumnMajor()));
        assertEquals(m, m.transpose().transpose());
    }

    @Test
    void perRankPatternPutsTheIdIntoTheName() {
        assertEquals("data/file3.csv", Inputs.perRank("data/file{}.csv", 3));
        assertThrows(IllegalArgumentException.class, () -> Inputs.perRank("data/file.csv", 3));
    }

    @Test
    void printsShapeAndValues() {
        String s = Matrix.of(new double[][] {{1.5, 2}}).toString();
        assertEquals("Matrix 1 x 2\n      1.50000      2.00000", s);
    }
}
