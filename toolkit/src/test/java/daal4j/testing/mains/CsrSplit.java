package daal4j.testing.mains;

import static daal4j.Daal4j.covariance;
import static daal4j.Daal4j.daalfini;
import static daal4j.Daal4j.daalinit;
import static daal4j.Daal4j.lowOrderMoments;
import static daal4j.Daal4j.multinomialNaiveBayesTraining;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;

import daal4j.algorithms.Result;
import daal4j.data.Csv;
import daal4j.data.CsrMatrix;
import daal4j.data.Matrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CSR methods distributed over the ranks, each rank a row range of the CSR files:
 * moments and covariance of kmeans_csr.csv, naive Bayes of naivebayes_train_csr.csv. Every
 * rank writes every value of every field as "name[k] v" with all digits.
 */
public final class CsrSplit {

    private CsrSplit() {
    }

    /** The lines for {@code ranks} ranks of which this is {@code rank} (1 rank: the batch result). */
    public static List<String> body(Path dir, int rank, int ranks) {
        CsrMatrix x = part(CsrMatrix.read(dir.resolve("kmeans_csr.csv")), rank, ranks);
        CsrMatrix t = part(CsrMatrix.read(dir.resolve("naivebayes_train_csr.csv")), rank, ranks);
        Matrix y = Csv.read(dir.resolve("naivebayes_train_labels.csv"));
        int from = (int) ((long) y.rows() * rank / ranks);
        y = y.rowRange(from, from + t.rows());
        boolean dist = ranks > 1;
        List<String> out = new ArrayList<>();
        lines("moments.", lowOrderMoments().method("fastCSR").distributed(dist).compute(x), out);
        lines("covariance.", covariance().method("singlePassCSR").distributed(dist).compute(x), out);
        lines("naivebayes.", multinomialNaiveBayesTraining(20).method("fastCSR").distributed(dist).compute(t, y).model,
                out);
        return out;
    }

    private static CsrMatrix part(CsrMatrix x, int rank, int ranks) {
        return x.rowRange((int) ((long) x.rows() * rank / ranks), (int) ((long) x.rows() * (rank + 1) / ranks));
    }

    private static void lines(String prefix, Result r, List<String> out) {
        for (Map.Entry<String, Object> e : r.fields().entrySet()) {
            if (e.getValue() instanceof Matrix m) {
                double[] v = m.rowMajorView();
                for (int k = 0; k < v.length; k++) {
                    out.add(prefix + e.getKey() + "[" + k + "] " + v[k]);
                }
            }
        }
    }

    /**
     * mpirun entry: args[0] is the folder of daal4py's distributed example files; each rank
     * writes its lines to args[1]/rank{r}.txt (mpirun's tagged output cuts lines of long output).
     */
    public static void main(String[] args) throws IOException {
        daalinit();
        List<String> lines = body(Path.of(args[0]), myProcid(), numProcs());
        Files.write(Path.of(args[1]).resolve("rank" + myProcid() + ".txt"), lines);
        System.out.println("wrote " + lines.size() + " lines");
        daalfini();
    }
}
