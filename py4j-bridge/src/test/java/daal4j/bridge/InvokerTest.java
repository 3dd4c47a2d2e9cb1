package daal4j.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.data.Matrix;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvokerTest {

    /** A stand-in for an algorithm's fluent setters and compute overloads. */
    public static final class Target {
        public String last;

        public Target ratio(double v) {
            last = "double " + v;
            return this;
        }

        public Target count(int n) {
            last = "int " + n;
            return this;
        }

        public Target alpha(double... values) {
            last = "alpha " + Arrays.toString(values);
            return this;
        }

        public Target mode(java.time.DayOfWeek d) {
            last = "enum " + d;
            return this;
        }

        public String compute(Object data) {
            return "object";
        }

        public String compute(Matrix data) {
            return "matrix";
        }

        public String compute(String pattern, int id) {
            return "pattern " + pattern + " " + id;
        }

        public String transform(Object data, Object optional) {
            return "optional " + optional;
        }

        public String fail() {
            throw new IllegalArgumentException("bad input, said the method");
        }
    }

    private static Object call(Target t, String name, Object... args) {
        return Invoker.call(Target.class, t, name, List.of(args));
    }

    @Test
    void convertsPythonNumbersEnumsAndLists() {
        Target t = new Target();
        call(t, "ratio", 3);
        assertEquals("double 3.0", t.last);
        call(t, "count", 7L);
        assertEquals("int 7", t.last);
        call(t, "alpha", 0.5);
        assertEquals("alpha [0.5]", t.last);
        call(t, "alpha", List.of(1, 2.5));
        assertEquals("alpha [1.0, 2.5]", t.last);
        call(t, "mode", "monday");
        assertEquals("enum MONDAY", t.last);
        assertThrows(IllegalArgumentException.class, () -> call(t, "count", 1L << 40));
    }

    @Test
    void choosesTheClosestOverloadAndPadsOptionalInputs() {
        Target t = new Target();
        assertEquals("matrix", call(t, "compute", Matrix.row(1, 2)));
        assertEquals("object", call(t, "compute", "file.csv"));
        assertEquals("pattern f{}.csv 2", call(t, "compute", "f{}.csv", 2));
        assertEquals("optional null", call(t, "transform", Matrix.row(1)));
        assertNull(Invoker.convert(null, Object.class));
    }

    @Test
    void namesWhatItCannotCallAndRethrowsTheMethodsOwnException() {
        Target t = new Target();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> call(t, "compute", 1, 2, 3));
        assertTrue(e.getMessage().contains("Target.compute cannot take (integer, integer, integer)"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> call(t, "nothing")).getMessage()
                .contains("does not exist"));
        assertEquals("bad input, said the method",
                assertThrows(IllegalArgumentException.class, () -> call(t, "fail")).getMessage());
    }

    @Test
    void parameterNamesAreCompiledIn() {
        List<List<String>> names = Invoker.parameterNames(Target.class, false, "transform");
        assertEquals(List.of(List.of("data", "optional")), names);
    }

    @Test
    void sharedFileRoundTripsAcrossGrowth() throws Exception {
        try (SharedFile f = SharedFile.create()) {
            double[] big = new double[3_000_000];
            for (int i = 0; i < big.length; i++) {
                big[i] = i * 0.5 - 7;
            }
            f.write(64, big);
            assertArrayEquals(big, f.readDoubles(64, big.length));
            f.write(8, new double[] {42});
            assertArrayEquals(new double[] {42}, f.readDoubles(8, 1));
            assertTrue(f.size() >= 64 + 8L * big.length);
            assertThrows(IllegalArgumentException.class, () -> f.readDoubles(f.size(), 1));
        }
    }

    @Test
    void aBoundMethodKeepsTheFirstCallsOverloadAndChoosesAgainForOtherKinds() {
        Target t = new Target();
        var compute = Invoker.bound(Target.class, t, "compute");
        Matrix m = Matrix.wrap(1, 1, new double[] {1});
        assertEquals("matrix", compute.apply(List.of(m)));
        assertEquals("matrix", compute.apply(List.of(m)));
        assertEquals("pattern f{}.csv 2", compute.apply(List.of("f{}.csv", 2)));
        assertEquals("optional 7", Invoker.bound(Target.class, t, "transform").apply(List.of(m, 7)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Invoker.bound(Target.class, t, "compute").apply(List.of(1, 2, 3)));
        assertTrue(e.getMessage().contains("it takes"), e.getMessage());
    }
}
