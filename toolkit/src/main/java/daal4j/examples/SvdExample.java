package daal4j.examples;

import static daal4j.Daal4j.daalfini;
import static daal4j.Daal4j.daalinit;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;
import static daal4j.Daal4j.svd;

import daal4j.algorithms.svd.SvdResult;

/** daal4py's svd SPMD example: each rank reads its own file (svd_1.csv … svd_4.csv). */
public final class SvdExample {

    private SvdExample() {
    }

    /** The SPMD body: every rank runs it; rank 0 prints. */
    public static void run() {
        String file = Examples.data("distributed/svd_{}.csv");
        SvdResult result = svd().distributed(true).compute(file, myProcid() + 1);
        // singular values and V' on every rank; leftSingularMatrix holds this rank's rows of U
        if (myProcid() == 0) {
            System.out.println("svd on " + numProcs() + " ranks");
            System.out.println("singularValues: " + result.singularValues);
            System.out.println("rightSingularMatrix: " + result.rightSingularMatrix);
            System.out.println("leftSingularMatrix (rank 0's rows): " + result.leftSingularMatrix.format(5, 10));
        }
    }

    /** Runs the example on this process's engine (one rank, or every rank under mpirun). */
    public static void main(String[] args) {
        daalinit();
        run();
        daalfini();
    }
}
