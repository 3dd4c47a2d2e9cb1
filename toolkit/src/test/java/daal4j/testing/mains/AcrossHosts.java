package daal4j.testing.mains;

import static daal4j.Daal4j.covariance;
import static daal4j.Daal4j.daalfini;
import static daal4j.Daal4j.daalinit;
import static daal4j.Daal4j.kmeans;
import static daal4j.Daal4j.kmeansInit;
import static daal4j.Daal4j.linearRegressionTraining;
import static daal4j.Daal4j.lowOrderMoments;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;
import static daal4j.Daal4j.pca;
import static daal4j.Daal4j.qr;

import daal4j.algorithms.kmeans.KMeansInitResult;
import daal4j.algorithms.kmeans.KMeansResult;
import daal4j.algorithms.moments.LowOrderMomentsResult;
import daal4j.data.Csv;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The programs of the multi-host tests (tests/test_hosts.py), run by {@code bin/daal4j run} on
 * 1 rank or across hosts, on per-rank files {@code DIR/x{}.csv} and {@code DIR/y{}.csv}.
 * {@code AcrossHosts DIR}: the seed program and five more algorithms, every rank printing its
 * results as {@code RESULT rank name values…} in full precision. {@code AcrossHosts DIR slow}:
 * a long k-means (a pause per iteration) for a host to fail in the middle of.
 * {@code AcrossHosts DIR traffic}: each algorithm alone, printing {@code TRAFFIC rank name
 * collectives bytesSent bytesReceived microseconds} (docs/scale.md).
 * Every rank first prints {@code HOST rank hostname address}.
 */
public final class AcrossHosts {

    private AcrossHosts() {
    }

    /** The program: results, or the slow k-means. */
    public static void main(String[] args) throws IOException {
        daalinit();
        String dir = args[0];
        System.out.println("HOST " + myProcid() + " " + hostname() + " " + address());
        System.out.flush();
        String x = dir + "/x{}.csv";
        if (args.length > 1 && args[1].equals("slow")) {
            slowKmeans(x);
        } else if (args.length > 1 && args[1].equals("traffic")) {
            traffic(x, dir + "/y{}.csv");
        } else {
            results(x, dir + "/y{}.csv");
        }
        daalfini();
    }

    private static void results(String x, String y) {
        KMeansInitResult init = kmeansInit(10).method("plusPlusDense").seed(7).distributed(true)
                .compute(x, myProcid());
        KMeansResult km = kmeans(10, 25).distributed(true).compute(x, myProcid(), init.centroids);
        print("kmeansInit.centroids", init.centroids);
        print("kmeans.centroids", km.centroids);
        print("kmeans.objectiveFunction", Matrix.row(km.objectiveFunction));
        print("kmeans.nIterations", Matrix.row(km.nIterations));
        LowOrderMomentsResult m = lowOrderMoments().distributed(true).compute(x, myProcid());
        print("moments.mean", m.mean);
        print("moments.variance", m.variance);
        print("moments.minimum", m.minimum);
        print("moments.maximum", m.maximum);
        print("covariance.covariance", covariance().distributed(true).compute(x, myProcid()).covariance);
        Matrix features = Csv.read(Path.of(Inputs.perRank(x, myProcid())));
        Matrix responses = Csv.read(Path.of(Inputs.perRank(y, myProcid())));
        print("linearRegression.Beta",
                linearRegressionTraining().distributed(true).compute(features, responses).model.Beta);
        print("qr.matrixR", qr().distributed(true).compute(x, myProcid()).matrixR);
        var p = pca().method("correlationDense").isDeterministic(true).distributed(true).compute(x, myProcid());
        print("pca.eigenvalues", p.eigenvalues);
        print("pca.eigenvectors", p.eigenvectors);
    }

    private static void traffic(String x, String y) {
        Matrix features = Csv.read(Path.of(Inputs.perRank(x, myProcid())));
        Matrix responses = Csv.read(Path.of(Inputs.perRank(y, myProcid())));
        KMeansInitResult init = kmeansInit(10).method("plusPlusDense").seed(7).distributed(true).compute(features);
        java.util.Map<String, Runnable> runs = new java.util.LinkedHashMap<>();
        runs.put("lowOrderMoments", () -> lowOrderMoments().distributed(true).compute(features));
        runs.put("covariance", () -> covariance().distributed(true).compute(features));
        runs.put("linearRegression", () -> linearRegressionTraining().distributed(true).compute(features, responses));
        runs.put("qr", () -> qr().distributed(true).compute(features));
        runs.put("pca", () -> pca().method("correlationDense").distributed(true).compute(features));
        runs.put("kmeansInit.plusPlus", () -> kmeansInit(10).method("plusPlusDense").seed(7).distributed(true)
                .compute(features));
        runs.put("kmeans.10iterations", () -> kmeans(10, 10).accuracyThreshold(0).distributed(true)
                .compute(features, init.centroids));
        daal4j.spmd.Communicator comm = daal4j.spmd.Spmd.current();
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            for (var run : runs.entrySet()) {
                comm.barrier();
                var before = comm.traffic();
                long start = System.nanoTime();
                run.getValue().run();
                long micros = (System.nanoTime() - start) / 1000;
                var after = comm.traffic();
                if (round == 1) {
                    System.out.println("TRAFFIC " + myProcid() + " " + run.getKey() + " "
                            + (after.collectives() - before.collectives()) + " "
                            + (after.bytesSent() - before.bytesSent()) + " "
                            + (after.bytesReceived() - before.bytesReceived()) + " " + micros);
                }
            }
        }
    }

    private static void slowKmeans(String x) {
        KMeansInitResult init = kmeansInit(10).method("plusPlusDense").seed(7).distributed(true)
                .compute(x, myProcid());
        KMeansResult km = kmeans(10, 100_000).accuracyThreshold(0).distributed(true)
                .onIteration((it, objective) -> {
                    System.out.println("ITERATION " + myProcid() + " " + it);
                    System.out.flush();
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })
                .compute(x, myProcid(), init.centroids);
        System.out.println("DONE " + myProcid() + " " + km.nIterations);
    }

    private static void print(String name, Matrix m) {
        String values = java.util.Arrays.stream(m.toRowMajor())
                .mapToObj(v -> String.format(Locale.ROOT, "%.17g", v))
                .collect(Collectors.joining(" "));
        System.out.println("RESULT " + myProcid() + "/" + numProcs() + " " + name + " " + values);
    }

    private static String hostname() throws IOException {
        Path kernel = Path.of("/proc/sys/kernel/hostname");
        return Files.exists(kernel) ? Files.readString(kernel).trim() : InetAddress.getLocalHost().getHostName();
    }

    /** This host's first IPv4 address off the loopback, or "-". */
    private static String address() throws SocketException {
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!n.isLoopback() && n.isUp()) {
                for (InetAddress a : Collections.list(n.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return a.getHostAddress();
                    }
                }
            }
        }
        return "-";
    }
}
