package daal4j.bench;

import daal4j.data.Matrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.classification.NaiveBayes;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.mllib.clustering.KMeans;
import org.apache.spark.mllib.clustering.KMeansModel;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.linalg.distributed.RowMatrix;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark MLlib peer of {@link Bench}: the same workloads on the same raw file, in Spark's
 * local mode with one core (daal4j's 1-rank runs use one core too). Prints one JSON line.
 */
public final class SparkBench {

    private SparkBench() {
    }

    /** Runs one workload; arguments as {@link Bench}'s. */
    public static void main(String[] args) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String workload = a.get("workload");
        int rows = Integer.parseInt(a.get("rows"));
        int cols = Integer.parseInt(a.get("cols"));
        int reps = Integer.parseInt(a.getOrDefault("reps", "3"));
        Matrix x = Bench.slice(java.nio.file.Path.of(a.get("data")), rows, cols, 0, 1);
        Matrix y = a.containsKey("y") ? Bench.slice(java.nio.file.Path.of(a.get("y")), rows, -1, 0, 1) : null;
        SparkSession spark = SparkSession.builder().master("local[1]").appName("daal4j-bench")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "1").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Vector> vectors = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            vectors.add(Vectors.dense(x.rowAt(i)));
        }
        JavaRDD<Vector> rdd = jsc.parallelize(vectors, 1).cache();
        rdd.count();
        RowMatrix rm = new RowMatrix(rdd.rdd());
        Supplier<Object> work = switch (workload) {
            case "moments" -> rm::computeColumnSummaryStatistics;
            case "covariance" -> rm::computeCovariance;
            case "qr" -> () -> rm.tallSkinnyQR(true).Q().rows().count();
            case "svd" -> () -> rm.computeSVD(cols, true, 1e-9).U().rows().count();
            case "pca_correlation" -> () -> rm.computePrincipalComponentsAndExplainedVariance(cols);
            case "kmeans" -> {
                Vector[] init = new Vector[10];
                for (int k = 0; k < 10; k++) {
                    init[k] = Vectors.dense(x.rowAt(k));
                }
                yield () -> new KMeans().setK(10).setMaxIterations(20).setEpsilon(0)
                        .setInitialModel(new KMeansModel(init)).run(rdd.rdd());
            }
            case "linear_regression" -> {
                List<Dataset<Row>> frames = new ArrayList<>();
                for (int r = 0; r < y.cols(); r++) {
                    frames.add(frame(spark, x, y.columnAt(r)));
                }
                yield () -> frames.stream().map(f -> new LinearRegression().setSolver("normal").setRegParam(0)
                        .setStandardization(false).fit(f)).toList();
            }
            case "naive_bayes" -> {
                Dataset<Row> f = frame(spark, x, y.columnAt(0));
                yield () -> new NaiveBayes().setModelType("multinomial").setSmoothing(1.0).fit(f);
            }
            default -> null;
        };
        if (work == null) {
            System.err.println("no Spark MLlib counterpart for " + workload);
            spark.stop();
            return;
        }
        long w0 = System.nanoTime();
        work.get();
        double warm = (System.nanoTime() - w0) / 1e9;
        double[] t = new double[reps];
        for (int r = 0; r < reps; r++) {
            long s = System.nanoTime();
            work.get();
            t[r] = (System.nanoTime() - s) / 1e9;
        }
        Arrays.sort(t);
        System.out.println(String.format(Locale.ROOT,
                "{\"workload\":\"%s\",\"engine\":\"spark local[1]\",\"warmup_s\":%.4f,\"median_s\":%.5f,"
                        + "\"min_s\":%.5f,\"max_s\":%.5f}", workload, warm, t[reps / 2], t[0], t[reps - 1]));
        spark.stop();
    }

    private static Dataset<Row> frame(SparkSession spark, Matrix x, double[] label) {
        StructType schema = new StructType(new StructField[] {
            new StructField("label", DataTypes.DoubleType, false, Metadata.empty()),
            new StructField("features", SQLDataTypes.VectorType(), false, Metadata.empty())});
        List<Row> rowsOfFrame = new ArrayList<>(x.rows());
        for (int i = 0; i < x.rows(); i++) {
            rowsOfFrame.add(RowFactory.create(label[i], org.apache.spark.ml.linalg.Vectors.dense(x.rowAt(i))));
        }
        Dataset<Row> f = spark.createDataFrame(rowsOfFrame, schema).cache();
        f.count();
        return f;
    }
}
