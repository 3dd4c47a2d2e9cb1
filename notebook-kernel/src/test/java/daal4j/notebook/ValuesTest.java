package daal4j.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.Daal4j;
import daal4j.algorithms.moments.LowOrderMomentsResult;
import daal4j.algorithms.pca.PcaResult;
import daal4j.algorithms.regression.TrainingResult;
import daal4j.data.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {

    private static Object roundTrip(Object v) {
        return Values.decode(Values.encode(v), ValuesTest.class.getClassLoader());
    }

    @Test
    void numbersStringsAndArraysKeepTheirTypeAndBits() {
        assertEquals(Math.PI, roundTrip(Math.PI));
        assertEquals(7L, roundTrip(7L));
        assertEquals(7, roundTrip(7));
        assertEquals(true, roundTrip(true));
        assertEquals("héllo\nwörld", roundTrip("héllo\nwörld"));
        assertEquals(null, roundTrip(null));
        assertArrayEquals(new double[] {1.5, Double.NaN, -0.0}, (double[]) roundTrip(new double[] {1.5, Double.NaN, -0.0}));
        assertArrayEquals(new int[] {3, -1}, (int[]) roundTrip(new int[] {3, -1}));
        assertArrayEquals(new long[] {1L << 40}, (long[]) roundTrip(new long[] {1L << 40}));
        double[][] a = {{1, 2, 3}, {4, 5, 6}};
        assertArrayEquals(a, (double[][]) roundTrip(a));
    }

    @Test
    void matrixComesBackEqual() {
        Matrix m = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6.25}});
        Matrix back = (Matrix) roundTrip(m);
        assertEquals(m, back);
        assertEquals(3, back.rows());
        assertEquals(2, back.cols());
    }

    @Test
    void resultIsRebuiltAsItsOwnClass() {
        Matrix data = Matrix.of(new double[][] {{1, 10}, {2, 20}, {4, 40}});
        LowOrderMomentsResult r = Daal4j.lowOrderMoments().compute(data);
        Object back = roundTrip(r);
        LowOrderMomentsResult b = assertInstanceOf(LowOrderMomentsResult.class, back);
        assertEquals(r.mean, b.mean);
        assertEquals(r.variance, b.variance);
        assertEquals(r.fields().keySet(), b.fields().keySet());
        assertEquals(r.toString(), b.toString());
    }

    @Test
    void resultsHoldingMapsAndModelsAreRebuiltEqual() {
        Matrix data = Matrix.of(new double[][] {{1, 10, 3}, {2, 21, 1}, {4, 39, 0}, {3, 33, 2}});
        PcaResult p = Daal4j.pca().resultsToCompute("mean|variance|eigenvalue").compute(data);
        PcaResult pb = assertInstanceOf(PcaResult.class, roundTrip(p));
        assertEquals(p, pb);
        assertEquals(p.dataForTransform, pb.dataForTransform);
        TrainingResult t = Daal4j.linearRegressionTraining().compute(data, Matrix.column(1, 2, 4, 3.5));
        TrainingResult tb = assertInstanceOf(TrainingResult.class, roundTrip(t));
        assertEquals(t.model.Beta, tb.model.Beta);
        assertEquals(t, tb);
    }

    @Test
    void mapsOfNamedMatricesAndSerializableValues() {
        Map<String, Object> m = Map.of("mean", Matrix.row(1, 2));
        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) roundTrip(m);
        assertEquals(Matrix.row(1, 2), back.get("mean"));
        List<String> list = new ArrayList<>(List.of("a", "b"));
        assertEquals(list, roundTrip(list));
    }

    @Test
    void valueWithoutWireFormIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Values.encode(new Object()));
        assertTrue(e.getMessage().contains("cannot bring a java.lang.Object"), e.getMessage());
    }
}
