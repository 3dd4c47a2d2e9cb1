#!/usr/bin/env python3
"""Regenerates every daal4py 2024.7.0 golden output the Java tests compare against.

Usage (from anywhere):
    python3 toolkit/src/test/golden/make_goldens.py            # batch + distributed
    python3 toolkit/src/test/golden/make_goldens.py --batch    # batch goldens only
    python3 toolkit/src/test/golden/make_goldens.py --spmd     # distributed goldens only

Inputs: the repository's data/daal4py-examples/ (daal4py's own example files).
Outputs: toolkit/src/test/resources/golden/<name>/<field>.csv, one CSV per result field, no
header, every value printed with Python's repr of a float64 (shortest text that reads back
to the same double; NaN/Infinity spelled as Java's Double.parseDouble reads them); a scalar
is a 1x1 CSV.  <name>/params.txt states the exact daal4py call, the files and rows read.

Distributed goldens are computed by daal4py itself in SPMD mode on 4 ranks: this script
re-launches itself under an MPI launcher daal4py can use (daal4py's wheel links
libmpi.so.12, i.e. Intel MPI: `pip install impi-rt`, whose mpiexec lives in the same
Python prefix).  If no such MPI works, the distributed goldens are computed by daal4py in
batch mode on the concatenation of the rank inputs, and params.txt says so.
"""

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from importlib.metadata import version

import daal4py as d4p

DAAL4PY_VERSION = (2024, 7, 0)
assert version("daal4py") == "2024.7.0", (
    "goldens must be made with daal4py 2024.7.0, found " + version("daal4py"))

REPO = Path(__file__).resolve().parents[4]
DATA = REPO / "data" / "daal4py-examples"
OUT = REPO / "toolkit" / "src" / "test" / "resources" / "golden"
NRANKS = 4
# Row-partitioned outputs of the 16000-row QR/SVD files would be ~6 MB of text: keep a head.
HEAD_ROWS = 100
SPMD_TIMEOUT = 300  # seconds for the whole 4-rank run (it takes ~30 s)


# ---------------------------------------------------------------- reading and writing

def ncols(path):
    """Number of fields of the file's first line, ignoring a trailing comma."""
    with open(path) as f:
        line = f.readline().strip()
    return len(line.rstrip(",").split(","))


def read_csv(rel, cols=None, skiprows=0, nrows=None):
    """Reads an example file as daal4py's examples do (pandas, no header, float64)."""
    path = DATA / rel
    if cols is None:
        cols = range(ncols(path))  # explicit usecols drops the empty field of a trailing comma
    df = pd.read_csv(path, usecols=list(cols), skiprows=skiprows, nrows=nrows,
                     delimiter=",", header=None, dtype=np.float64)
    return np.ascontiguousarray(df.to_numpy(dtype=np.float64))


def chunk_params(lines, chunks, number):
    """Rows to skip and rows to read for one chunk, as daal4py's spmd_utils.get_chunk_params."""
    base = lines // chunks
    rest = lines - base * chunks
    tail = rest > number
    skip = base * number + (number if tail else rest)
    return skip, base + (1 if tail else 0)


def fmt(v):
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    v = float(v)
    if np.isnan(v):
        return "NaN"
    if np.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return repr(v)


def write_csv(path, value):
    a = np.asarray(value)
    if a.ndim == 0:
        a = a.reshape(1, 1)
    elif a.ndim == 1:
        a = a.reshape(1, -1)
    if a.dtype.kind in "iub":
        a = a.astype(np.int64)
    with open(path, "w") as f:
        for row in a:
            f.write(",".join(fmt(x) for x in row))
            f.write("\n")


def shape_of(value):
    a = np.asarray(value)
    return "x".join(str(s) for s in (a.shape if a.ndim == 2 else np.atleast_2d(a).shape))


def golden(name, params, fields, clear=True):
    """Writes one golden folder: a CSV per field and params.txt."""
    d = OUT / name
    if clear and d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True, exist_ok=True)
    lines = ["daal4py %d.%d.%d golden, made by toolkit/src/test/golden/make_goldens.py"
             % DAAL4PY_VERSION, ""]
    lines.append(params.strip())
    lines.append("")
    lines.append("fields (file: rows x columns):")
    for field, value in fields.items():
        if value is None:
            lines.append("  %s: None in daal4py's result (no file)" % field)
            continue
        write_csv(d / (field + ".csv"), value)
        lines.append("  %s.csv: %s" % (field, shape_of(value)))
    (d / "params.txt").write_text("\n".join(lines) + "\n")
    print("wrote", name, file=sys.stderr)


def result_fields(res, names):
    return {n: getattr(res, n) for n in names}


MOMENT_FIELDS = ["minimum", "maximum", "sum", "sumSquares", "sumSquaresCentered", "mean",
                 "secondOrderRawMoment", "variance", "standardDeviation", "variation"]
COV_FIELDS = ["covariance", "correlation", "mean"]
PCA_RESULTS = "mean|variance|eigenvalue"


def linreg_model_fields(model):
    return {"Beta": model.Beta, "NumberOfBetas": model.NumberOfBetas,
            "NumberOfResponses": model.NumberOfResponses,
            "NumberOfFeatures": model.NumberOfFeatures,
            "InterceptFlag": int(bool(model.InterceptFlag))}


def pca_fields(res):
    f = {"eigenvalues": res.eigenvalues, "eigenvectors": res.eigenvectors,
         "means": res.means, "variances": res.variances}
    dft = res.dataForTransform or {}
    for key in ("mean", "variance", "eigenvalue"):
        f["dataForTransform_" + key] = dft.get(key)
    return f


def mt(seed):
    return d4p.engines_mt19937(seed=seed)


# ---------------------------------------------------------------- batch goldens

def batch_goldens():
    # -- low order moments and covariance: all methods on the 200 x 10 file
    x = read_csv("batch/covcormoments_dense.csv")
    # sumDense needs a numeric table carrying precomputed sums, which numpy input cannot
    # give: daal4py raises "Null numeric table is not supported ... basicStatisticsSum".
    for m in ("defaultDense", "singlePassDense"):
        res = d4p.low_order_moments(method=m).compute(x)
        golden("low_order_moments_" + m,
               "d4p.low_order_moments(method=%r).compute(X)\n"
               "X = batch/covcormoments_dense.csv, all 200 rows, columns 0..9" % m,
               result_fields(res, MOMENT_FIELDS))
        res = d4p.covariance(method=m).compute(x)
        golden("covariance_" + m,
               "d4p.covariance(method=%r).compute(X)\n"
               "X = batch/covcormoments_dense.csv, all 200 rows, columns 0..9" % m,
               result_fields(res, COV_FIELDS))
    res = d4p.covariance(outputMatrixType="correlationMatrix").compute(x)
    golden("covariance_correlationMatrix",
           "d4p.covariance(outputMatrixType='correlationMatrix').compute(X)\n"
           "X = batch/covcormoments_dense.csv, all 200 rows, columns 0..9",
           result_fields(res, COV_FIELDS))

    # -- linear and ridge regression: 10 features, 2 responses
    tr = "batch/linear_regression_train.csv"
    te = "batch/linear_regression_test.csv"
    xtr, ytr = read_csv(tr, range(10)), read_csv(tr, range(10, 12))
    xte = read_csv(te, range(10))
    files = ("train X = %s columns 0..9 (1000 rows), Y = columns 10..11\n"
             "test X = %s columns 0..9 (250 rows)" % (tr, te))
    for m in ("normEqDense", "qrDense"):
        for icpt in (True, False):
            model = d4p.linear_regression_training(method=m, interceptFlag=icpt).compute(
                xtr, ytr).model
            pred = d4p.linear_regression_prediction().compute(xte, model).prediction
            f = linreg_model_fields(model)
            f["prediction"] = pred
            golden("linear_regression_%s%s" % (m, "" if icpt else "_noIntercept"),
                   "model = d4p.linear_regression_training(method=%r, interceptFlag=%r)"
                   ".compute(X, Y).model\nprediction = d4p.linear_regression_prediction()"
                   ".compute(Xtest, model).prediction\n%s" % (m, icpt, files), f)
    ridge_cases = [
        ("ridge_regression_default", None, True),
        ("ridge_regression_ridge10", np.array([[10.0]]), True),
        ("ridge_regression_perResponse", np.array([[1.0, 1000.0]]), True),
        ("ridge_regression_default_noIntercept", None, False),
    ]
    for name, rp, icpt in ridge_cases:
        kw = {"interceptFlag": icpt}
        if rp is not None:
            kw["ridgeParameters"] = rp
        model = d4p.ridge_regression_training(**kw).compute(xtr, ytr).model
        pred = d4p.ridge_regression_prediction().compute(xte, model).prediction
        f = linreg_model_fields(model)
        f["prediction"] = pred
        golden(name,
               "model = d4p.ridge_regression_training(interceptFlag=%r%s).compute(X, Y).model\n"
               "prediction = d4p.ridge_regression_prediction().compute(Xtest, model).prediction\n"
               "%s" % (icpt, "" if rp is None else ", ridgeParameters=np.array(%s)" % rp.tolist(),
                       files), f)

    # -- multinomial naive Bayes: 20 classes, 20 features, label in column 20
    tr = "batch/naivebayes_train_dense.csv"
    te = "batch/naivebayes_test_dense.csv"
    xtr, ytr = read_csv(tr, range(20)), read_csv(tr, range(20, 21))
    xte = read_csv(te, range(20))
    model = d4p.multinomial_naive_bayes_training(20).compute(xtr, ytr).model
    pred = d4p.multinomial_naive_bayes_prediction(20).compute(xte, model).prediction
    # resultsToEvaluate with computeClassProbabilities / computeClassLogProbabilities is broken
    # in daal4py 2024.7.0: alone it crashes the process, combined with computeClassLabels it
    # returns uninitialised memory (values like 9e-308). So only labels are goldens.
    golden("multinomial_naive_bayes",
           "model = d4p.multinomial_naive_bayes_training(20).compute(X, y).model\n"
           "prediction = d4p.multinomial_naive_bayes_prediction(20).compute(Xtest, model)"
           ".prediction\n"
           "train X = %s columns 0..19 (8000 rows), y = column 20; test X = %s columns 0..19 "
           "(2000 rows)\n"
           "No probabilities/logProbabilities: daal4py 2024.7.0 crashes or returns garbage for\n"
           "resultsToEvaluate containing computeClassProbabilities/computeClassLogProbabilities."
           % (tr, te),
           {"LogP": model.LogP, "LogTheta": model.LogTheta, "AuxTable": model.AuxTable,
            "prediction": pred.astype(np.int64)})
    model = d4p.multinomial_naive_bayes_training(20, alpha=np.full((1, 20), 0.5)).compute(
        xtr, ytr).model
    pred = d4p.multinomial_naive_bayes_prediction(20).compute(xte, model).prediction
    golden("multinomial_naive_bayes_alpha05",
           "model = d4p.multinomial_naive_bayes_training(20, alpha=np.full((1, 20), 0.5))"
           ".compute(X, y).model\n"
           "prediction = d4p.multinomial_naive_bayes_prediction(20).compute(Xtest, model)"
           ".prediction\n"
           "train X = %s columns 0..19, y = column 20; test X = %s columns 0..19" % (tr, te),
           {"LogP": model.LogP, "LogTheta": model.LogTheta,
            "prediction": pred.astype(np.int64)})

    # -- QR and SVD of the 16000 x 18 file
    x = read_csv("batch/qr.csv")
    res = d4p.qr().compute(x)
    golden("qr",
           "res = d4p.qr().compute(X)\nX = batch/qr.csv, all 16000 rows, columns 0..17\n"
           "matrixQ_head%d.csv = res.matrixQ[:%d] (first rows only, to keep the repo small;\n"
           " Q = X R^-1 determines the rest)" % (HEAD_ROWS, HEAD_ROWS),
           {"matrixR": res.matrixR, "matrixQ_head%d" % HEAD_ROWS: res.matrixQ[:HEAD_ROWS]})
    x = read_csv("batch/svd.csv")
    res = d4p.svd().compute(x)
    golden("svd",
           "res = d4p.svd().compute(X)   (leftSingularMatrix=requiredInPackedForm by default)\n"
           "X = batch/svd.csv, all 16000 rows, columns 0..17\n"
           "leftSingularMatrix_head%d.csv = res.leftSingularMatrix[:%d] (first rows only)"
           % (HEAD_ROWS, HEAD_ROWS),
           {"singularValues": res.singularValues,
            "rightSingularMatrix": res.rightSingularMatrix,
            "leftSingularMatrix_head%d" % HEAD_ROWS: res.leftSingularMatrix[:HEAD_ROWS]})

    # -- PCA, both methods, and PCA transform
    x = read_csv("batch/pca_normalized.csv")
    pca = {}
    for m in ("correlationDense", "svdDense"):
        res = d4p.pca(method=m, resultsToCompute=PCA_RESULTS, isDeterministic=True).compute(x)
        pca[m] = res
        golden("pca_" + m,
               "d4p.pca(method=%r, resultsToCompute=%r, isDeterministic=True).compute(X)\n"
               "X = batch/pca_normalized.csv, all 1000 rows, columns 0..9\n"
               "dataForTransform is a dict in daal4py: dataForTransform_<key>.csv = "
               "res.dataForTransform[key]" % (m, PCA_RESULTS), pca_fields(res))
        res = d4p.pca(method=m).compute(x)
        golden("pca_%s_plain" % m,
               "d4p.pca(method=%r).compute(X)   (no resultsToCompute, isDeterministic=False)\n"
               "X = batch/pca_normalized.csv, all 1000 rows, columns 0..9" % m,
               pca_fields(res))
    res = pca["svdDense"]
    for tag, dft in (("whitened", res.dataForTransform), ("plain", None)):
        args = (x, res.eigenvectors, dft)
        t = d4p.pca_transform(nComponents=3).compute(*args).transformedData
        golden("pca_transform_normalized_" + tag,
               "pca = d4p.pca(method='svdDense', resultsToCompute=%r, isDeterministic=True)"
               ".compute(X)   (golden pca_svdDense)\n"
               "d4p.pca_transform(nComponents=3).compute(X, pca.eigenvectors, %s).transformedData\n"
               "X = batch/pca_normalized.csv, all 1000 rows, columns 0..9"
               % (PCA_RESULTS, "None" if dft is None else "pca.dataForTransform"),
               {"transformedData": t})
    # daal4py's own pca_transform example: PCA of the 4 x 3 file, then transform 2 components
    x = read_csv("batch/pca_transform.csv", range(3))
    res = d4p.pca(isDeterministic=True, resultsToCompute=PCA_RESULTS).compute(x)
    f = pca_fields(res)
    f["transformedData"] = d4p.pca_transform(nComponents=2).compute(
        x, res.eigenvectors, res.dataForTransform).transformedData
    f["transformedData_noDataForTransform"] = d4p.pca_transform(nComponents=2).compute(
        x, res.eigenvectors, None).transformedData
    golden("pca_transform",
           "as daal4py's pca_transform example:\n"
           "pca = d4p.pca(isDeterministic=True, resultsToCompute=%r).compute(X)\n"
           "transformedData = d4p.pca_transform(nComponents=2).compute(X, pca.eigenvectors, "
           "pca.dataForTransform).transformedData\n"
           "transformedData_noDataForTransform = d4p.pca_transform(nComponents=2)"
           ".compute(X, pca.eigenvectors, None).transformedData\n"
           "X = batch/pca_transform.csv, all 4 rows, columns 0..2" % PCA_RESULTS, f)

    # -- k-means
    x = read_csv("batch/kmeans_dense.csv")
    init = d4p.kmeans_init(10, method="defaultDense").compute(x).centroids
    golden("kmeans_init_defaultDense",
           "d4p.kmeans_init(10, method='defaultDense').compute(X).centroids\n"
           "X = batch/kmeans_dense.csv, all 10000 rows, columns 0..19",
           {"centroids": init})
    for m in ("randomDense", "plusPlusDense", "parallelPlusDense"):
        c = d4p.kmeans_init(10, method=m, engine=mt(777)).compute(x).centroids
        golden("kmeans_init_" + m,
               "REFERENCE ONLY (random method; Java need not reproduce MKL's mt19937 stream):\n"
               "d4p.kmeans_init(10, method=%r, engine=d4p.engines_mt19937(seed=777))"
               ".compute(X).centroids\n"
               "X = batch/kmeans_dense.csv, all 10000 rows, columns 0..19" % m,
               {"centroids": c})
    res = d4p.kmeans(10, 25, assignFlag=True).compute(x, init)
    golden("kmeans",
           "init = d4p.kmeans_init(10, method='defaultDense').compute(X).centroids\n"
           "res = d4p.kmeans(10, 25, assignFlag=True).compute(X, init)\n"
           "(accuracyThreshold, gamma left at daal4py's defaults)\n"
           "X = batch/kmeans_dense.csv, all 10000 rows, columns 0..19",
           {"centroids": res.centroids, "assignments": res.assignments.astype(np.int64),
            "objectiveFunction": res.objectiveFunction,
            "nIterations": np.asarray(res.nIterations).astype(np.int64)})
    res = d4p.kmeans(10, 0, assignFlag=True).compute(x, init)
    golden("kmeans_maxIterations0",
           "init = d4p.kmeans_init(10, method='defaultDense').compute(X).centroids\n"
           "res = d4p.kmeans(10, 0, assignFlag=True).compute(X, init)   "
           "(assignment only, as the SPMD example's extra call)\n"
           "X = batch/kmeans_dense.csv, all 10000 rows, columns 0..19\n"
           "No centroids.csv: with maxIterations=0 daal4py 2024.7.0 returns uninitialised memory\n"
           "as centroids; assignments and objectiveFunction refer to the input centroids.",
           {"assignments": res.assignments.astype(np.int64),
            "objectiveFunction": res.objectiveFunction,
            "nIterations": np.asarray(res.nIterations).astype(np.int64)})
    res = d4p.kmeans(10, 100, accuracyThreshold=1e-3, assignFlag=True).compute(x, init)
    golden("kmeans_accuracyThreshold",
           "init = d4p.kmeans_init(10, method='defaultDense').compute(X).centroids\n"
           "res = d4p.kmeans(10, 100, accuracyThreshold=1e-3, assignFlag=True).compute(X, init)\n"
           "X = batch/kmeans_dense.csv, all 10000 rows, columns 0..19",
           {"centroids": res.centroids, "assignments": res.assignments.astype(np.int64),
            "objectiveFunction": res.objectiveFunction,
            "nIterations": np.asarray(res.nIterations).astype(np.int64)})


# ---------------------------------------------------------------- distributed goldens
#
# Each case says what rank r (0-based, = d4p.my_procid()) reads and how daal4py computes on
# it. compute(args, distributed) returns (fields common to all ranks, row-partitioned fields
# of this rank's rows).  In SPMD mode every rank runs compute(local args, True); in the
# fallback mode compute(concatenated args, False) runs once and the row-partitioned fields are
# cut into the ranks' row ranges.


class Case:
    def __init__(self, name, params, load, compute, rowwise=()):
        self.name, self.params, self.load, self.compute = name, params, load, compute
        self.rowwise = rowwise  # names of the row-partitioned fields


def chunk_of(rel, lines, cols=None):
    def load(r):
        skip, n = chunk_params(lines, NRANKS, r)
        return read_csv(rel, cols, skiprows=skip, nrows=n)
    return load


def head(a):
    return None if a is None else a[:HEAD_ROWS]


def spmd_cases():
    cases = []
    mom = "batch/covcormoments_dense.csv"
    mom_rows = ("rank r reads rows [skip, skip+n) of %s, (skip, n) = get_chunk_params(200, 4, r)"
                " as daal4py's spmd_utils: 50 rows each" % mom)
    for m in ("defaultDense", "singlePassDense"):
        cases.append(Case(
            "low_order_moments_%s_spmd" % m,
            "d4p.low_order_moments(method=%r, distributed=True).compute(X_r)\n%s" % (m, mom_rows),
            lambda r: (read_csv(mom, skiprows=chunk_params(200, NRANKS, r)[0],
                                nrows=chunk_params(200, NRANKS, r)[1]),),
            lambda a, dist, m=m: (result_fields(d4p.low_order_moments(
                method=m, distributed=dist).compute(*a), MOMENT_FIELDS), {})))
        cases.append(Case(
            "covariance_%s_spmd" % m,
            "d4p.covariance(method=%r, distributed=True).compute(X_r)\n%s" % (m, mom_rows),
            lambda r: (read_csv(mom, skiprows=chunk_params(200, NRANKS, r)[0],
                                nrows=chunk_params(200, NRANKS, r)[1]),),
            lambda a, dist, m=m: (result_fields(d4p.covariance(
                method=m, distributed=dist).compute(*a), COV_FIELDS), {})))

    def lr_load(r):
        f = "distributed/linear_regression_train_%d.csv" % (r + 1)
        return read_csv(f, range(10)), read_csv(f, range(10, 12))
    lr_test = "distributed/linear_regression_test.csv"
    lr_files = ("rank r reads distributed/linear_regression_train_{r+1}.csv: X_r = columns 0..9, "
                "Y_r = columns 10..11 (250 rows each)\n"
                "prediction: on rank 0 only (not distributed), Xtest = %s columns 0..9" % lr_test)

    def lr(algo, pred_algo, **kw):
        def compute(a, dist):
            model = algo(distributed=dist, **kw).compute(*a).model
            f = linreg_model_fields(model)
            f["prediction"] = pred_algo().compute(read_csv(lr_test, range(10)), model).prediction
            return f, {}
        return compute
    for m, icpt, suffix in (("normEqDense", True, ""), ("qrDense", True, ""),
                            ("normEqDense", False, "_noIntercept")):
        cases.append(Case(
            "linear_regression_%s%s_spmd" % (m, suffix),
            "model = d4p.linear_regression_training(method=%r, interceptFlag=%r, "
            "distributed=True).compute(X_r, Y_r).model\n"
            "prediction = d4p.linear_regression_prediction().compute(Xtest, model).prediction\n%s"
            % (m, icpt, lr_files),
            lr_load, lr(d4p.linear_regression_training, d4p.linear_regression_prediction,
                        method=m, interceptFlag=icpt)))
    cases.append(Case(
        "ridge_regression_default_spmd",
        "model = d4p.ridge_regression_training(interceptFlag=True, distributed=True)"
        ".compute(X_r, Y_r).model\n"
        "prediction = d4p.ridge_regression_prediction().compute(Xtest, model).prediction\n%s"
        % lr_files,
        lr_load, lr(d4p.ridge_regression_training, d4p.ridge_regression_prediction,
                    interceptFlag=True)))
    cases.append(Case(
        "ridge_regression_ridge10_spmd",
        "model = d4p.ridge_regression_training(interceptFlag=True, ridgeParameters="
        "np.array([[10.0]]), distributed=True).compute(X_r, Y_r).model\n"
        "prediction = d4p.ridge_regression_prediction().compute(Xtest, model).prediction\n%s"
        % lr_files,
        lr_load, lr(d4p.ridge_regression_training, d4p.ridge_regression_prediction,
                    interceptFlag=True, ridgeParameters=np.array([[10.0]]))))

    nb_train = "distributed/naivebayes_train_dense.csv"
    nb_test = "distributed/naivebayes_test_dense.csv"

    def nb(a, dist):
        model = d4p.multinomial_naive_bayes_training(20, distributed=dist).compute(*a).model
        pred = d4p.multinomial_naive_bayes_prediction(20).compute(
            read_csv(nb_test, range(20)), model).prediction
        return {"LogP": model.LogP, "LogTheta": model.LogTheta,
                "prediction": pred.astype(np.int64)}, {}
    cases.append(Case(
        "multinomial_naive_bayes_spmd",
        "model = d4p.multinomial_naive_bayes_training(20, distributed=True).compute(X_r, y_r)"
        ".model\n"
        "prediction = d4p.multinomial_naive_bayes_prediction(20).compute(Xtest, model)"
        ".prediction (rank 0, not distributed)\n"
        "rank r reads rows [2000 r, 2000 r + 2000) of %s: X_r = columns 0..19, y_r = column 20\n"
        "Xtest = %s columns 0..19 (2000 rows)" % (nb_train, nb_test),
        lambda r: (read_csv(nb_train, range(20), skiprows=2000 * r, nrows=2000),
                   read_csv(nb_train, range(20, 21), skiprows=2000 * r, nrows=2000)),
        nb))

    cases.append(Case(
        "qr_spmd",
        "res = d4p.qr(distributed=True).compute(X_r)\n"
        "rank r reads distributed/qr_{r+1}.csv (4000 x 18)\n"
        "matrixQ_rank<r>_head%d.csv = rank r's res.matrixQ[:%d] (its local rows; head only)"
        % (HEAD_ROWS, HEAD_ROWS),
        lambda r: (read_csv("distributed/qr_%d.csv" % (r + 1)),),
        lambda a, dist: (lambda res: ({"matrixR": res.matrixR}, {"matrixQ": res.matrixQ}))(
            d4p.qr(distributed=dist).compute(*a)),
        rowwise=("matrixQ",)))
    cases.append(Case(
        "svd_spmd",
        "res = d4p.svd(distributed=True).compute(X_r)\n"
        "rank r reads distributed/svd_{r+1}.csv (4000 x 18)\n"
        "leftSingularMatrix_rank<r>_head%d.csv = rank r's res.leftSingularMatrix[:%d] "
        "(local rows; head only)" % (HEAD_ROWS, HEAD_ROWS),
        lambda r: (read_csv("distributed/svd_%d.csv" % (r + 1)),),
        lambda a, dist: (lambda res: (
            {"singularValues": res.singularValues,
             "rightSingularMatrix": res.rightSingularMatrix},
            {"leftSingularMatrix": res.leftSingularMatrix}))(
            d4p.svd(distributed=dist).compute(*a)),
        rowwise=("leftSingularMatrix",)))
    for m in ("correlationDense", "svdDense"):
        cases.append(Case(
            "pca_%s_spmd" % m,
            "d4p.pca(method=%r, resultsToCompute=%r, isDeterministic=True, distributed=True)"
            ".compute(X_r)\nrank r reads distributed/pca_normalized_{r+1}.csv (250 x 10)"
            % (m, PCA_RESULTS),
            lambda r: (read_csv("distributed/pca_normalized_%d.csv" % (r + 1)),),
            lambda a, dist, m=m: (pca_fields(d4p.pca(
                method=m, resultsToCompute=PCA_RESULTS, isDeterministic=True,
                distributed=dist).compute(*a)), {})))

    km = "distributed/kmeans_dense.csv"

    def kmeans_case(a, dist):
        init = d4p.kmeans_init(10, method="defaultDense", distributed=dist).compute(*a).centroids
        res = d4p.kmeans(10, 25, distributed=dist).compute(a[0], init)
        if dist:
            assign = d4p.kmeans(10, 0, assignFlag=True).compute(a[0], res.centroids).assignments
        else:  # batch fallback: the same local call on each rank's rows
            assign = np.vstack([d4p.kmeans(10, 0, assignFlag=True).compute(
                a[0][2500 * r:2500 * (r + 1)], res.centroids).assignments for r in range(NRANKS)])
        return ({"initCentroids": init, "centroids": res.centroids,
                 "objectiveFunction": res.objectiveFunction,
                 "nIterations": np.asarray(res.nIterations).astype(np.int64)},
                {"assignments": assign.astype(np.int64)})
    cases.append(Case(
        "kmeans_spmd",
        "as daal4py's kmeans_spmd example, with the deterministic defaultDense init:\n"
        "init = d4p.kmeans_init(10, method='defaultDense', distributed=True).compute(X_r)"
        ".centroids   -> initCentroids.csv\n"
        "res = d4p.kmeans(10, 25, distributed=True).compute(X_r, init)\n"
        "assignments_rank<r>.csv = d4p.kmeans(10, 0, assignFlag=True).compute(X_r, "
        "res.centroids).assignments   (local, not distributed, as the example)\n"
        "rank r reads rows [2500 r, 2500 r + 2500) of %s (10000 x 20)" % km,
        lambda r: (read_csv(km, skiprows=2500 * r, nrows=2500),),
        kmeans_case, rowwise=("assignments",)))
    return cases


def spmd_example_reference(rank):
    """daal4py's kmeans_spmd example as is (random plusPlusDense init): reference only."""
    km = "distributed/kmeans_dense.csv"
    x = read_csv(km, skiprows=2500 * rank, nrows=2500)
    init = d4p.kmeans_init(10, method="plusPlusDense", distributed=True).compute(x).centroids
    res = d4p.kmeans(10, 25, distributed=True).compute(x, init)
    if rank == 0:
        golden("kmeans_plusPlusDense_spmd",
               "REFERENCE ONLY (random init, default engine): daal4py's kmeans_spmd example as is\n"
               "init = d4p.kmeans_init(10, method='plusPlusDense', distributed=True).compute(X_r)"
               ".centroids\nres = d4p.kmeans(10, 25, distributed=True).compute(X_r, init)\n"
               "rank r reads rows [2500 r, 2500 r + 2500) of %s" % km,
               {"initCentroids": init, "centroids": res.centroids,
                "objectiveFunction": res.objectiveFunction,
                "nIterations": np.asarray(res.nIterations).astype(np.int64)})


def row_ranges(case):
    sizes = [case.load(r)[0].shape[0] for r in range(NRANKS)]
    starts = np.concatenate([[0], np.cumsum(sizes)])
    return [(int(starts[r]), int(starts[r + 1])) for r in range(NRANKS)]


def rank_file(field, r):
    big = field in ("matrixQ", "leftSingularMatrix")
    return "%s_rank%d%s" % (field, r, "_head%d" % HEAD_ROWS if big else "")


def trim(field, a):
    return head(a) if field in ("matrixQ", "leftSingularMatrix") else a


def compute_batch_fallback(case):
    """The case computed by daal4py in batch mode on the concatenated rank inputs."""
    parts = [case.load(r) for r in range(NRANKS)]
    args = tuple(np.vstack([p[i] for p in parts]) for i in range(len(parts[0])))
    common, rows = case.compute(args, False)
    per_rank = []
    for lo, hi in row_ranges(case):
        per_rank.append({k: v[lo:hi] for k, v in rows.items()})
    return common, per_rank


def write_case(case, common, per_rank_or_none, how):
    fields = dict(common)
    text = case.params + "\n" + how
    golden(case.name, text, fields, clear=False)
    if per_rank_or_none is not None:
        for r, rows in enumerate(per_rank_or_none):
            for k, v in rows.items():
                write_csv(OUT / case.name / (rank_file(k, r) + ".csv"), trim(k, v))
    with open(OUT / case.name / "params.txt", "a") as f:
        for k in case.rowwise:
            f.write("  %s_rank<r>%s.csv: rank r's local rows, r = 0..%d\n"
                    % (k, "_head%d" % HEAD_ROWS if k in ("matrixQ", "leftSingularMatrix")
                       else "", NRANKS - 1))


SPMD_HOW = ("computed by daal4py SPMD on %d MPI ranks (Intel MPI from pip impi-rt, its hydra "
            "mpiexec)" % NRANKS)
FALLBACK_HOW = ("NOTE: daal4py SPMD could not run; computed by daal4py in BATCH mode on the "
                "concatenation of the %d rank inputs in rank order (same result for these "
                "deterministic algorithms up to rounding)" % NRANKS)


def spmd_child():
    """Runs under mpiexec; a failing rank exits at once so the launcher ends the others."""
    try:
        spmd_child_body()
    except BaseException:
        import traceback
        traceback.print_exc()
        sys.stderr.flush()
        os._exit(1)


def spmd_child_body():
    """Every rank computes, rank 0 writes the common fields, each rank its own rows."""
    d4p.daalinit()
    rank, size = d4p.my_procid(), d4p.num_procs()
    assert size == NRANKS, "expected %d ranks, got %d" % (NRANKS, size)
    for case in spmd_cases():
        common, rows = case.compute(case.load(rank), True)
        if rank == 0:
            write_case(case, common, None, SPMD_HOW)
        for k, v in rows.items():
            write_csv(OUT / case.name / (rank_file(k, rank) + ".csv"), trim(k, v))
    spmd_example_reference(rank)
    d4p.daalfini()


def find_impi():
    """Intel MPI's prefix (libmpi.so.12 + hydra mpiexec), the library daal4py's wheel links."""
    for prefix in (os.environ.get("IMPI_PREFIX"), sys.prefix):
        if prefix and (Path(prefix) / "lib" / "libmpi.so.12").exists() and (
                Path(prefix) / "bin" / "mpiexec").exists():
            return Path(prefix)
    return None


def spmd_goldens():
    cases = spmd_cases()
    for d in OUT.glob("*_spmd"):
        shutil.rmtree(d)
    for case in cases:  # made here: the ranks write into them concurrently
        (OUT / case.name).mkdir(parents=True)
    (OUT / "kmeans_plusPlusDense_spmd").mkdir()
    impi = find_impi()
    ok = False
    if impi is not None:
        env = dict(os.environ)
        env["LD_LIBRARY_PATH"] = str(impi / "lib") + (
            ":" + env["LD_LIBRARY_PATH"] if env.get("LD_LIBRARY_PATH") else "")
        env.setdefault("I_MPI_FABRICS", "shm")
        cmd = [str(impi / "bin" / "mpiexec"), "-n", str(NRANKS), sys.executable,
               str(Path(__file__).resolve()), "--spmd-child"]
        print("running", " ".join(cmd), file=sys.stderr)
        for attempt in (1, 2):  # SPMD runs have been seen to stall on a loaded machine
            proc = subprocess.Popen(cmd, env=env, start_new_session=True)
            try:
                ok = proc.wait(timeout=SPMD_TIMEOUT) == 0
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, 9)
                proc.wait()
                print("SPMD run %d timed out after %d s" % (attempt, SPMD_TIMEOUT),
                      file=sys.stderr)
                ok = False
            if ok:
                break
    else:
        print("no Intel MPI found (pip install impi-rt in this Python, or set IMPI_PREFIX)",
              file=sys.stderr)
    if not ok:
        print("daal4py SPMD unavailable: batch fallback", file=sys.stderr)
        for d in OUT.glob("*_spmd"):
            shutil.rmtree(d)
        (Path(__file__).resolve().parent / "SPMD_VS_BATCH.txt").unlink(missing_ok=True)
        for case in cases:
            common, per_rank = compute_batch_fallback(case)
            write_case(case, common, per_rank, FALLBACK_HOW)
        return
    # SPMD ran: report how far it is from batch on the concatenated inputs (also up to signs,
    # since daal4py's QR/SVD sign choices differ between batch and SPMD).
    report = ["daal4py SPMD (4 ranks) goldens vs daal4py batch on the concatenated rank inputs,",
              "max |spmd - batch| / max(1, max |batch|) over the common fields; written by",
              "make_goldens.py", ""]
    for case in cases:
        common, per_rank = compute_batch_fallback(case)
        worst, worst_abs, missing = 0.0, 0.0, []
        for k, v in common.items():
            path = OUT / case.name / (k + ".csv")
            if v is None or not path.exists():
                if v is not None:
                    missing.append(k)
                continue
            g = np.loadtxt(path, delimiter=",", ndmin=2)
            v = np.atleast_2d(np.asarray(v, dtype=np.float64))
            scale = max(1.0, float(np.max(np.abs(v))))
            worst = max(worst, float(np.max(np.abs(g - v))) / scale)
            worst_abs = max(worst_abs, float(np.max(np.abs(np.abs(g) - np.abs(v)))) / scale)
        worst_field = ""
        if worst > 1e-9:
            worst_field = " (differs in: %s)" % ",".join(
                k for k, v in common.items() if v is not None
                and (OUT / case.name / (k + ".csv")).exists()
                and np.max(np.abs(np.loadtxt(OUT / case.name / (k + ".csv"), delimiter=",",
                                             ndmin=2) - np.atleast_2d(np.asarray(v, float))))
                / max(1.0, float(np.max(np.abs(np.asarray(v, float))))) > 1e-9)
        report.append("%-46s %.3g, up to signs %.3g%s%s"
                      % (case.name, worst, worst_abs, worst_field,
                         "; None in SPMD, set in batch: " + ",".join(missing) if missing else ""))
        print(report[-1], file=sys.stderr)
    (Path(__file__).resolve().parent / "SPMD_VS_BATCH.txt").write_text("\n".join(report) + "\n")


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batch", action="store_true", help="batch goldens only")
    ap.add_argument("--spmd", action="store_true", help="distributed goldens only")
    ap.add_argument("--spmd-child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.spmd_child:
        spmd_child()
        return
    both = not args.batch and not args.spmd
    if args.batch or both:
        batch_goldens()
    if args.spmd or both:
        spmd_goldens()


if __name__ == "__main__":
    main()
