package daal4j.examples;

import static daal4j.Daal4j.covariance;
import static daal4j.Daal4j.daalfini;
import static daal4j.Daal4j.daalinit;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;

import daal4j.algorithms.covariance.CovarianceResult;
import daal4j.data.Csv;
import daal4j.data.Matrix;
import java.nio.file.Path;

/** daal4py's covariance SPMD example: each rank takes its chunk of one file. */
public final class CovarianceExample {

    private CovarianceExample() {
    }

    /** The SPMD body: every rank runs it; rank 0 prints. */
    public static void run() {
        Matrix all = Csv.read(Path.of(Examples.data("batch/covcormoments_dense.csv")));
        Matrix mine = Examples.slice(all, myProcid(), numProcs());
        CovarianceResult result = covariance().distributed(true).compute(mine);
        CovarianceResult correlation = covariance().distributed(true).outputMatrixType("correlationMatrix").compute(mine);
        if (myProcid() == 0) {
            System.out.println("covariance on " + numProcs() + " ranks (" + all.rows() + " rows):");
            System.out.println("covariance: " + result.covariance);
            System.out.println("mean: " + result.mean);
            System.out.println("correlation: " + correlation.correlation);
        }
    }

    /** Runs the example on this process's engine (one rank, or every rank under mpirun). */
    public static void main(String[] args) {
        daalinit();
        run();
        daalfini();
    }
}
