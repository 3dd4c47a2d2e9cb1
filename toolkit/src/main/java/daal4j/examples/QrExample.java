package daal4j.examples;

import static daal4j.Daal4j.daalfini;
import static daal4j.Daal4j.daalinit;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;
import static daal4j.Daal4j.qr;

import daal4j.algorithms.qr.QrResult;

/** daal4py's qr SPMD example: each rank reads its own file (qr_1.csv … qr_4.csv). */
public final class QrExample {

    private QrExample() {
    }

    /** The SPMD body: every rank runs it; rank 0 prints. */
    public static void run() {
        String file = Examples.data("distributed/qr_{}.csv");
        QrResult result = qr().distributed(true).compute(file, myProcid() + 1);
        // every rank has R; matrixQ holds this rank's rows of Q
        if (myProcid() == 0) {
            System.out.println("qr on " + numProcs() + " ranks; rank 0's Q is " + result.matrixQ.rows() + " x "
                    + result.matrixQ.cols());
            System.out.println("matrixR: " + result.matrixR);
        }
    }

    /** Runs the example on this process's engine (one rank, or every rank under mpirun). */
    public static void main(String[] args) {
        daalinit();
        run();
        daalfini();
    }
}
