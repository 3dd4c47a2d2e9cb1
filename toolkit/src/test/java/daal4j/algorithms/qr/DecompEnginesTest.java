package daal4j.algorithms.qr;

import static daal4j.Daal4j.linearRegressionTraining;
import static daal4j.Daal4j.pca;
import static daal4j.Daal4j.qr;
import static daal4j.Daal4j.svd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.algorithms.pca.PcaResult;
import daal4j.data.Matrix;
import daal4j.spmd.Spmd;
import daal4j.testing.MpiRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * qr, svd, pca and linear regression qrDense as one SPMD program ({@link DecompRanksMain}) on every engine: what each
 * rank prints equals the batch result to 1e-10 and is identical on every rank; each rank's
 * Q reproduces its rows; a NaN on one rank is reported on all.
 */
class DecompEnginesTest {

    private static final Matrix X = Decomp.fixture("tall");

    /** The batch results, as the lines the program prints. */
    private static Map<String, Matrix> expected() {
        Map<String, Matrix> e = new LinkedHashMap<>();
        e.put("qr.matrixR", qr().compute(X).matrixR);
        e.put("svd.singularValues", svd().compute(X).singularValues);
        e.put("svd.rightSingularMatrix", svd().compute(X).rightSingularMatrix);
        e.put("linear_regression.qrDense.Beta", linearRegressionTraining().method("qrDense").interceptFlag(true)
                .compute(X.columnRange(0, 6), X.columnRange(6, 7)).model.Beta);
        for (String method : new String[] {"correlationDense", "svdDense"}) {
            PcaResult p = pca().method(method).isDeterministic(true).resultsToCompute("variance").compute(X);
            e.put("pca." + method + ".eigenvalues", p.eigenvalues);
            e.put("pca." + method + ".eigenvectors", p.eigenvectors);
            e.put("pca." + method + ".variances", p.variances);
        }
        return e;
    }

    /** Checks every rank's printed lines. */
    static void check(List<List<String>> byRank) {
        Map<String, Matrix> expected = expected();
        int ranks = byRank.size();
        Matrix sumQtQ = null;
        Matrix sumUtU = null;
        for (int r = 0; r < ranks; r++) {
            assertEquals(byRank.get(0).size(), byRank.get(r).size(), "rank " + r + " printed " + byRank.get(r));
            Map<String, double[]> got = new LinkedHashMap<>();
            for (String l : byRank.get(r)) {
                // one line per row: a name's lines, in order, are its matrix
                String[] t = l.split(" ");
                double[] before = got.getOrDefault(t[0], new double[0]);
                double[] v = java.util.Arrays.copyOf(before, before.length + t.length - 1);
                for (int k = 1; k < t.length; k++) {
                    v[before.length + k - 1] = Double.parseDouble(t[k]);
                }
                got.put(t[0], v);
            }
            for (Map.Entry<String, Matrix> e : expected.entrySet()) {
                Matrix m = e.getValue();
                Decomp.assertClose(m, Matrix.wrap(m.rows(), m.cols(), got.get(e.getKey())), 1e-10,
                        "rank " + r + " of " + ranks + ": " + e.getKey());
            }
            assertTrue(got.get("qr.localError")[0] < 1e-12 * Decomp.maxAbs(X), "rank " + r + ": Q R = local rows");
            Matrix qtq = Matrix.wrap(7, 7, got.get("qr.localGram"));
            Matrix utu = Matrix.wrap(7, 7, got.get("svd.localGram"));
            sumQtQ = sumQtQ == null ? qtq : add(sumQtQ, qtq);
            sumUtU = sumUtU == null ? utu : add(sumUtU, utu);
        }
        // Q'Q summed over the ranks' row blocks: the identity
        assertTrue(Decomp.maxDiff(sumQtQ, Matrix.identity(7)) < 1e-12, "Q'Q over all ranks: " + sumQtQ);
        assertTrue(Decomp.maxDiff(sumUtU, Matrix.identity(7)) < 1e-12, "U'U over all ranks: " + sumUtU);
        for (int r = 1; r < ranks; r++) {
            for (int k = 0; k < byRank.get(0).size(); k++) {
                String name = byRank.get(0).get(k).split(" ")[0];
                if (!name.contains("local")) {
                    assertEquals(byRank.get(0).get(k), byRank.get(r).get(k), "identical on rank " + r + ": " + name);
                }
            }
        }
    }

    private static Matrix add(Matrix a, Matrix b) {
        double[] d = a.toRowMajor();
        for (int k = 0; k < d.length; k++) {
            d[k] += b.rowMajorView()[k];
        }
        return Matrix.wrap(a.rows(), a.cols(), d);
    }

    /** The lines every rank must print when the last rank's data has a NaN. */
    static List<String> nanLines(int ranks) {
        int rows = Decomp.split(X, ranks).get(ranks - 1).rows();
        String where = "NaN at row " + (rows - 1) + ", column 6";
        return List.of("qr caught: rank " + (ranks - 1) + ": qr data: " + where + " (values must be finite) (bad input: true)",
                "svd caught: rank " + (ranks - 1) + ": svd data: " + where + " (values must be finite) (bad input: true)",
                "pca caught: rank " + (ranks - 1) + ": pca data: " + where + " (values must be finite) (bad input: true)");
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void mpirun(int ranks) throws IOException {
        MpiRun.assumeAvailable();
        Path values = Files.createDirectory(dir.resolve("values"));
        MpiRun.ranks(ranks).timeout(Duration.ofSeconds(240)).run(DecompRanksMain.class, "values", values.toString())
                .assertSucceeded();
        check(read(values, ranks));
        Path nan = Files.createDirectory(dir.resolve("nan"));
        MpiRun.ranks(ranks).timeout(Duration.ofSeconds(240)).run(DecompRanksMain.class, "nan", nan.toString())
                .assertSucceeded();
        List<List<String>> byRank = read(nan, ranks);
        for (int r = 0; r < ranks; r++) {
            assertEquals(nanLines(ranks), byRank.get(r), "rank " + r);
        }
    }

    private static List<List<String>> read(Path folder, int ranks) throws IOException {
        List<List<String>> byRank = new ArrayList<>();
        for (int r = 0; r < ranks; r++) {
            byRank.add(Files.readAllLines(folder.resolve("rank-" + r + ".txt")));
        }
        return byRank;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void localRanks(int ranks) {
        check(Spmd.local(ranks).call(() -> DecompRanksMain.body("values")));
        List<List<String>> nan = Spmd.local(ranks).call(() -> DecompRanksMain.body("nan"));
        for (List<String> lines : nan) {
            assertEquals(nanLines(ranks), lines);
        }
    }
}
