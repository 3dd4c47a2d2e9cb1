package daal4j.algorithms;

import static daal4j.Daal4j.covariance;
import static daal4j.Daal4j.kmeans;
import static daal4j.Daal4j.kmeansInit;
import static daal4j.Daal4j.linearRegressionPrediction;
import static daal4j.Daal4j.linearRegressionTraining;
import static daal4j.Daal4j.lowOrderMoments;
import static daal4j.Daal4j.multinomialNaiveBayesPrediction;
import static daal4j.Daal4j.multinomialNaiveBayesTraining;
import static daal4j.Daal4j.pca;
import static daal4j.Daal4j.pcaTransform;
import static daal4j.Daal4j.qr;
import static daal4j.Daal4j.svd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.algorithms.kmeans.KMeansInitResult;
import daal4j.algorithms.moments.LowOrderMomentsResult;
import daal4j.algorithms.naivebayes.NaiveBayesTrainingResult;
import daal4j.algorithms.pca.PcaResult;
import daal4j.algorithms.regression.LinearModel;
import daal4j.algorithms.regression.TrainingResult;
import daal4j.data.Matrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Result: one way to read the fields (fields()), one way to rebuild a result from them (Result.of). */
class ResultTest {

    private static final Matrix X = Matrix.of(new double[][] {
        {1, 10, 3}, {2, 21, 1}, {4, 39, 0}, {3, 33, 2}, {5, 48, 4}, {6, 61, 1}});
    private static final Matrix Y = Matrix.column(1.5, 2.4, 4.6, 3.2, 5.1, 6.3);
    private static final Matrix LABELS = Matrix.column(0, 1, 0, 1, 1, 0);

    /** One result of every algorithm (and both models). */
    private static List<Result> everyResult() {
        List<Result> all = new ArrayList<>();
        all.add(lowOrderMoments().compute(X));
        all.add(covariance().compute(X));
        PcaResult p = pca().resultsToCompute("mean|variance|eigenvalue").compute(X);
        all.add(p);
        all.add(pcaTransform(2).compute(X, p.eigenvectors, p.dataForTransform));
        all.add(qr().compute(X));
        all.add(svd().compute(X));
        KMeansInitResult init = kmeansInit(2).compute(X);
        all.add(init);
        all.add(kmeans(2, 5).compute(X, init.centroids));
        TrainingResult lr = linearRegressionTraining().compute(X, Y);
        all.add(lr);
        all.add(lr.model);
        all.add(linearRegressionPrediction().compute(X, lr.model));
        NaiveBayesTrainingResult nb = multinomialNaiveBayesTraining(2).compute(X, LABELS);
        all.add(nb);
        all.add(nb.model);
        all.add(multinomialNaiveBayesPrediction(2).compute(X, nb.model));
        return all;
    }

    @Test
    void everyResultIsRebuiltFromItsFieldsByItsCanonicalConstructor() {
        for (Result r : everyResult()) {
            Result back = Result.of(r.getClass(), r.fields());
            assertNotSame(r, back);
            assertSame(r.getClass(), back.getClass());
            assertEquals(r, back, r.getClass().getSimpleName());
            assertEquals(r.hashCode(), back.hashCode());
            assertEquals(r.fields(), back.fields());
            assertEquals(r.toString(), back.toString());
            assertEquals(List.copyOf(r.fields().keySet()), Result.fieldNames(r.getClass()));
        }
    }

    @Test
    void fieldsAreTheDaal4pyNamesInOrderAndReadOnly() {
        LowOrderMomentsResult m = lowOrderMoments().compute(X);
        assertEquals(List.of("minimum", "maximum", "sum", "sumSquares", "sumSquaresCentered", "mean",
                "secondOrderRawMoment", "variance", "standardDeviation", "variation"), List.copyOf(m.fields().keySet()));
        assertSame(m.mean, m.get("mean"));
        assertThrows(UnsupportedOperationException.class, () -> m.fields().put("mean", null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.get("means"));
        assertTrue(e.getMessage().contains("no field 'means'"), e.getMessage());
    }

    @Test
    void rebuildingChecksNamesAndTypes() {
        LinearModel model = linearRegressionTraining().compute(X, Y).model;
        Map<String, Object> f = new LinkedHashMap<>(model.fields());
        f.remove("Beta");
        assertThrows(IllegalArgumentException.class, () -> Result.of(LinearModel.class, f));
        f.put("Beta", "not a matrix");
        assertThrows(IllegalArgumentException.class, () -> Result.of(LinearModel.class, f));
        f.put("Beta", model.Beta);
        f.put("NumberOfFeatures", 7L);
        assertThrows(IllegalArgumentException.class, () -> Result.of(LinearModel.class, f));
    }
}
