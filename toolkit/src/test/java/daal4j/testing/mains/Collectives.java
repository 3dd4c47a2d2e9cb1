package daal4j.testing.mains;

import daal4j.Daal4j;
import daal4j.spmd.Communicator;
import daal4j.spmd.Op;
import daal4j.spmd.Spmd;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every collective once, on whatever engine runs this rank; prints "name=value" lines that
 * the tests compare with values computed without any engine ({@link #expected}).
 */
public final class Collectives {

    private Collectives() {
    }

    /** Runs on every rank of a job: {@code mpirun -n N java ... Collectives}. */
    public static void main(String[] args) {
        Daal4j.daalinit();
        body().forEach(System.out::println);
        Daal4j.daalfini();
    }

    /** This rank's results of every collective, one "name=value" line each. */
    public static List<String> body() {
        Communicator c = Spmd.current();
        int r = c.rank();
        int n = c.size();
        List<String> out = new ArrayList<>();
        out.add("rank=" + r + "/" + n + "/" + c.engine());
        for (Op op : Op.values()) {
            out.add("doubles." + op + "=" + Arrays.toString(c.allreduce(doubles(r), op)));
            out.add("longs." + op + "=" + Arrays.toString(c.allreduce(longs(r), op)));
        }
        byte[][] gathered = c.allgather(bytes(r));
        out.add("allgather=" + Arrays.deepToString(gathered));
        out.add("allgatherDoubles=" + Arrays.deepToString(c.allgather(new double[] {r * 1.5, -r})));
        out.add("broadcastDoubles=" + Arrays.toString(c.broadcast(r == n - 1 ? new double[] {Math.PI, n} : null, n - 1)));
        out.add("broadcastBytes=" + Arrays.toString(c.broadcast(r == 0 ? new byte[] {7, 8, 9} : new byte[] {1}, 0)));
        for (int i = 0; i < 20; i++) {
            c.barrier();
        }
        byte[] big = new byte[3_000_000 + r];
        Arrays.fill(big, (byte) (r + 1));
        long total = 0;
        for (byte[] b : c.allgather(big)) {
            for (byte x : b) {
                total += x;
            }
        }
        out.add("bigAllgather=" + total);
        return out;
    }

    /** The lines every rank of an {@code n}-rank job must print, computed rank by rank here. */
    public static List<String> expected(int rank, int n, String engine) {
        List<String> out = new ArrayList<>();
        out.add("rank=" + rank + "/" + n + "/" + engine);
        for (Op op : Op.values()) {
            double[] d = doubles(0);
            long[] l = longs(0);
            for (int r = 1; r < n; r++) {
                double[] x = doubles(r);
                long[] y = longs(r);
                for (int i = 0; i < d.length; i++) {
                    d[i] = switch (op) {
                        case SUM -> d[i] + x[i];
                        case MIN -> Math.min(d[i], x[i]);
                        case MAX -> Math.max(d[i], x[i]);
                    };
                    l[i] = switch (op) {
                        case SUM -> l[i] + y[i];
                        case MIN -> Math.min(l[i], y[i]);
                        case MAX -> Math.max(l[i], y[i]);
                    };
                }
            }
            out.add("doubles." + op + "=" + Arrays.toString(d));
            out.add("longs." + op + "=" + Arrays.toString(l));
        }
        byte[][] all = new byte[n][];
        double[][] allDoubles = new double[n][];
        long total = 0;
        for (int r = 0; r < n; r++) {
            all[r] = bytes(r);
            allDoubles[r] = new double[] {r * 1.5, -r};
            total += (3_000_000L + r) * (r + 1);
        }
        out.add("allgather=" + Arrays.deepToString(all));
        out.add("allgatherDoubles=" + Arrays.deepToString(allDoubles));
        out.add("broadcastDoubles=" + Arrays.toString(new double[] {Math.PI, n}));
        out.add("broadcastBytes=[7, 8, 9]");
        out.add("bigAllgather=" + total);
        return out;
    }

    private static double[] doubles(int r) {
        return new double[] {r + 0.1, -3.0 * r, Math.scalb(1.0, 60 - r), r % 2 == 0 ? -0.0 : 1e-300};
    }

    private static long[] longs(int r) {
        return new long[] {r, -(long) r * r, 1L << (40 + r), Long.MIN_VALUE / 8 + r};
    }

    /** Rank r sends r bytes: rank 0 sends none, frames differ in length. */
    private static byte[] bytes(int r) {
        byte[] b = new byte[r];
        for (int i = 0; i < r; i++) {
            b[i] = (byte) (31 * r + i - 100);
        }
        return b;
    }
}
