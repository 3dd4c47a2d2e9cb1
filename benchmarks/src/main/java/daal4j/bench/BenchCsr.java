package daal4j.bench;

import static daal4j.Daal4j.covariance;
import static daal4j.Daal4j.kmeans;
import static daal4j.Daal4j.lowOrderMoments;
import static daal4j.Daal4j.multinomialNaiveBayesTraining;

import daal4j.algorithms.kmeans.KMeansResult;
import daal4j.data.CsrMatrix;
import daal4j.data.Matrix;
import daal4j.spmd.Communicator;
import daal4j.spmd.Spmd;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Times one CSR workload (moments, covariance, naive_bayes, kmeans; see
 * benchmarks/python/bench_csr.py) on the raw CSR files of {@link RawCsr}, each rank reading only
 * its rows: local ranks of this JVM, or the MPI ranks under mpirun. Each process prints one JSON
 * line: the best seconds of --reps runs after one (--reps 0: of that one; k-means: per
 * iteration), the load time, a check value of the result and the process's peak resident
 * memory (VmHWM).
 *
 * <p>Arguments: {@code --workload W --data PREFIX --rows N --cols P [--k K --iters I --classes C]
 * [--ranks R] [--reps N]}; naive_bayes reads {@code PREFIX.labels}, kmeans {@code PREFIX.init}
 * (float64, k x P); covariance reads {@code PREFIX.c1000.*}.
 */
public final class BenchCsr {

    private BenchCsr() {
    }

    /** Runs the workload described by the arguments. */
    public static void main(String[] args) {
        Map<String, String> a = Bench.options(args);
        String workload = a.get("workload");
        String prefix = a.get("data") + (workload.equals("covariance") ? ".c1000" : "");
        int rows = Integer.parseInt(a.get("rows"));
        int cols = Integer.parseInt(a.get("cols"));
        int k = Integer.parseInt(a.getOrDefault("k", "20"));
        int iters = Integer.parseInt(a.getOrDefault("iters", "10"));
        int classes = Integer.parseInt(a.getOrDefault("classes", "20"));
        int reps = Integer.parseInt(a.getOrDefault("reps", "3"));
        Communicator process = Spmd.init();
        Runnable body = () -> {
            Communicator c = Spmd.current();
            int from = (int) ((long) rows * c.rank() / c.size());
            int to = (int) ((long) rows * (c.rank() + 1) / c.size());
            long t0 = System.nanoTime();
            CsrMatrix mine = RawCsr.rows(prefix, cols, from, to);
            int[] iterations = {1};
            DoubleSupplier run = switch (workload) {
                case "moments" -> () -> sum(lowOrderMoments().method("fastCSR").distributed(true).compute(mine).mean);
                case "covariance" -> () -> trace(covariance().method("fastCSR").distributed(true).compute(mine)
                        .covariance);
                case "naive_bayes" -> {
                    double[] y = new double[to - from];
                    RawCsr.readDoubles(Path.of(a.get("data") + ".labels"), 8L * from, y);
                    yield () -> sum(multinomialNaiveBayesTraining(classes).method("fastCSR").distributed(true)
                            .compute(mine, y).model.LogTheta);
                }
                case "kmeans" -> {
                    double[] init = new double[k * cols];
                    RawCsr.readDoubles(Path.of(a.get("data") + ".init"), 0, init);
                    Matrix start = Matrix.wrap(k, cols, init);
                    yield () -> {
                        KMeansResult r = kmeans(k, iters).method("lloydCSR").assignFlag(true).distributed(true)
                                .compute(mine, start);
                        iterations[0] = r.nIterations;
                        return r.objectiveFunction;
                    };
                }
                default -> throw new IllegalArgumentException("unknown workload " + workload);
            };
            c.barrier();
            double load = (System.nanoTime() - t0) / 1e9;
            long w = System.nanoTime();
            double check = run.getAsDouble(); // warm-up: JIT, first touch (timed only with --reps 0)
            double best = reps > 0 ? Double.POSITIVE_INFINITY : (System.nanoTime() - w) / 1e9 / iterations[0];
            for (int r = 0; r < reps; r++) {
                c.barrier();
                long s = System.nanoTime();
                check = run.getAsDouble();
                c.barrier();
                best = Math.min(best, (System.nanoTime() - s) / 1e9 / iterations[0]);
            }
            // every process reports (under mpirun each rank is one); local ranks share one process
            if (c.rank() == 0 || process.size() > 1) {
                System.out.println(String.format(Locale.ROOT,
                        "{\"rank\":%d,\"ranks\":%d,\"engine\":\"%s\",\"seconds\":%.6f,\"load_s\":%.3f,"
                                + "\"check\":%.17g,\"peak_mb\":%.1f}",
                        c.rank(), c.size(), c.engine(), best, load, check, SplitRead.peakRss() / 1048576.0));
            }
        };
        if (process.size() > 1) {
            body.run();
        } else {
            Spmd.local(Integer.parseInt(a.getOrDefault("ranks", "1"))).run(body);
        }
        Spmd.fini();
    }

    private static double sum(Matrix m) {
        double s = 0;
        for (double v : m.rowMajorView()) {
            s += v;
        }
        return s;
    }

    private static double trace(Matrix m) {
        double s = 0;
        for (int i = 0; i < m.rows(); i++) {
            s += m.get(i, i);
        }
        return s;
    }
}
