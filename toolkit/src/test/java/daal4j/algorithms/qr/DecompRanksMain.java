package daal4j.algorithms.qr;

import static daal4j.Daal4j.daalfini;
import static daal4j.Daal4j.daalinit;
import static daal4j.Daal4j.linearRegressionTraining;
import static daal4j.Daal4j.pca;
import static daal4j.Daal4j.qr;
import static daal4j.Daal4j.svd;

import daal4j.algorithms.pca.PcaResult;
import daal4j.algorithms.svd.SvdResult;
import daal4j.data.Matrix;
import daal4j.linalg.Products;
import daal4j.spmd.Communicator;
import daal4j.spmd.Spmd;
import daal4j.spmd.SpmdException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One SPMD program for the engine tests of qr, svd and pca: each rank takes its rows of the
 * tall fixture ({@link Decomp#split}), runs the algorithms distributed and prints what it
 * got, full precision, one "name values" line per row; with "nan" its last rank's data has a
 * NaN and every rank reports the error it caught. Run on local ranks or under mpirun.
 */
public final class DecompRanksMain {

    private DecompRanksMain() {
    }

    /** The lines this rank prints. */
    public static List<String> body(String mode) {
        Communicator c = Spmd.current();
        Matrix mine = Decomp.split(Decomp.fixture("tall"), c.size()).get(c.rank());
        List<String> out = new ArrayList<>();
        if (mode.equals("nan")) {
            if (c.rank() == c.size() - 1) {
                double[] d = mine.toRowMajor();
                d[d.length - 1] = Double.NaN;
                mine = Matrix.wrap(mine.rows(), mine.cols(), d);
            }
            Matrix data = mine;
            for (String alg : new String[] {"qr", "svd", "pca"}) {
                try {
                    switch (alg) {
                        case "qr" -> qr().distributed(true).compute(data);
                        case "svd" -> svd().distributed(true).compute(data);
                        default -> pca().method("svdDense").distributed(true).compute(data);
                    }
                    out.add(alg + " no error");
                } catch (SpmdException e) {
                    out.add(alg + " caught: " + e.getMessage() + " (bad input: " + e.isBadInput() + ")");
                }
            }
            return out;
        }
        QrResult q = qr().distributed(true).compute(mine);
        out.addAll(lines("qr.matrixR", q.matrixR));
        out.addAll(lines("qr.localError", Matrix.row(Decomp.maxDiff(mine, Products.multiply(q.matrixQ, q.matrixR)))));
        out.addAll(lines("qr.localGram", Products.gram(q.matrixQ)));
        SvdResult s = svd().distributed(true).compute(mine);
        out.addAll(lines("svd.singularValues", s.singularValues));
        out.addAll(lines("svd.rightSingularMatrix", s.rightSingularMatrix));
        out.addAll(lines("svd.localGram", Products.gram(s.leftSingularMatrix)));
        // linear regression qrDense: the first 6 columns explain the last
        out.addAll(lines("linear_regression.qrDense.Beta", linearRegressionTraining().method("qrDense")
                .interceptFlag(true).distributed(true).compute(mine.columnRange(0, 6), mine.columnRange(6, 7))
                .model.Beta));
        for (String method : new String[] {"correlationDense", "svdDense"}) {
            PcaResult p = pca().method(method).isDeterministic(true).resultsToCompute("mean|variance")
                    .distributed(true).compute(mine);
            out.addAll(lines("pca." + method + ".eigenvalues", p.eigenvalues));
            out.addAll(lines("pca." + method + ".eigenvectors", p.eigenvectors));
            out.addAll(lines("pca." + method + ".variances", p.variances));
        }
        return out;
    }

    /**
     * "name v1 v2 …" per row of m, every value in full precision; one line per row keeps
     * lines short enough for mpirun to pass them whole.
     */
    static List<String> lines(String name, Matrix m) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < m.rows(); i++) {
            StringBuilder s = new StringBuilder(name);
            for (double v : m.rowAt(i)) {
                s.append(' ').append(String.format(Locale.ROOT, "%.17g", v));
            }
            out.add(s.toString());
        }
        return out;
    }

    /**
     * Runs {@link #body} on this process's engine; writes its lines to {@code <dir>/rank-N.txt}
     * (arguments: mode, dir), as mpirun may interleave long outputs of several ranks.
     */
    public static void main(String[] args) throws IOException {
        Communicator c = daalinit();
        List<String> lines = body(args[0]);
        Files.write(Path.of(args[1], "rank-" + c.rank() + ".txt"), lines, StandardCharsets.UTF_8);
        daalfini();
    }
}
