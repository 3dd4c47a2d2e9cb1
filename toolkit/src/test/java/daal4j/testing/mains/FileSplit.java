package daal4j.testing.mains;

import static daal4j.Daal4j.covariance;
import static daal4j.Daal4j.daalfini;
import static daal4j.Daal4j.daalinit;
import static daal4j.Daal4j.linearRegressionTraining;
import static daal4j.Daal4j.lowOrderMoments;

import daal4j.algorithms.Result;
import daal4j.data.Csv;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Low order moments, covariance and linear regression of one file split across the ranks by
 * {@code Inputs.rowsOf}; every rank prints "name v1 v2 …" with all digits. With "error" as the
 * second argument, every rank prints the error it caught as "ERROR message".
 */
public final class FileSplit {

    private FileSplit() {
    }

    /** The lines a rank prints for {@code file} (with a header); {@code distributed} false is the batch reference. */
    public static List<String> body(String file, boolean distributed) {
        Csv reader = Csv.reader().header(true);
        Inputs.FileInput rows = Inputs.rowsOf(file, reader);
        int p = reader.names(java.nio.file.Path.of(file)).length;
        List<String> out = new ArrayList<>();
        add(out, "moments", lowOrderMoments().distributed(distributed).compute(rows));
        add(out, "covariance", covariance().distributed(distributed).compute(rows));
        add(out, "linear", linearRegressionTraining().interceptFlag(true).distributed(distributed)
                .compute(rows.columns(0, p - 1), rows.columns(p - 1, p)).model);
        return out;
    }

    private static void add(List<String> out, String prefix, Result r) {
        for (Map.Entry<String, Object> e : r.fields().entrySet()) {
            if (e.getValue() instanceof Matrix m) {
                StringBuilder s = new StringBuilder(prefix + "." + e.getKey());
                for (double v : m.rowMajorView()) {
                    s.append(' ').append(v);
                }
                out.add(s.toString());
            }
        }
    }

    /** mpirun entry: args[0] is the CSV file; args[1] "error" prints each rank's error instead. */
    public static void main(String[] args) {
        daalinit();
        try {
            body(args[0], true).forEach(System.out::println);
        } catch (RuntimeException e) {
            if (args.length < 2 || !args[1].equals("error")) {
                throw e;
            }
            System.out.println("ERROR " + e.getMessage());
        }
        daalfini();
    }
}
