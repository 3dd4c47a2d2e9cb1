package daal4j.algorithms.qr;

import static daal4j.Daal4j.daalfini;
import static daal4j.Daal4j.daalinit;
import static daal4j.Daal4j.pca;
import static daal4j.Daal4j.qr;
import static daal4j.Daal4j.svd;

import daal4j.algorithms.pca.PcaResult;
import daal4j.algorithms.svd.SvdResult;
import daal4j.data.Matrix;
import daal4j.linalg.Dense;
import daal4j.spmd.Communicator;
import daal4j.spmd.Spmd;
import daal4j.spmd.SpmdException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One SPMD program for the engine tests of qr, svd and pca: each rank takes its rows of the
 * tall fixture ({@link Decomp#split}), runs the algorithms distributed and prints what it
 * got, full precision, one "name values" line each; with "nan" its last rank's data has a
 * NaN and every rank prints the error it caught. Run on local ranks or under mpirun.
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
        out.add(line("qr.matrixR", q.matrixR));
        out.add(line("qr.localError", Matrix.row(Decomp.maxDiff(mine, Dense.multiply(q.matrixQ, q.matrixR)))));
        out.add(line("qr.localGram", Dense.gram(q.matrixQ)));
        SvdResult s = svd().distributed(true).compute(mine);
        out.add(line("svd.singularValues", s.singularValues));
        out.add(line("svd.rightSingularMatrix", s.rightSingularMatrix));
        out.add(line("svd.localGram", Dense.gram(s.leftSingularMatrix)));
        for (String method : new String[] {"correlationDense", "svdDense"}) {
            PcaResult p = pca().method(method).isDeterministic(true).resultsToCompute("mean|variance")
                    .distributed(true).compute(mine);
            out.add(line("pca." + method + ".eigenvalues", p.eigenvalues));
            out.add(line("pca." + method + ".eigenvectors", p.eigenvectors));
            out.add(line("pca." + method + ".variances", p.variances));
        }
        return out;
    }

    /** "name v1 v2 …", every value in full precision. */
    static String line(String name, Matrix m) {
        StringBuilder s = new StringBuilder(name);
        for (double v : m.rowMajorView()) {
            s.append(' ').append(String.format(Locale.ROOT, "%.17g", v));
        }
        return s.toString();
    }

    /** Runs {@link #body} on this process's engine and prints its lines. */
    public static void main(String[] args) {
        daalinit();
        for (String l : body(args.length > 0 ? args[0] : "values")) {
            System.out.println(l);
        }
        daalfini();
    }
}
