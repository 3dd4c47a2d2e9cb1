#!/usr/bin/env python3
"""Regenerates the daal4py 2024.7.0 goldens of the CSR methods (batch).

Usage (from anywhere):
    python3 toolkit/src/test/golden/make_csr_goldens.py

Inputs: data/daal4py-examples/distributed/kmeans_csr.csv (low order moments and covariance,
every CSR method daal4py runs) and naivebayes_{train,test}_csr.csv with their labels
(multinomial naive Bayes, method fastCSR). Outputs and their format as make_goldens.py's:
toolkit/src/test/resources/golden/<name>/<field>.csv and params.txt.

A CSR file of daal4py's examples is three lines (row offsets, column indices, values), the
first two 1-based; it becomes scipy.sparse.csr_matrix((values, indices - 1, offsets - 1)),
as wide as its largest column index.

sumCSR is not written: daal4py 2024.7.0 raises "Null numeric table is not supported"
(basicStatisticsSum: it wants the sums given, which its compute() cannot take).
"""

import sys
from pathlib import Path

import numpy as np
import scipy.sparse as sp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_goldens import (DATA, MOMENT_FIELDS, COV_FIELDS, OUT, d4p, golden,  # noqa: E402
                          read_csv, result_fields)


def read_csr(rel):
    """A CSR file of daal4py's examples as a scipy CSR matrix (0-based)."""
    with open(DATA / rel) as f:
        lines = [line.strip().rstrip(",") for line in f if line.strip()]
    offsets, indices, values = (np.array([float(x) for x in line.split(",")]) for line in lines)
    return sp.csr_matrix((values, indices.astype(np.int64) - 1, offsets.astype(np.int64) - 1))


def try_golden(name, params, compute):
    try:
        fields = compute()
    except RuntimeError as e:
        # daal4py cannot run it: say so where a golden would be
        print("skipped", name, ":", str(e).splitlines()[0], file=sys.stderr)
        return
    golden(name, params, fields)
    credit(name)


def credit(name):
    """params.txt names this script (make_goldens.golden names its own)."""
    f = OUT / name / "params.txt"
    f.write_text(f.read_text().replace("make_goldens.py", "make_csr_goldens.py", 1))


def main():
    km = "distributed/kmeans_csr.csv"
    x = read_csr(km)
    rows = "X = %s as scipy CSR (%d x %d, %d non-zeros)" % (km, x.shape[0], x.shape[1], x.nnz)
    for m in ("fastCSR", "singlePassCSR", "sumCSR"):
        note = ("\nNOTE: daal4py 2024.7.0's CSR maximum and sumSquares are not those of the densified"
                " columns (checked with NumPy: maximum is below the columns' largest values, e.g."
                " 343 for 351 in column 0; sumSquares is ~6% of the sum of squares, which"
                " secondOrderRawMoment * n is); daal4j gives the densified columns' values.")
        try_golden("low_order_moments_" + m,
                   "d4p.low_order_moments(method=%r).compute(X)\n%s%s" % (m, rows, note),
                   lambda m=m: result_fields(d4p.low_order_moments(method=m).compute(x), MOMENT_FIELDS))
        try_golden("covariance_" + m,
                   "d4p.covariance(method=%r).compute(X)\n%s" % (m, rows),
                   lambda m=m: result_fields(d4p.covariance(method=m).compute(x), COV_FIELDS))

    tr = "distributed/naivebayes_train_csr.csv"
    te = "distributed/naivebayes_test_csr.csv"
    xtr = read_csr(tr)
    ytr = read_csv("distributed/naivebayes_train_labels.csv")
    xte = read_csr(te)
    model = d4p.multinomial_naive_bayes_training(20, method="fastCSR").compute(xtr, ytr).model
    pred = d4p.multinomial_naive_bayes_prediction(20, method="fastCSR").compute(xte, model).prediction
    golden("multinomial_naive_bayes_fastCSR",
           "model = d4p.multinomial_naive_bayes_training(20, method='fastCSR').compute(X, y).model\n"
           "prediction = d4p.multinomial_naive_bayes_prediction(20, method='fastCSR')"
           ".compute(Xtest, model).prediction\n"
           "X = %s as scipy CSR (%d x %d), y = distributed/naivebayes_train_labels.csv;"
           " Xtest = %s as scipy CSR (%d x %d)"
           % (tr, xtr.shape[0], xtr.shape[1], te, xte.shape[0], xte.shape[1]),
           {"LogP": model.LogP, "LogTheta": model.LogTheta, "AuxTable": model.AuxTable,
            "prediction": pred})
    credit("multinomial_naive_bayes_fastCSR")


if __name__ == "__main__":
    main()
