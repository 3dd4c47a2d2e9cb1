package daal4j.examples;

import static daal4j.Daal4j.daalfini;
import static daal4j.Daal4j.daalinit;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;
import static daal4j.Daal4j.pca;
import static daal4j.Daal4j.pcaTransform;

import daal4j.algorithms.pca.PcaResult;
import daal4j.data.Csv;
import daal4j.data.Matrix;
import java.nio.file.Path;

/**
 * daal4py's pca SPMD examples (svdDense and correlationDense) and pca_transform: each rank
 * reads its own file (pca_normalized_1.csv … _4.csv) and every rank gets the components; then
 * daal4py's pca_transform example.
 */
public final class PcaExample {

    private static final String[] METHODS = {"correlationDense", "svdDense"};

    private PcaExample() {
    }

    /** The SPMD body: every rank runs it; rank 0 prints. */
    public static void run() {
        String file = Examples.data("distributed/pca_normalized_{}.csv");
        for (String method : METHODS) {
            PcaResult result = pca().method(method).distributed(true).compute(file, myProcid() + 1);
            if (myProcid() == 0) {
                System.out.println("pca (" + method + ") on " + numProcs() + " ranks");
                System.out.println("eigenvalues: " + result.eigenvalues);
                System.out.println("eigenvectors: " + result.eigenvectors);
            }
        }
        // daal4py's pca_transform example: every rank the same small table, whitened (means,
        // variances and eigenvalues are in dataForTransform) onto 2 components
        Matrix data = Csv.read(Path.of(Examples.data("batch/pca_transform.csv")));
        PcaResult model = pca().method(METHODS[0]).isDeterministic(true).resultsToCompute("mean|variance|eigenvalue")
                .compute(data);
        Matrix transformed = pcaTransform(2).compute(data, model.eigenvectors, model.dataForTransform).transformedData;
        if (myProcid() == 0) {
            System.out.println("pca_transform of batch/pca_transform.csv: " + transformed);
        }
    }

    /** Runs the example on this process's engine (one rank, or every rank under mpirun). */
    public static void main(String[] args) {
        daalinit();
        run();
        daalfini();
    }
}
