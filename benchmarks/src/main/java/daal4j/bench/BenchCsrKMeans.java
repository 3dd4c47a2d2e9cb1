package daal4j.bench;

import static daal4j.Daal4j.kmeans;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;

import daal4j.algorithms.kmeans.KMeansResult;
import daal4j.data.CsrMatrix;
import daal4j.data.Matrix;
import daal4j.spmd.Spmd;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Times k-means lloydCSR on a CSR matrix stored as raw little-endian files {@code PREFIX.offsets}
 * (int32, rows + 1), {@code .indices} (int32), {@code .values} (float64) and {@code .init}
 * (float64, k x cols), split by rows over local ranks. Prints one JSON line: the best wall
 * seconds per iteration over the timed runs (after one untimed run), the objective, the peak
 * resident memory of the JVM.
 *
 * <p>Arguments: {@code --data PREFIX --rows N --cols P --k K --iters I [--ranks R] [--reps N]}.
 */
public final class BenchCsrKMeans {

    private BenchCsrKMeans() {
    }

    /** Runs the benchmark described by the arguments. */
    public static void main(String[] args) throws IOException {
        String prefix = null;
        int rows = 0;
        int cols = 0;
        int k = 20;
        int iters = 10;
        int ranks = 1;
        int reps = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--data" -> prefix = v;
                case "--rows" -> rows = Integer.parseInt(v);
                case "--cols" -> cols = Integer.parseInt(v);
                case "--k" -> k = Integer.parseInt(v);
                case "--iters" -> iters = Integer.parseInt(v);
                case "--ranks" -> ranks = Integer.parseInt(v);
                case "--reps" -> reps = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int[] offsets = ints(Path.of(prefix + ".offsets"));
        int[] indices = ints(Path.of(prefix + ".indices"));
        double[] values = doubles(Path.of(prefix + ".values"));
        CsrMatrix x = CsrMatrix.of(rows, cols, offsets, indices, values);
        Matrix init = Matrix.wrap(k, cols, doubles(Path.of(prefix + ".init")));
        int kk = k;
        int it = iters;
        int runs = reps;
        long start = System.nanoTime();
        List<double[]> out = Spmd.local(ranks).call(() -> {
            int n = x.rows();
            CsrMatrix mine = x.rowRange((int) ((long) myProcid() * n / numProcs()),
                    (int) ((long) (myProcid() + 1) * n / numProcs()));
            double best = Double.POSITIVE_INFINITY;
            KMeansResult r = null;
            for (int rep = 0; rep <= runs; rep++) {
                long t = System.nanoTime();
                r = kmeans(kk, it).method("lloydCSR").assignFlag(true).distributed(true).compute(mine, init);
                double perIter = (System.nanoTime() - t) / 1e9 / r.nIterations;
                if (rep > 0) {
                    best = Math.min(best, perIter);
                }
            }
            return new double[] {best, r.objectiveFunction, r.nIterations};
        });
        double total = (System.nanoTime() - start) / 1e9;
        double[] r0 = out.get(0);
        System.out.println(String.format(Locale.ROOT,
                "{\"ranks\": %d, \"seconds_per_iter\": %.6f, \"objective\": %.17g, \"n_iter\": %d, \"peak_mb\": %.1f,"
                        + " \"total_seconds\": %.3f}", ranks, r0[0], r0[1], (int) r0[2], peakMb(), total));
    }

    private static ByteBuffer read(Path p) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int[] ints(Path p) throws IOException {
        ByteBuffer b = read(p);
        int[] out = new int[b.remaining() / 4];
        b.asIntBuffer().get(out);
        return out;
    }

    private static double[] doubles(Path p) throws IOException {
        ByteBuffer b = read(p);
        double[] out = new double[b.remaining() / 8];
        b.asDoubleBuffer().get(out);
        return out;
    }

    /** The process's peak resident set (VmHWM), in MB; NaN where /proc is missing. */
    static double peakMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
