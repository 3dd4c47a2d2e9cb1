package daal4j.testing.mains;

import static daal4j.Daal4j.daalfini;
import static daal4j.Daal4j.daalinit;
import static daal4j.Daal4j.lowOrderMoments;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;

import daal4j.algorithms.moments.LowOrderMomentsResult;
import daal4j.data.Csv;
import daal4j.data.Matrix;
import daal4j.examples.Examples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Distributed low order moments of one file split by rows over the ranks; every rank prints
 * every field as "name v1 v2 …" with all digits, so tests compare all ranks' values.
 */
public final class MomentsSplit {

    private MomentsSplit() {
    }

    /** The lines a rank prints for the moments of its share of {@code file}. */
    public static List<String> body(String file) {
        Matrix all = Csv.read(Path.of(file));
        LowOrderMomentsResult r = lowOrderMoments().distributed(true)
                .compute(Examples.slice(all, myProcid(), numProcs()));
        return lines(r);
    }

    /** "name v1 v2 …" for every field, values as Double.toString (exact round trip). */
    public static List<String> lines(LowOrderMomentsResult r) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : r.fields().entrySet()) {
            StringBuilder s = new StringBuilder(e.getKey());
            for (double v : ((Matrix) e.getValue()).rowMajorView()) {
                s.append(' ').append(v);
            }
            out.add(s.toString());
        }
        return out;
    }

    /** mpirun entry: args[0] is the CSV file. */
    public static void main(String[] args) {
        daalinit();
        body(args[0]).forEach(System.out::println);
        daalfini();
    }
}
