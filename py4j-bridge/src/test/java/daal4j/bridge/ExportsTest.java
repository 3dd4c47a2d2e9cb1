package daal4j.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.Daal4j;
import daal4j.algorithms.naivebayes.MultinomialNaiveBayesModel;
import daal4j.algorithms.regression.LinearModel;
import daal4j.data.Matrix;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Results out: what export lists is Result.fields(); attributes are fields or methods. */
class ExportsTest {

    private SharedFile shared;
    private Exports exports;

    @BeforeEach
    void open() throws Exception {
        shared = SharedFile.create();
        exports = new Exports(shared);
    }

    @AfterEach
    void close() {
        shared.close();
    }

    private static List<String> names(String exported) {
        return Arrays.stream(exported.split("\n")).map(l -> l.split("\t")[0]).collect(Collectors.toList());
    }

    @Test
    void aResultExportsItsFieldsInOrderAndItsArraysReadBack() {
        Matrix x = Matrix.of(new double[][] {{1, 2}, {2, 1}, {4, 5}, {3, 3}});
        LinearModel model = Daal4j.linearRegressionTraining().interceptFlag(true).compute(x, Matrix.column(1, 2, 3, 4)).model;
        String text = exports.export(model, Long.MAX_VALUE);
        assertEquals(List.copyOf(model.fields().keySet()), names(text));
        String[] beta = text.split("\n")[0].split("\t");
        assertEquals(List.of("Beta", "M", "1", "3", "0"), List.of(beta));
        assertEquals(model.Beta, Matrix.wrap(1, 3, shared.readDoubles(0, 3)));
        assertTrue(text.contains("NumberOfBetas\tI\t3\n"), text);
        assertTrue(text.contains("InterceptFlag\tB\ttrue\n"), text);
    }

    @Test
    void attributesAreResultFieldsOrMethods() throws Exception {
        MultinomialNaiveBayesModel m = new MultinomialNaiveBayesModel(Matrix.column(Math.log(0.5), Math.log(0.5)),
                Matrix.of(new double[][] {{-1, -2}, {-2, -1}}));
        assertSame(m.LogP, Exports.attribute(m, "LogP"));
        assertEquals(2L, Exports.attribute(m, "NFeatures"));
        assertEquals(2, Exports.attribute(m, "nClasses"));
        assertEquals(2, Exports.attribute(m, "NClasses"));
        NoSuchFieldException e = assertThrows(NoSuchFieldException.class, () -> Exports.attribute(m, "Nope"));
        assertTrue(e.getMessage().contains("has no attribute 'Nope'"), e.getMessage());
    }

    @Test
    void plainValuesExportAsThemselvesAndOtherObjectsHaveNoFields() {
        assertEquals("\tI\t7\n", exports.export(7, Long.MAX_VALUE));
        assertEquals("\t0\n", exports.export(null, Long.MAX_VALUE));
        assertEquals("", exports.export(new Object(), Long.MAX_VALUE));
        assertEquals("O\tobject", exports.exportValue(new Object(), Long.MAX_VALUE));
    }
}
