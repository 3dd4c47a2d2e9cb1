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
           "X = batch/kmeans_dense.csv, all 10000 rows, columns 0..19",
           {"centroids": res.centroids, "assignments": res.assignments.astype(np.int64),
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


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batch", action="store_true", help="batch goldens only")
    ap.add_argument("--spmd", action="store_true", help="distributed goldens only")
    args = ap.parse_args()
    both = not args.batch and not args.spmd
    if args.batch or both:
        batch_goldens()


if __name__ == "__main__":
    main()
