package daal4j.examples;

import static daal4j.Daal4j.daalfini;
import static daal4j.Daal4j.daalinit;
import static daal4j.Daal4j.lowOrderMoments;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;

import daal4j.algorithms.moments.LowOrderMomentsResult;
import daal4j.data.Csv;
import daal4j.data.Matrix;
import java.nio.file.Path;

/** daal4py's low_order_moments SPMD example: each rank takes its chunk of one file. */
public final class LowOrderMomentsExample {

    private LowOrderMomentsExample() {
    }

    /** The SPMD body: every rank runs it; rank 0 prints. */
    public static void run() {
        Matrix all = Csv.read(Path.of(Examples.data("batch/covcormoments_dense.csv")));
        Matrix mine = Examples.slice(all, myProcid(), numProcs());
        LowOrderMomentsResult result = lowOrderMoments().distributed(true).compute(mine);
        if (myProcid() == 0) {
            System.out.println("low_order_moments on " + numProcs() + " ranks (" + all.rows() + " rows):");
            System.out.println(result);
        }
    }

    /** Runs the example on this process's engine (one rank, or every rank under mpirun). */
    public static void main(String[] args) {
        daalinit();
        run();
        daalfini();
    }
}
