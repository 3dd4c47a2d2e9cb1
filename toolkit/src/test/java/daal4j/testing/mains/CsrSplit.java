package daal4j.testing.mains;

import static daal4j.Daal4j.covariance;
import static daal4j.Daal4j.daalfini;
import static daal4j.Daal4j.daalinit;
import static daal4j.Daal4j.kmeans;
import static daal4j.Daal4j.lowOrderMoments;
import static daal4j.Daal4j.multinomialNaiveBayesTraining;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;

import daal4j.algorithms.Result;
import daal4j.data.Csv;
import daal4j.data.CsrMatrix;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import daal4j.spmd.SpmdException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The CSR methods distributed over the ranks: moments and covariance of kmeans_csr.csv,
 * k-means lloydCSR on it from its first 20 rows, naive Bayes of naivebayes_train_csr.csv. Each
 * rank takes a row range of the whole files, or (with a parts folder) reads its own files in
 * daal4py's CSR layout by pattern ({@code kmeans{}.csv}, {@code nb{}.csv}, {@code labels{}.csv}).
 * Every rank writes every value of every field as "name[k] v" with all digits; then, for each
 * bad input of {@link #BAD}, the error it saw as "bad.kind message".
 */
public final class CsrSplit {

    /**
     * Bad inputs, each the last rank's file (the others' are good): the file's three lines
     * (1-based, daal4py's layout) and what the error must name.
     */
    public static final Map<String, String[]> BAD = new LinkedHashMap<>();

    static {
        BAD.put("unsorted", new String[] {"1,3,4,", "20,5,3,", "1,2,3,", "row 0: column indices are not sorted (19 then 4)"});
        BAD.put("duplicate", new String[] {"1,3,4,", "20,20,3,", "1,2,3,", "row 0: column indices repeat 19"});
        BAD.put("offsetsEnd", new String[] {"1,3,5,", "5,20,3,", "1,2,3,", "row offsets end at 4, not at the 3 non-zeros"});
        BAD.put("pastWidth", new String[] {"1,2,3,", "21,20,", "1,2,", "row 0: column index 20 is outside [0, 20)"});
        BAD.put("width", new String[] {"1,2,3,", "5,1,", "1,2,", "feature counts differ: 20 and 5"});
        BAD.put("negative", new String[] {"1,2,3,", "20,3,", "-1,2,", "non-negative"});
    }

    private CsrSplit() {
    }

    /**
     * The lines for {@code ranks} ranks of which this is {@code rank} (1 rank: the batch
     * result); {@code parts}: the folder of per-rank files ({@link #writeParts}), or null.
     */
    public static List<String> body(Path dir, Path parts, int rank, int ranks) {
        CsrMatrix all = CsrMatrix.read(dir.resolve("kmeans_csr.csv"));
        Matrix init = all.rowRange(0, 20).toDense();
        boolean dist = ranks > 1;
        List<String> out = new ArrayList<>();
        if (parts == null) {
            CsrMatrix x = part(all, rank, ranks);
            CsrMatrix t = part(CsrMatrix.read(dir.resolve("naivebayes_train_csr.csv")), rank, ranks);
            Matrix y = part(Csv.read(dir.resolve("naivebayes_train_labels.csv")), rank, ranks);
            lines("moments.", lowOrderMoments().method("fastCSR").distributed(dist).compute(x), out);
            lines("covariance.", covariance().method("singlePassCSR").distributed(dist).compute(x), out);
            lines("kmeans.", kmeans(20, 5).method("lloydCSR").distributed(dist).compute(x, init), out);
            lines("naivebayes.", multinomialNaiveBayesTraining(20).method("fastCSR").distributed(dist).compute(t, y)
                    .model, out);
        } else {
            String x = parts.resolve("kmeans{}.csv").toString();
            String t = Inputs.perRank(parts.resolve("nb{}.csv").toString(), rank);
            String y = Inputs.perRank(parts.resolve("labels{}.csv").toString(), rank);
            lines("moments.", lowOrderMoments().method("fastCSR").distributed(dist).compute(x, rank), out);
            lines("covariance.", covariance().method("singlePassCSR").distributed(dist).compute(x, rank), out);
            lines("kmeans.", kmeans(20, 5).method("lloydCSR").distributed(dist).compute(x, rank, init), out);
            lines("naivebayes.", multinomialNaiveBayesTraining(20).method("fastCSR").distributed(dist).compute(t, y)
                    .model, out);
        }
        return out;
    }

    /** Rank {@code rank}'s row range of x. */
    public static CsrMatrix part(CsrMatrix x, int rank, int ranks) {
        return x.rowRange((int) ((long) x.rows() * rank / ranks), (int) ((long) x.rows() * (rank + 1) / ranks));
    }

    private static Matrix part(Matrix y, int rank, int ranks) {
        return y.rowRange((int) ((long) y.rows() * rank / ranks), (int) ((long) y.rows() * (rank + 1) / ranks));
    }

    /** Writes each rank's files of the example files into {@code parts}: kmeans{r}.csv, nb{r}.csv, labels{r}.csv. */
    public static void writeParts(Path dir, Path parts, int ranks) {
        CsrMatrix x = CsrMatrix.read(dir.resolve("kmeans_csr.csv"));
        CsrMatrix t = CsrMatrix.read(dir.resolve("naivebayes_train_csr.csv"));
        Matrix y = Csv.read(dir.resolve("naivebayes_train_labels.csv"));
        for (int r = 0; r < ranks; r++) {
            write(part(x, r, ranks), parts.resolve("kmeans" + r + ".csv"));
            write(part(t, r, ranks), parts.resolve("nb" + r + ".csv"));
            writeLabels(part(y, r, ranks), parts.resolve("labels" + r + ".csv"));
        }
    }

    /** For each bad input, a folder {@code parts/<kind>} of per-rank files, the last rank's bad. */
    public static void writeBad(Path dir, Path parts, int ranks) {
        CsrMatrix t = CsrMatrix.read(dir.resolve("naivebayes_train_csr.csv"));
        Matrix y = Csv.read(dir.resolve("naivebayes_train_labels.csv"));
        try {
            for (Map.Entry<String, String[]> e : BAD.entrySet()) {
                Path d = Files.createDirectories(parts.resolve(e.getKey()));
                for (int r = 0; r < ranks - 1; r++) {
                    write(part(t, r, ranks), d.resolve("part" + r + ".csv"));
                    writeLabels(part(y, r, ranks), d.resolve("labels" + r + ".csv"));
                }
                String[] f = e.getValue();
                Files.writeString(d.resolve("part" + (ranks - 1) + ".csv"), f[0] + "\n" + f[1] + "\n" + f[2] + "\n");
                Files.writeString(d.resolve("labels" + (ranks - 1) + ".csv"), "0\n1\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Each bad input of {@link #BAD} given by pattern to a distributed CSR method: "bad.kind
     * message" of the error this rank saw ("bad.kind no error" when none).
     */
    public static List<String> bad(Path parts, int rank) {
        Matrix init = CsrMatrix.read(parts.resolve("unsorted/part0.csv")).rowRange(0, 20).toDense();
        Map<String, BiConsumer<String, Integer>> run = Map.of(
                "unsorted", (p, r) -> lowOrderMoments().method("fastCSR").distributed(true).compute(p, r),
                "duplicate", (p, r) -> covariance().method("fastCSR").distributed(true).compute(p, r),
                "offsetsEnd", (p, r) -> kmeans(20, 2).method("lloydCSR").distributed(true).compute(p, r, init),
                "pastWidth", (p, r) -> kmeans(20, 2).method("lloydCSR").distributed(true).compute(p, r, init),
                "width", (p, r) -> lowOrderMoments().method("fastCSR").distributed(true).compute(p, r),
                "negative", (p, r) -> multinomialNaiveBayesTraining(20).method("fastCSR").distributed(true)
                        .compute(Inputs.perRank(p, r), Inputs.perRank(p.replace("part{}", "labels{}"), r)));
        List<String> out = new ArrayList<>();
        for (String kind : BAD.keySet()) {
            String message = "no error";
            try {
                run.get(kind).accept(parts.resolve(kind).resolve("part{}.csv").toString(), rank);
            } catch (SpmdException | IllegalArgumentException e) {
                message = e.getMessage().replace('\n', ' ');
            }
            out.add("bad." + kind + " " + message);
        }
        return out;
    }

    /** Writes x in daal4py's CSR file layout (1-based offsets and indices, each line ending with a comma). */
    public static void write(CsrMatrix x, Path file) {
        StringBuilder s = new StringBuilder();
        for (int o : x.rowOffsetsView()) {
            s.append(o + 1).append(',');
        }
        s.append('\n');
        for (int j : x.columnIndicesView()) {
            s.append(j + 1).append(',');
        }
        s.append('\n');
        for (double v : x.valuesView()) {
            s.append(v).append(',');
        }
        s.append('\n');
        try {
            Files.writeString(file, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeLabels(Matrix y, Path file) {
        StringBuilder s = new StringBuilder();
        for (double v : y.rowMajorView()) {
            s.append(v).append('\n');
        }
        try {
            Files.writeString(file, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void lines(String prefix, Result r, List<String> out) {
        for (Map.Entry<String, Object> e : r.fields().entrySet()) {
            if (e.getValue() instanceof Matrix m && !e.getKey().equals("assignments")) {
                double[] v = m.rowMajorView();
                for (int k = 0; k < v.length; k++) {
                    out.add(prefix + e.getKey() + "[" + k + "] " + v[k]);
                }
            } else if (e.getValue() instanceof Number n) {
                out.add(prefix + e.getKey() + " " + n.doubleValue());
            }
        }
    }

    /**
     * mpirun entry: args[0] is the folder of daal4py's distributed example files, args[1] the
     * output folder, args[2] (optional) the folder of per-rank files, whose bad/ subfolder
     * ({@link #writeBad}) is then tried too. Each rank writes its lines to args[1]/rank{r}.txt
     * (mpirun's tagged output cuts lines of long output).
     */
    public static void main(String[] args) throws IOException {
        daalinit();
        Path parts = args.length > 2 ? Path.of(args[2]) : null;
        List<String> lines = body(Path.of(args[0]), parts, myProcid(), numProcs());
        if (parts != null) {
            lines.addAll(bad(parts.resolve("bad"), myProcid()));
        }
        Files.write(Path.of(args[1]).resolve("rank" + myProcid() + ".txt"), lines);
        System.out.println("wrote " + lines.size() + " lines");
        daalfini();
    }
}
