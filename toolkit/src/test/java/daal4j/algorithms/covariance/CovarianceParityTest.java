package daal4j.algorithms.covariance;

import static daal4j.Daal4j.covariance;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;
import static daal4j.testing.Fixtures.assertClose;
import static daal4j.testing.Fixtures.golden;

import daal4j.data.Csv;
import daal4j.data.Matrix;
import daal4j.examples.Examples;
import daal4j.spmd.Spmd;
import daal4j.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Results equal daal4py 2024.7.0's (goldens made by toolkit/src/test/golden/make_goldens.py). */
class CovarianceParityTest {

    @ParameterizedTest
    @CsvSource({"covariance_defaultDense, defaultDense, covarianceMatrix, 1",
        "covariance_singlePassDense, singlePassDense, covarianceMatrix, 1",
        "covariance_correlationMatrix, defaultDense, correlationMatrix, 1",
        "covariance_defaultDense, defaultDense, covarianceMatrix, 4",
        "covariance_correlationMatrix, defaultDense, correlationMatrix, 3"})
    void matchesDaal4py(String golden, String method, String output, int ranks) {
        Matrix x = Csv.read(TestData.example("batch/covcormoments_dense.csv"));
        CovarianceResult r = Spmd.local(ranks).call(() -> covariance().method(method).outputMatrixType(output)
                .distributed(true).compute(Examples.slice(x, myProcid(), numProcs()))).get(0);
        for (String f : new String[] {"covariance", "correlation", "mean"}) {
            assertClose(golden(golden, f), (Matrix) r.get(f), 1e-9, golden + "." + f + " on " + ranks + " ranks");
        }
    }
}
