package daal4j.bench;

import static daal4j.Daal4j.lowOrderMoments;

import daal4j.algorithms.moments.LowOrderMomentsResult;
import daal4j.data.Csv;
import daal4j.data.Inputs;
import daal4j.spmd.Communicator;
import daal4j.spmd.Op;
import daal4j.spmd.Spmd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One CSV file split across ranks ({@code Inputs.rowsOf}): low order moments of the whole file,
 * with each rank's wall time, bytes read and peak resident memory. Under mpirun each rank is a
 * process; otherwise {@code --ranks R} local ranks share this JVM (bytes are still per thread,
 * memory is the JVM's).
 *
 * <p>Arguments: {@code FILE [--ranks R] [--header true]}. Prints one JSON line per rank.
 */
public final class SplitRead {

    private SplitRead() {
    }

    /** Runs the read-and-compute once and reports it. */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int ranks = 1;
        boolean header = false;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--ranks" -> ranks = Integer.parseInt(args[i + 1]);
                case "--header" -> header = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Csv reader = Csv.reader().header(header);
        Communicator process = Spmd.init();
        Runnable body = () -> {
            Communicator c = Spmd.current();
            c.barrier();
            long read0 = threadBytesRead();
            long t0 = System.nanoTime();
            LowOrderMomentsResult m = lowOrderMoments().distributed(true).compute(Inputs.rowsOf(file, reader));
            double seconds = (System.nanoTime() - t0) / 1e9;
            long read = threadBytesRead() - read0;
            double slowest = c.allreduce(new double[] {seconds}, Op.MAX)[0];
            synchronized (SplitRead.class) {
                System.out.println(String.format(Locale.ROOT,
                        "{\"engine\":\"%s\",\"ranks\":%d,\"rank\":%d,\"seconds\":%.3f,\"slowest_s\":%.3f,"
                                + "\"bytes_read\":%d,\"file_bytes\":%d,\"peak_rss_bytes\":%d,\"sum0\":%.17g,"
                                + "\"mean0\":%.17g,\"variance0\":%.17g}",
                        c.engine(), c.size(), c.rank(), seconds, slowest, read, size(file), peakRss(),
                        m.sum.get(0, 0), m.mean.get(0, 0), m.variance.get(0, 0)));
            }
        };
        if (process.size() > 1) {
            body.run();
        } else {
            Spmd.local(ranks).run(body);
        }
        Spmd.fini();
    }

    /** Bytes this thread has read through system calls (Linux /proc/thread-self/io, rchar). */
    private static long threadBytesRead() {
        return procField(Path.of("/proc/thread-self/io"), "rchar:");
    }

    /** The process's peak resident set (VmHWM), in bytes. */
    static long peakRss() {
        return procField(Path.of("/proc/self/status"), "VmHWM:") * 1024;
    }

    private static long procField(Path proc, String key) {
        try {
            for (String line : Files.readAllLines(proc)) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
