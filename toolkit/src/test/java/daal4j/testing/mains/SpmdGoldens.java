package daal4j.testing.mains;

import static daal4j.Daal4j.covariance;
import static daal4j.Daal4j.daalfini;
import static daal4j.Daal4j.daalinit;
import static daal4j.Daal4j.kmeans;
import static daal4j.Daal4j.kmeansInit;
import static daal4j.Daal4j.linearRegressionPrediction;
import static daal4j.Daal4j.linearRegressionTraining;
import static daal4j.Daal4j.lowOrderMoments;
import static daal4j.Daal4j.multinomialNaiveBayesPrediction;
import static daal4j.Daal4j.multinomialNaiveBayesTraining;
import static daal4j.Daal4j.myProcid;
import static daal4j.Daal4j.numProcs;
import static daal4j.Daal4j.pca;
import static daal4j.Daal4j.qr;
import static daal4j.Daal4j.ridgeRegressionPrediction;
import static daal4j.Daal4j.ridgeRegressionTraining;
import static daal4j.Daal4j.svd;

import daal4j.algorithms.Result;
import daal4j.algorithms.kmeans.KMeansResult;
import daal4j.algorithms.moments.LowOrderMomentsResult;
import daal4j.algorithms.naivebayes.MultinomialNaiveBayesModel;
import daal4j.algorithms.pca.PcaResult;
import daal4j.algorithms.qr.QrResult;
import daal4j.algorithms.regression.LinearModel;
import daal4j.algorithms.svd.SvdResult;
import daal4j.data.Csv;
import daal4j.data.Matrix;
import daal4j.spmd.Op;
import daal4j.spmd.Spmd;
import daal4j.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * daal4j on each rank's share of daal4py 2024.7.0's 4-rank SPMD goldens ({@code *_spmd}, made by
 * toolkit/src/test/golden/make_goldens.py): every rank reads exactly the rows daal4py's rank
 * read, runs the algorithm with {@code distributed(true)} and compares every result field with
 * the golden (row-partitioned fields with its own rank's golden part). Used on 4 local ranks by
 * SpmdGoldenTest and, through {@link #main}, on 4 mpirun ranks by SpmdGoldenMpiTest.
 *
 * <p>Where daal4py's SPMD output is not what daal4py's batch gives on the same rows (see
 * SPMD_VS_BATCH.txt and DAAL4PY_SEMANTICS.md), the checks say so and compare with what daal4j
 * documents instead, and check the explanation of daal4py's SPMD value where one is known.
 */
public final class SpmdGoldens {

    /** Relative tolerance: max |ours - golden| / max |golden| over a field. */
    public static final double TOL = 1e-9;
    /** The families checked, one name per {@link #check} call. */
    public static final List<String> FAMILIES = List.of("low_order_moments", "covariance", "linear_regression",
            "ridge_regression", "multinomial_naive_bayes", "qr", "svd", "pca", "kmeans");

    private static final List<String> MOMENT_FIELDS = List.of("minimum", "maximum", "sum", "sumSquares",
            "sumSquaresCentered", "mean", "secondOrderRawMoment", "variance", "standardDeviation", "variation");
    private static final List<String> COV_FIELDS = List.of("covariance", "correlation", "mean");
    private static final int RANKS = 4;

    private SpmdGoldens() {
    }

    /** Runs every family on this rank; writes its report lines to {@code <args[0]>/rank<r>.txt}. */
    public static void main(String[] args) throws IOException {
        daalinit();
        List<String> lines = new ArrayList<>();
        for (String family : FAMILIES) {
            lines.addAll(check(family).lines());
        }
        Files.write(Path.of(args[0], "rank" + myProcid() + ".txt"), lines);
        daalfini();
    }

    /** Compares one family on this rank of a 4-rank job (every rank must call it). */
    public static Report check(String family) {
        if (numProcs() != RANKS) {
            throw new IllegalStateException("the SPMD goldens are of 4 ranks, this job has " + numProcs());
        }
        Report rep = new Report(myProcid());
        switch (family) {
            case "low_order_moments" -> moments(rep);
            case "covariance" -> covariances(rep);
            case "linear_regression" -> linearRegression(rep);
            case "ridge_regression" -> ridgeRegression(rep);
            case "multinomial_naive_bayes" -> naiveBayes(rep);
            case "qr" -> qrDecomposition(rep);
            case "svd" -> singularValues(rep);
            case "pca" -> principalComponents(rep);
            case "kmeans" -> kMeans(rep);
            default -> throw new IllegalArgumentException("unknown family " + family + "; use " + FAMILIES);
        }
        return rep;
    }

    private static Matrix golden(String name, String field) {
        return Csv.read(TestData.golden(name).resolve(field + ".csv"));
    }

    private static Matrix example(String relative) {
        return Csv.read(TestData.example(relative));
    }

    /** Rank r's rows of an n-row file, as daal4py's spmd_utils.get_chunk_params(n, 4, r). */
    private static Matrix chunk(Matrix all, int rank) {
        int base = all.rows() / RANKS;
        int rest = all.rows() - base * RANKS;
        boolean tail = rest > rank;
        int skip = base * rank + (tail ? rank : rest);
        return all.rowRange(skip, skip + base + (tail ? 1 : 0));
    }

    private static void moments(Report rep) {
        Matrix x = chunk(example("batch/covcormoments_dense.csv"), rep.rank);
        for (String method : List.of("defaultDense", "singlePassDense")) {
            String name = "low_order_moments_" + method + "_spmd";
            LowOrderMomentsResult r = lowOrderMoments().method(method).distributed(true).compute(x);
            for (String f : MOMENT_FIELDS) {
                rep.close(name, f, golden(name, f), (Matrix) r.get(f));
            }
        }
    }

    private static void covariances(Report rep) {
        Matrix x = chunk(example("batch/covcormoments_dense.csv"), rep.rank);
        for (String method : List.of("defaultDense", "singlePassDense")) {
            String name = "covariance_" + method + "_spmd";
            Result r = covariance().method(method).distributed(true).compute(x);
            // daal4py's 'correlation' holds the covariance with the default outputMatrixType; so do we
            for (String f : COV_FIELDS) {
                rep.close(name, f, golden(name, f), (Matrix) r.get(f));
            }
        }
    }

    /** Rank r's training file: X = columns 0..9, Y = columns 10..11; and the test X (all ranks). */
    private static Matrix[] regressionData(int rank) {
        Matrix train = example("distributed/linear_regression_train_" + (rank + 1) + ".csv");
        Matrix test = example("distributed/linear_regression_test.csv").columnRange(0, 10);
        return new Matrix[] {train.columnRange(0, 10), train.columnRange(10, 12), test};
    }

    /** Beta and the counts of a linear model, and its prediction (made on every rank, locally). */
    private static void model(Report rep, String name, LinearModel m, Matrix prediction) {
        rep.close(name, "Beta", golden(name, "Beta"), m.Beta);
        rep.close(name, "prediction", golden(name, "prediction"), prediction);
        rep.same(name, "NumberOfBetas", golden(name, "NumberOfBetas").get(0, 0), m.NumberOfBetas);
        rep.same(name, "NumberOfResponses", golden(name, "NumberOfResponses").get(0, 0), m.NumberOfResponses);
        rep.same(name, "NumberOfFeatures", golden(name, "NumberOfFeatures").get(0, 0), m.NumberOfFeatures);
        rep.same(name, "InterceptFlag", golden(name, "InterceptFlag").get(0, 0), m.InterceptFlag ? 1 : 0);
    }

    private static void linearRegression(Report rep) {
        Matrix[] d = regressionData(rep.rank);
        String[][] cases = {{"normEqDense", "true", ""}, {"qrDense", "true", ""},
            {"normEqDense", "false", "_noIntercept"}};
        for (String[] c : cases) {
            String name = "linear_regression_" + c[0] + c[2] + "_spmd";
            LinearModel m = linearRegressionTraining().method(c[0]).interceptFlag(Boolean.parseBoolean(c[1]))
                    .distributed(true).compute(d[0], d[1]).model;
            model(rep, name, m, linearRegressionPrediction().compute(d[2], m).prediction);
        }
    }

    private static void ridgeRegression(Report rep) {
        Matrix[] d = regressionData(rep.rank);
        LinearModel def = ridgeRegressionTraining().interceptFlag(true).distributed(true).compute(d[0], d[1]).model;
        model(rep, "ridge_regression_default_spmd", def, ridgeRegressionPrediction().compute(d[2], def).prediction);
        LinearModel ten = ridgeRegressionTraining().interceptFlag(true).ridgeParameters(10.0).distributed(true)
                .compute(d[0], d[1]).model;
        model(rep, "ridge_regression_ridge10_spmd", ten, ridgeRegressionPrediction().compute(d[2], ten).prediction);
    }

    private static void naiveBayes(Report rep) {
        String name = "multinomial_naive_bayes_spmd";
        Matrix train = example("distributed/naivebayes_train_dense.csv").rowRange(2000 * rep.rank, 2000 * rep.rank + 2000);
        Matrix test = example("distributed/naivebayes_test_dense.csv").columnRange(0, 20);
        MultinomialNaiveBayesModel m = multinomialNaiveBayesTraining(20).distributed(true)
                .compute(train.columnRange(0, 20), train.columnRange(20, 21)).model;
        rep.close(name, "LogP", golden(name, "LogP"), m.LogP);
        rep.close(name, "LogTheta", golden(name, "LogTheta"), m.LogTheta);
        rep.exact(name, "prediction", golden(name, "prediction"),
                multinomialNaiveBayesPrediction(20).compute(test, m).prediction);
    }

    /**
     * daal4py leaves QR's signs to Householder and its SPMD choice differs from its batch one
     * (here R_spmd = -R_batch); daal4j makes diag(R) non-negative. So R is compared up to a sign
     * per row and each rank's Q head up to the same sign per column; the convention itself is
     * checked too.
     */
    private static void qrDecomposition(Report rep) {
        String name = "qr_spmd";
        QrResult r = qr().distributed(true).compute(example("distributed/qr_" + (rep.rank + 1) + ".csv"));
        double[] signs = rep.closeUpToRowSigns(name, "matrixR", golden(name, "matrixR"), r.matrixR);
        String q = "matrixQ_rank" + rep.rank + "_head100";
        rep.closeUpToColumnSigns(name, q, golden(name, q), r.matrixQ.rowRange(0, 100), signs);
        double worst = 0;
        for (int i = 0; i < r.matrixR.rows(); i++) {
            worst = Math.min(worst, r.matrixR.get(i, i));
        }
        rep.check(name + ".matrixR diag >= 0 (daal4j's convention)", worst >= 0, "min diag " + worst);
    }

    /**
     * Singular vectors up to a sign each (daal4py SPMD flips every one against its batch); the
     * same sign per row of V' and per column of each rank's U.
     */
    private static void singularValues(Report rep) {
        String name = "svd_spmd";
        SvdResult r = svd().distributed(true).compute(example("distributed/svd_" + (rep.rank + 1) + ".csv"));
        rep.close(name, "singularValues", golden(name, "singularValues"), r.singularValues);
        double[] signs = rep.closeUpToRowSigns(name, "rightSingularMatrix", golden(name, "rightSingularMatrix"),
                r.rightSingularMatrix);
        String u = "leftSingularMatrix_rank" + rep.rank + "_head100";
        rep.closeUpToColumnSigns(name, u, golden(name, u), r.leftSingularMatrix.rowRange(0, 100), signs);
    }

    private static void principalComponents(Report rep) {
        Matrix x = example("distributed/pca_normalized_" + (rep.rank + 1) + ".csv");
        String flags = "mean|variance|eigenvalue";
        // correlationDense: daal4py SPMD = batch up to signs; it ignores isDeterministic in SPMD
        // and returns no means/variances. Ours keeps batch's signs and fields, checked against the
        // batch golden of the same 1000 rows (batch/pca_normalized.csv = the 4 rank files).
        String name = "pca_correlationDense_spmd";
        PcaResult c = pca().method("correlationDense").resultsToCompute(flags).isDeterministic(true)
                .distributed(true).compute(x);
        rep.close(name, "eigenvalues", golden(name, "eigenvalues"), c.eigenvalues);
        rep.close(name, "dataForTransform_eigenvalue", golden(name, "dataForTransform_eigenvalue"),
                c.dataForTransform.get("eigenvalue"));
        rep.closeUpToRowSigns(name, "eigenvectors", golden(name, "eigenvectors"), c.eigenvectors);
        batchPca(rep, "pca_correlationDense", c);

        // svdDense: daal4py SPMD z-scores each rank's rows with that rank's own mean and n_r - 1
        // std and reports s^2 / (N - 1), so its result depends on the split. Ours normalizes with
        // the global moments (split-independent) and reports batch's singular values: checked
        // against the batch golden. daal4py's SPMD golden is then reproduced from its recipe.
        PcaResult s = pca().method("svdDense").resultsToCompute(flags).isDeterministic(true)
                .distributed(true).compute(x);
        batchPca(rep, "pca_svdDense", s);
        name = "pca_svdDense_spmd";
        SvdResult local = svd().distributed(true).compute(locallyZscored(x));
        double n = Spmd.current().allreduce(new double[] {x.rows()}, Op.SUM)[0];
        double[] sv = local.singularValues.rowAt(0);
        double[] scaled = new double[sv.length];
        for (int i = 0; i < sv.length; i++) {
            scaled[i] = sv[i] * sv[i] / (n - 1);
        }
        rep.close(name, "eigenvalues (daal4py's per-rank z-score recipe)", golden(name, "eigenvalues"),
                Matrix.row(scaled));
        rep.close(name, "dataForTransform_eigenvalue (recipe)", golden(name, "dataForTransform_eigenvalue"),
                Matrix.row(scaled));
        rep.closeUpToRowSigns(name, "eigenvectors (recipe)", golden(name, "eigenvectors"), local.rightSingularMatrix);
    }

    /** Every field of daal4py's batch PCA golden of the same data, signs included. */
    private static void batchPca(Report rep, String batch, PcaResult r) {
        rep.close(batch, "eigenvalues", golden(batch, "eigenvalues"), r.eigenvalues);
        rep.close(batch, "eigenvectors", golden(batch, "eigenvectors"), r.eigenvectors);
        // this file's column means are ~1e-8 for values ~1 (already normalized data): any
        // summation order moves them by ~1e-16, so means are compared relative to the columns'
        // standard deviation, the scale of the data, not to their own cancelled size
        double sd = Math.sqrt(max(golden(batch, "variances")));
        rep.closeOnScale(batch, "means", golden(batch, "means"), r.means, sd);
        rep.close(batch, "variances", golden(batch, "variances"), r.variances);
        for (Map.Entry<String, Matrix> e : r.dataForTransform.entrySet()) {
            String f = "dataForTransform_" + e.getKey();
            rep.closeOnScale(batch, f, golden(batch, f), e.getValue(), e.getKey().equals("mean") ? sd : 0);
        }
    }

    private static double max(Matrix m) {
        double w = 0;
        for (double v : m.rowMajorView()) {
            w = Math.max(w, Math.abs(v));
        }
        return w;
    }

    /** (x - mean) / sd with this rank's own column mean and n_r - 1 std (no communication). */
    private static Matrix locallyZscored(Matrix x) {
        LowOrderMomentsResult m = lowOrderMoments().compute(x);
        double[] mean = m.mean.rowAt(0);
        double[] sd = m.standardDeviation.rowAt(0);
        double[] z = x.toRowMajor();
        int p = x.cols();
        for (int i = 0; i < z.length; i++) {
            z[i] = (z[i] - mean[i % p]) / sd[i % p];
        }
        return Matrix.wrap(x.rows(), p, z);
    }

    /**
     * Centroids, objective and assignments as daal4py's SPMD k-means. nIterations differs by
     * design: daal4py's SPMD driver (dist_kmeans.h) stops once the objective changes by at most
     * accuracyThreshold (default 0: one iteration after the centroids stop moving), its batch
     * kernel and daal4j run maxIterations. So ours is checked against the batch golden's count,
     * and a run capped at daal4py's SPMD count must give that count and the same centroids.
     */
    private static void kMeans(Report rep) {
        Matrix x = example("distributed/kmeans_dense.csv").rowRange(2500 * rep.rank, 2500 * rep.rank + 2500);
        String name = "kmeans_spmd";
        Matrix init = kmeansInit(10).method("defaultDense").distributed(true).compute(x).centroids;
        rep.close(name, "initCentroids", golden(name, "initCentroids"), init);
        KMeansResult r = lloyd(rep, name, x, init);
        rep.exact(name, "assignments_rank" + rep.rank, golden(name, "assignments_rank" + rep.rank), r.assignments);
        // daal4py's example as is: random plusPlusDense init from MKL's engine, which daal4j does
        // not reproduce; Lloyd from daal4py's own initial centroids is deterministic: compare it.
        lloyd(rep, "kmeans_plusPlusDense_spmd", x, golden("kmeans_plusPlusDense_spmd", "initCentroids"));
    }

    private static KMeansResult lloyd(Report rep, String name, Matrix x, Matrix init) {
        KMeansResult r = kmeans(10, 25).assignFlag(true).distributed(true).compute(x, init);
        Matrix objective = golden(name, "objectiveFunction");
        rep.close(name, "centroids", golden(name, "centroids"), r.centroids);
        rep.close(name, "objectiveFunction", objective, Matrix.row(r.objectiveFunction));
        rep.same(name, "nIterations (= maxIterations, batch rule)", golden("kmeans", "nIterations").get(0, 0),
                r.nIterations);
        int spmdIterations = (int) golden(name, "nIterations").get(0, 0);
        KMeansResult capped = kmeans(10, spmdIterations).distributed(true).compute(x, init);
        rep.close(name, "centroids (maxIterations = daal4py's nIterations)", golden(name, "centroids"),
                capped.centroids);
        rep.close(name, "objectiveFunction (capped)", objective, Matrix.row(capped.objectiveFunction));
        rep.same(name, "nIterations (capped)", spmdIterations, capped.nIterations);
        return r;
    }

    /** The comparisons of one rank: a line per field with its difference, and the failures. */
    public static final class Report {

        private final int rank;
        private final List<String> lines = new ArrayList<>();
        private final List<String> failures = new ArrayList<>();

        Report(int rank) {
            this.rank = rank;
        }

        /** "rank r name.field diff" per comparison, "FAIL rank r …" for each failure. */
        public List<String> lines() {
            List<String> all = new ArrayList<>(lines);
            failures.forEach(f -> all.add("FAIL " + f));
            return all;
        }

        /** The comparisons that failed (empty when all passed). */
        public List<String> failures() {
            return List.copyOf(failures);
        }

        void check(String what, boolean ok, String detail) {
            lines.add(String.format(Locale.ROOT, "rank %d %s %s", rank, what.replace(' ', '_'), ok ? "0" : "1"));
            if (!ok) {
                failures.add("rank " + rank + " " + what + ": " + detail);
            }
        }

        void same(String name, String field, double golden, double ours) {
            check(name + "." + field, golden == ours, ours + ", daal4py " + golden);
        }

        /** max |ours - golden| / max |golden|, both finite and the same shape, must be <= TOL. */
        void close(String name, String field, Matrix golden, Matrix ours) {
            closeScaled(name, field, golden, ours, null, null, 0);
        }

        /** As close, relative to max(max |golden|, scale): for fields whose size is a cancellation. */
        void closeOnScale(String name, String field, Matrix golden, Matrix ours, double scale) {
            closeScaled(name, field, golden, ours, null, null, scale);
        }

        /** Integer-valued fields (labels, assignments): every entry equal. */
        void exact(String name, String field, Matrix golden, Matrix ours) {
            String what = name + "." + field;
            if (!sameShape(what, golden, ours)) {
                return;
            }
            int wrong = 0;
            for (int i = 0; i < golden.rows(); i++) {
                for (int j = 0; j < golden.cols(); j++) {
                    wrong += golden.get(i, j) == ours.get(i, j) ? 0 : 1;
                }
            }
            lines.add(String.format(Locale.ROOT, "rank %d %s mismatches %d", rank, what.replace(' ', '_'), wrong));
            if (wrong > 0) {
                failures.add("rank " + rank + " " + what + ": " + wrong + " entries differ");
            }
        }

        /** As close, ours' row i times the sign that best matches golden's row i; returns those signs. */
        double[] closeUpToRowSigns(String name, String field, Matrix golden, Matrix ours) {
            double[] s = new double[Math.min(golden.rows(), ours.rows())];
            for (int i = 0; i < s.length; i++) {
                double dot = 0;
                for (int j = 0; j < Math.min(golden.cols(), ours.cols()); j++) {
                    dot += golden.get(i, j) * ours.get(i, j);
                }
                s[i] = dot < 0 ? -1 : 1;
            }
            closeScaled(name, field + " (up to row signs)", golden, ours, s, null, 0);
            return s;
        }

        /** As close, ours' column j times {@code signs[j]}. */
        void closeUpToColumnSigns(String name, String field, Matrix golden, Matrix ours, double[] signs) {
            closeScaled(name, field + " (up to column signs)", golden, ours, null, signs, 0);
        }

        private boolean sameShape(String what, Matrix golden, Matrix ours) {
            if (ours == null || golden.rows() != ours.rows() || golden.cols() != ours.cols()) {
                lines.add(String.format(Locale.ROOT, "rank %d %s shape 1", rank, what.replace(' ', '_')));
                failures.add("rank " + rank + " " + what + ": shape " + (ours == null ? "null"
                        : ours.rows() + " x " + ours.cols()) + ", daal4py " + golden.rows() + " x " + golden.cols());
                return false;
            }
            return true;
        }

        private void closeScaled(String name, String field, Matrix golden, Matrix ours, double[] rowSigns,
                double[] colSigns, double floor) {
            String what = name + "." + field;
            if (!sameShape(what, golden, ours)) {
                return;
            }
            double scale = floor;
            double diff = 0;
            int flipped = 0;
            for (int i = 0; i < golden.rows(); i++) {
                for (int j = 0; j < golden.cols(); j++) {
                    double sign = (rowSigns == null ? 1 : rowSigns[i]) * (colSigns == null ? 1 : colSigns[j]);
                    double g = golden.get(i, j);
                    double d = Math.abs(sign * ours.get(i, j) - g);
                    scale = Math.max(scale, Math.abs(g));
                    diff = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(diff, d);
                }
            }
            for (double s : rowSigns == null ? (colSigns == null ? new double[0] : colSigns) : rowSigns) {
                flipped += s < 0 ? 1 : 0;
            }
            double rel = scale == 0 ? diff : diff / scale;
            lines.add(String.format(Locale.ROOT, "rank %d %s%s %.3g", rank, what.replace(' ', '_'),
                    rowSigns == null && colSigns == null ? "" : "_flipped_" + flipped, rel));
            if (!(rel <= TOL)) {
                failures.add(String.format(Locale.ROOT, "rank %d %s: max |diff| / %s = %.3g > %.0e",
                        rank, what, floor > 0 ? "its scale" : "max |daal4py|", rel, TOL));
            }
        }
    }
}
