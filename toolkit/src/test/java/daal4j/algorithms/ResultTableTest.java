package daal4j.algorithms;

import static daal4j.Daal4j.covariance;
import static daal4j.Daal4j.lowOrderMoments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import daal4j.data.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** A result's per-column fields as a table named by a CSV header. */
class ResultTableTest {

    @TempDir
    Path dir;

    @Test
    void momentsUnderTheHeadersNames() throws IOException {
        Path f = dir.resolve("h.csv");
        Files.writeString(f, "\uFEFFheight,weight\n1.5,60\n1.7,80\n1.9,70\n");
        Csv reader = Csv.reader().header(true);
        Table t = lowOrderMoments().compute(daal4j.data.Inputs.file(f, reader)).table(reader.names(f));
        assertEquals(List.of("result", "height", "weight"), t.columnNames());
        assertEquals(List.of("minimum", "maximum", "sum", "sumSquares", "sumSquaresCentered", "mean",
                "secondOrderRawMoment", "variance", "standardDeviation", "variation"), t.stringColumn("result").asList());
        int mean = t.stringColumn("result").asList().indexOf("mean");
        int variance = t.stringColumn("result").asList().indexOf("variance");
        assertEquals((1.5 + 1.7 + 1.9) / 3, t.doubleColumn("height").getDouble(mean), 1e-15);
        assertEquals(70.0, t.doubleColumn("weight").getDouble(mean), 1e-12);
        assertEquals(100.0, t.doubleColumn("weight").getDouble(variance), 1e-12);  // ((-10)^2 + 10^2 + 0) / 2
        assertEquals(60.0, t.doubleColumn("weight").getDouble(0), 0);             // minimum
    }

    @Test
    void unnamedColumnsAndWrongNames() {
        double[][] x = {{1, 2}, {3, 5}, {4, 4}};
        Table t = covariance().compute(x).table();
        assertEquals(List.of("result", "0", "1"), t.columnNames());
        assertEquals(List.of("mean"), t.stringColumn("result").asList());
        assertEquals(11.0 / 3, t.doubleColumn("1").getDouble(0), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> lowOrderMoments().compute(x).table("a", "b", "c"));
        assertEquals("3 column names for 2 columns", e.getMessage());
    }
}
