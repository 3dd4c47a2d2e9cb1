package daal4j.algorithms;

import static daal4j.Daal4j.covariance;
import static daal4j.Daal4j.kmeans;
import static daal4j.Daal4j.kmeansInit;
import static daal4j.Daal4j.linearRegressionPrediction;
import static daal4j.Daal4j.linearRegressionTraining;
import static daal4j.Daal4j.lowOrderMoments;
import static daal4j.Daal4j.multinomialNaiveBayesTraining;
import static daal4j.Daal4j.pca;
import static daal4j.Daal4j.qr;
import static daal4j.testing.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.algorithms.regression.LinearModel;
import daal4j.data.Csv;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import daal4j.spmd.Spmd;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One file split across ranks ({@code Inputs.rowsOf}): every algorithm distributed over its
 * parts gives the batch result of the whole file.
 */
class SplitFileTest {

    private static final Csv READER = Csv.reader().header(true);

    @TempDir
    static Path dir;

    private static Path file;
    private static Matrix whole;

    /** 61 rows: a BOM, a header, CRLF and LF lines, a blank line, no final newline; y = x b + noise. */
    @BeforeEach
    void writeFile() throws IOException {
        if (file != null) {
            return;
        }
        Random rnd = new Random(11);
        StringBuilder s = new StringBuilder("\uFEFFa,b,c,d,y\r\n");
        for (int i = 0; i < 61; i++) {
            double[] x = new double[4];
            double y = 0.5;
            for (int j = 0; j < 4; j++) {
                x[j] = Math.round(rnd.nextGaussian() * Math.pow(10, j) * 1e4) / 1e4;
                s.append(String.format(Locale.ROOT, "%s,", x[j]));
                y += (j + 1) * x[j];
            }
            s.append(String.format(Locale.ROOT, "%.6f", y + rnd.nextGaussian() * 0.1));
            s.append(i == 60 ? "" : i % 5 == 0 ? "\r\n" : i == 30 ? "\n\n" : "\n");
        }
        file = dir.resolve("big.csv");
        Files.writeString(file, s, StandardCharsets.UTF_8);
        whole = READER.readFile(file);
        assertEquals(61, whole.rows());
    }

    private static Inputs.FileInput rows() {
        return Inputs.rowsOf(file.toString(), READER);
    }

    /** Every rank's value of {@code body} on {@code n} local ranks. */
    private static <T> List<T> onRanks(int n, Supplier<T> body) {
        return Spmd.local(n).call(body::get);
    }

    private static void assertResultClose(Result expected, Result actual, String what) {
        for (Map.Entry<String, Object> e : expected.fields().entrySet()) {
            Object a = actual.fields().get(e.getKey());
            if (e.getValue() instanceof Matrix m) {
                assertClose(m, (Matrix) a, 1e-10, what + "." + e.getKey());
            } else if (e.getValue() instanceof Result r) {
                assertResultClose(r, (Result) a, what + "." + e.getKey());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void momentsCovarianceAndRegressionOfTheParts(int n) {
        Result moments = lowOrderMoments().compute(whole);
        Result cov = covariance().compute(whole);
        Result lr = linearRegressionTraining().interceptFlag(true).compute(whole.columnRange(0, 4),
                whole.columnRange(4, 5));
        List<Result[]> got = onRanks(n, () -> new Result[] {
            lowOrderMoments().distributed(true).compute(rows()),
            covariance().distributed(true).compute(rows()),
            linearRegressionTraining().interceptFlag(true).distributed(true)
                    .compute(rows().columns(0, 4), rows().columns(4, 5))});
        for (int r = 0; r < n; r++) {
            assertResultClose(moments, got.get(r)[0], "moments, rank " + r + " of " + n);
            assertResultClose(cov, got.get(r)[1], "covariance, rank " + r + " of " + n);
            assertResultClose(lr, got.get(r)[2], "linear regression, rank " + r + " of " + n);
        }
    }

    /** A Parquet file splits by row groups: 6 groups of unequal size over 1 to 7 ranks. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 7})
    void parquetRowGroupsOfTheParts(int n) {
        Path parquet = daal4j.testing.TestData.repo().resolve("toolkit/src/test/resources/parquet/unequal.parquet");
        Matrix all = Csv.read(parquet.resolveSibling("unequal.csv"));
        Result moments = lowOrderMoments().compute(all);
        Result cov = covariance().compute(all);
        List<Result[]> got = onRanks(n, () -> new Result[] {
            lowOrderMoments().distributed(true).compute(Inputs.rowsOf(parquet)),
            covariance().distributed(true).compute(Inputs.rowsOf(parquet.toString()))});
        for (int r = 0; r < n; r++) {
            assertResultClose(moments, got.get(r)[0], "parquet moments, rank " + r + " of " + n);
            assertResultClose(cov, got.get(r)[1], "parquet covariance, rank " + r + " of " + n);
        }
    }

    /** Per-rank Parquet files through the pattern, as per-rank CSV files: rank r reads part r. */
    @Test
    void parquetFilePerRank() throws IOException {
        Path parquet = daal4j.testing.TestData.repo().resolve("toolkit/src/test/resources/parquet/unequal.parquet");
        Matrix all = Csv.read(parquet.resolveSibling("unequal.csv"));
        // the same file for both ranks: the result is that of its rows twice
        Path p0 = dir.resolve("part0.parquet");
        Path p1 = dir.resolve("part1.parquet");
        Files.copy(parquet, p0, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(parquet, p1, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        double[] twice = new double[2 * all.rows() * all.cols()];
        System.arraycopy(all.rowMajorView(), 0, twice, 0, all.rows() * all.cols());
        System.arraycopy(all.rowMajorView(), 0, twice, all.rows() * all.cols(), all.rows() * all.cols());
        Result expected = lowOrderMoments().compute(Matrix.wrap(2 * all.rows(), all.cols(), twice));
        List<Result> got = onRanks(2, () -> lowOrderMoments().distributed(true)
                .compute(dir.resolve("part{}.parquet").toString(), Spmd.current().rank()));
        for (int r = 0; r < 2; r++) {
            assertResultClose(expected, got.get(r), "per-rank parquet, rank " + r);
        }
    }

    @Test
    void notDistributedASplitFileIsTheWholeFile() {
        assertResultClose(lowOrderMoments().compute(whole), lowOrderMoments().compute(rows()), "moments");
    }

    @Test
    void moreRanksThanLines() throws IOException {
        Path tiny = dir.resolve("tiny.csv");
        Files.writeString(tiny, "1,2,3\n4,5,7\n0,1,1\n");
        Matrix x = Csv.read(tiny);
        List<Result[]> got = onRanks(5, () -> new Result[] {
            lowOrderMoments().distributed(true).compute(Inputs.rowsOf(tiny)),
            covariance().distributed(true).compute(Inputs.rowsOf(tiny))});
        for (Result[] r : got) {
            assertResultClose(lowOrderMoments().compute(x), r[0], "moments");
            assertResultClose(covariance().compute(x), r[1], "covariance");
        }
    }

    @Test
    void everyAlgorithmTakesItsPart() throws IOException {
        Matrix x = whole.columnRange(0, 4);
        Result qrR = qr().compute(x);
        Result pcaCor = pca().compute(x);
        Result pcaSvd = pca().method("svdDense").compute(x);
        Matrix centroids = kmeansInit(3).compute(x).centroids;
        Result km = kmeans(3, 5).compute(x, centroids);
        LinearModel model = linearRegressionTraining().compute(x, whole.columnRange(4, 5)).model;
        Matrix predicted = linearRegressionPrediction().compute(x, model).prediction;
        // counts and labels for naive Bayes, from the same file's rows
        Path counts = dir.resolve("counts.csv");
        StringBuilder s = new StringBuilder();
        Random rnd = new Random(3);
        for (int i = 0; i < 40; i++) {
            s.append(rnd.nextInt(5)).append(',').append(rnd.nextInt(9)).append(',').append(rnd.nextInt(3)).append(',')
                    .append(i % 3).append('\n');
        }
        Files.writeString(counts, s);
        Matrix c = Csv.read(counts);
        Result nb = multinomialNaiveBayesTraining(3).compute(c.columnRange(0, 3), c.columnRange(3, 4));

        List<Object[]> got = onRanks(3, () -> {
            Inputs.FileInput xs = rows().columns(0, 4);
            Matrix start = kmeansInit(3).distributed(true).compute(xs).centroids;
            return new Object[] {
                qr().distributed(true).compute(xs),
                pca().distributed(true).compute(xs),
                pca().method("svdDense").distributed(true).compute(xs),
                start,
                kmeans(3, 5).distributed(true).compute(xs, start),
                multinomialNaiveBayesTraining(3).distributed(true)
                        .compute(Inputs.rowsOf(counts).columns(0, 3), Inputs.rowsOf(counts).columns(3, 4)),
                linearRegressionPrediction().compute(xs, model).prediction};
        });
        List<double[]> predictedRows = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            Object[] g = got.get(r);
            String rank = ", rank " + r;
            assertClose(((daal4j.algorithms.qr.QrResult) qrR).matrixR, ((daal4j.algorithms.qr.QrResult) g[0]).matrixR,
                    1e-10, "qr R" + rank);
            assertResultClose(pcaCor, (Result) g[1], "pca" + rank);
            assertResultClose(pcaSvd, (Result) g[2], "pca svdDense" + rank);
            assertClose(centroids, (Matrix) g[3], 1e-10, "kmeansInit" + rank);
            daal4j.algorithms.kmeans.KMeansResult k = (daal4j.algorithms.kmeans.KMeansResult) g[4];
            assertClose(((daal4j.algorithms.kmeans.KMeansResult) km).centroids, k.centroids, 1e-10, "kmeans" + rank);
            assertResultClose(nb, (Result) g[5], "naive Bayes" + rank);
            Matrix p = (Matrix) g[6];
            for (int i = 0; i < p.rows(); i++) {
                predictedRows.add(p.rowAt(i));
            }
        }
        // prediction is row-wise: each rank predicts its own part, in order the whole file
        assertClose(predicted, Matrix.of(predictedRows.toArray(new double[0][])), 1e-12, "prediction");
    }

    @Test
    void aCompressedFileSplitFailsEveryRank() throws IOException {
        Path gz = dir.resolve("x.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("1,2\n3,4\n".getBytes(StandardCharsets.UTF_8));
        }
        List<String> errors = onRanks(2, () -> assertThrows(RuntimeException.class,
                () -> lowOrderMoments().distributed(true).compute(Inputs.rowsOf(gz))).getMessage());
        for (String e : errors) {
            assertTrue(e.contains(gz + ": a compressed file cannot be split across ranks; give one file per rank"
                    + " or decompress it"), e);
        }
        // on one rank it is the whole file
        assertEquals(2.0, ((Matrix) lowOrderMoments().distributed(true).compute(Inputs.rowsOf(gz)).get("mean"))
                .get(0, 0));
    }

    @Test
    void aBadLineInOnePartFailsEveryRankNamingIt() throws IOException {
        Path bad = dir.resolve("bad.csv");
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            s.append(i).append(',').append(i == 35 ? "x" : "1").append('\n');
        }
        Files.writeString(bad, s);
        List<String> errors = onRanks(3, () -> assertThrows(RuntimeException.class,
                () -> covariance().distributed(true).compute(Inputs.rowsOf(bad))).getMessage());
        for (String e : errors) {
            assertTrue(e.contains(bad + ": line 36, column 2: not a number: 'x'"), e);
        }
    }
}
