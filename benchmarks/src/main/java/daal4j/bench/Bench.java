package daal4j.bench;

import static daal4j.Daal4j.covariance;
import static daal4j.Daal4j.kmeans;
import static daal4j.Daal4j.kmeansInit;
import static daal4j.Daal4j.linearRegressionTraining;
import static daal4j.Daal4j.lowOrderMoments;
import static daal4j.Daal4j.multinomialNaiveBayesTraining;
import static daal4j.Daal4j.pca;
import static daal4j.Daal4j.qr;
import static daal4j.Daal4j.ridgeRegressionTraining;
import static daal4j.Daal4j.svd;

import daal4j.data.Matrix;
import daal4j.linalg.Linalg;
import daal4j.spmd.Communicator;
import daal4j.spmd.Spmd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times one workload over a raw float64 row-major file split across ranks: local ranks of
 * this JVM, or the MPI ranks when started by mpirun. Prints one JSON line on rank 0.
 *
 * <p>Arguments: {@code --workload NAME --data FILE --rows N --cols P [--ranks R] [--reps K]}.
 */
public final class Bench {

    /** CPU time of the calling thread: each rank's work runs on its own thread (one BLAS thread). */
    /** Untimed runs after the warm-up: about this many seconds of them … */
    private static final double SETTLE_SECONDS = 1.0;
    /** … but no more runs than this. */
    private static final int MAX_SETTLE_RUNS = 10;

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private Bench() {
    }

    /** The workloads, by name. */
    static Map<String, Workload> workloads() {
        Map<String, Workload> w = new LinkedHashMap<>();
        w.put("moments", (x, y) -> lowOrderMoments().distributed(true).compute(x));
        w.put("covariance", (x, y) -> covariance().distributed(true).compute(x));
        w.put("linear_regression", (x, y) -> linearRegressionTraining().interceptFlag(true).distributed(true).compute(x, y));
        w.put("ridge_regression", (x, y) -> ridgeRegressionTraining().interceptFlag(true).distributed(true).compute(x, y));
        w.put("naive_bayes", (x, y) -> multinomialNaiveBayesTraining(20).distributed(true).compute(x, y));
        w.put("qr", (x, y) -> qr().distributed(true).compute(x));
        w.put("svd", (x, y) -> svd().distributed(true).compute(x));
        w.put("pca_correlation", (x, y) -> pca().method("correlationDense").distributed(true).compute(x));
        w.put("pca_svd", (x, y) -> pca().method("svdDense").distributed(true).compute(x));
        w.put("kmeans_init_plusplus", (x, y) -> kmeansInit(10).method("plusPlusDense").distributed(true).compute(x));
        // Lloyd from the first 10 rows, as the peers start: 20 iterations, no early stop
        w.put("kmeans", (x, y) -> kmeans(10, 20).accuracyThreshold(0).distributed(true)
                .compute(x, kmeansInit(10).distributed(true).compute(x).centroids));
        // the second k-means case: 100 clusters from the first 100 rows, 20 iterations
        w.put("kmeans100", (x, y) -> kmeans(100, 20).accuracyThreshold(0).distributed(true)
                .compute(x, kmeansInit(100).distributed(true).compute(x).centroids));
        w.put("csv_ingest", (x, y) -> x); // the work is the load itself, timed by the caller
        return w;
    }

    /** The "--name value" arguments by name. */
    static Map<String, String> options(String[] args) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return a;
    }

    /** Runs the benchmark described by the arguments. */
    public static void main(String[] args) {
        Map<String, String> a = options(args);
        Workload work = workloads().get(a.get("workload"));
        if (work == null) {
            throw new IllegalArgumentException("unknown workload " + a.get("workload") + "; known " + workloads().keySet());
        }
        Path data = Path.of(a.get("data"));
        Path responses = a.containsKey("y") ? Path.of(a.get("y")) : null;
        boolean csv = data.toString().endsWith(".csv");
        int rows = Integer.parseInt(a.get("rows"));
        int cols = Integer.parseInt(a.get("cols"));
        int reps = Integer.parseInt(a.getOrDefault("reps", "5"));
        Communicator process = Spmd.init();
        Runnable body = () -> {
            Communicator c = Spmd.current();
            long t0 = System.nanoTime();
            Matrix mine = csv ? readCsv(data, c.rank(), c.size()) : slice(data, rows, cols, c.rank(), c.size());
            Matrix y = responses == null ? null : slice(responses, rows, -1, c.rank(), c.size());
            c.barrier();
            double load = (System.nanoTime() - t0) / 1e9;
            List<Double> times = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            long w0 = System.nanoTime();
            // the timed work: for CSV ingest the read itself
            Runnable once = csv ? () -> readCsv(data, c.rank(), c.size()) : () -> work.run(mine, y);
            once.run(); // warm-up: JIT and first touch, reported apart
            double warm = (System.nanoTime() - w0) / 1e9;
            // more untimed runs, about a second's worth (1 to 10; the same count on every rank):
            // after one run the JIT is still compiling, and on 2 ranks of 2 cores its threads
            // take a rank's core, so the first timed runs of short workloads came out slow
            int settle = (int) Math.min(MAX_SETTLE_RUNS,
                    Math.max(1, Math.ceil(SETTLE_SECONDS / c.allreduce(new double[] {warm}, daal4j.spmd.Op.MAX)[0])));
            long s0 = System.nanoTime();
            for (int r = 0; r < settle; r++) {
                c.barrier();
                once.run();
            }
            double settled = (System.nanoTime() - s0) / 1e9;
            for (int r = 0; r < reps; r++) {
                c.barrier();
                long s = System.nanoTime();
                long cs = THREADS.getCurrentThreadCpuTime();
                once.run();
                double rankCpu = (THREADS.getCurrentThreadCpuTime() - cs) / 1e9;
                c.barrier();
                times.add((System.nanoTime() - s) / 1e9);
                // the busiest rank's CPU seconds: what the wall time would be with a free core per rank
                cpu.add(c.allreduce(new double[] {rankCpu}, daal4j.spmd.Op.MAX)[0]);
            }
            if (c.rank() == 0) {
                double[] t = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double[] ct = cpu.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                System.out.println(String.format(Locale.ROOT,
                        "{\"workload\":\"%s\",\"engine\":\"%s\",\"ranks\":%d,\"rows\":%d,\"cols\":%d,"
                                + "\"load_s\":%.4f,\"warmup_s\":%.4f,\"settle_s\":%.4f,\"median_s\":%.5f,\"min_s\":%.5f,\"max_s\":%.5f,"
                                + "\"cpu_s\":%.5f,\"blas\":\"%s\"}",
                        a.get("workload"), c.engine(), c.size(), rows, cols, load, warm, settled, t[t.length / 2], t[0],
                        t[t.length - 1], ct[ct.length / 2], Linalg.isNative() ? "native" : "java"));
            }
        };
        if (process.size() > 1) {
            body.run();
        } else {
            Spmd.local(Integer.parseInt(a.getOrDefault("ranks", "1"))).run(body);
        }
        Spmd.fini();
    }

    /** The whole CSV on one rank; on several, each rank reads its own part file (name_part{rank}.csv). */
    static Matrix readCsv(Path file, int rank, int size) {
        Path part = size == 1 ? file : Path.of(file.toString().replaceFirst("\\.csv$", "_part" + rank + ".csv"));
        return daal4j.data.Csv.read(part);
    }

    /** Rows [rank*n/size, (rank+1)*n/size) of the raw file; cols -1 means file size / rows. */
    static Matrix slice(Path file, int rows, int cols, int rank, int size) {
        if (cols < 0) {
            try {
                cols = Math.toIntExact(java.nio.file.Files.size(file) / Double.BYTES / rows);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        long from = (long) rank * rows / size;
        long to = (long) (rank + 1) * rows / size;
        double[] d = new double[Math.toIntExact((to - from) * cols)];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long bytes = (long) d.length * Double.BYTES;
            long start = from * cols * Double.BYTES;
            int done = 0;
            // map in pieces below 2 GiB
            while (done < d.length) {
                int n = (int) Math.min(d.length - done, (1L << 27));
                ch.map(FileChannel.MapMode.READ_ONLY, start + (long) done * Double.BYTES, (long) n * Double.BYTES)
                        .order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(d, done, n);
                done += n;
            }
            if (bytes != (long) done * Double.BYTES) {
                throw new IllegalStateException("short read of " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Matrix.wrap((int) (to - from), cols, d);
    }

}
