"""daal4py 2024.7.0 in SPMD mode, the peer of daal4j's 2-rank runs: each MPI rank reads its
share of the rows of the suite's data file and runs the workload with distributed=True.

Run by suite.py under Intel MPI's mpiexec (pip's impi-rt in a venv of its own, since its
mpirun would otherwise shadow Open MPI's on PATH):

    mpiexec -n 2 python daal4py_spmd.py --workload covariance --data X.f64 --rows N --cols P [--y Y.f64] [--reps 3]

Rank 0 prints one JSON line with the median of the timed runs (after one warm-up run).
"""
import argparse
import json
import statistics
import time

import numpy as np


def rows_of(path, rows, cols, rank, size):
    """This rank's contiguous share of the rows of a raw float64 file, as daal4j's ranks take them."""
    lo, hi = rank * rows // size, (rank + 1) * rows // size
    m = np.memmap(path, dtype="<f8", mode="r", shape=(rows, cols))
    return np.ascontiguousarray(m[lo:hi])


def call(d4p, w, x, y, first10):
    if w == "moments":
        return lambda: d4p.low_order_moments(distributed=True).compute(x)
    if w == "covariance":
        return lambda: d4p.covariance(distributed=True).compute(x)
    if w == "linear_regression":
        return lambda: d4p.linear_regression_training(distributed=True).compute(x, y)
    if w == "ridge_regression":
        return lambda: d4p.ridge_regression_training(distributed=True).compute(x, y)
    if w == "naive_bayes":
        return lambda: d4p.multinomial_naive_bayes_training(20, distributed=True).compute(x, y)
    if w == "qr":
        return lambda: d4p.qr(distributed=True).compute(x)
    if w == "svd":
        return lambda: d4p.svd(distributed=True).compute(x)
    if w == "pca_correlation":
        return lambda: d4p.pca(method="correlationDense", distributed=True).compute(x)
    if w == "pca_svd":
        return lambda: d4p.pca(method="svdDense", distributed=True).compute(x)
    if w == "kmeans":
        # every rank starts from the first 10 rows of the whole data, as the batch runs do
        return lambda: d4p.kmeans(10, 20, accuracyThreshold=0, distributed=True).compute(x, first10)
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--workload", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--y")
    ap.add_argument("--rows", type=int, required=True)
    ap.add_argument("--cols", type=int, required=True)
    ap.add_argument("--reps", type=int, default=3)
    a = ap.parse_args()
    import daal4py as d4p
    d4p.daalinit(1)
    rank, size = d4p.my_procid(), d4p.num_procs()
    x = rows_of(a.data, a.rows, a.cols, rank, size)
    y = None
    if a.y:
        y = rows_of(a.y, a.rows, np.memmap(a.y, dtype="<f8", mode="r").size // a.rows, rank, size)
    first10 = np.ascontiguousarray(np.memmap(a.data, dtype="<f8", mode="r", shape=(a.rows, a.cols))[:10])
    f = call(d4p, a.workload, x, y, first10)
    if f is None:
        raise SystemExit("daal4py SPMD: no workload " + a.workload)
    first = f()
    ts = []
    for _ in range(a.reps):
        t = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t)
    if rank == 0:
        out = {"workload": a.workload, "ranks": size, "median_s": statistics.median(ts), "min_s": min(ts),
               "max_s": max(ts)}
        if a.workload == "kmeans":
            # daal4py's SPMD k-means stops once the objective stops changing, whatever the
            # accuracy threshold; its iteration count lets the caller compare per iteration
            out["iterations"] = int(first.nIterations[0][0])
        print(json.dumps(out), flush=True)
    d4p.daalfini()


if __name__ == "__main__":
    main()
