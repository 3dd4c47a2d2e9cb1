"""The peers' side of each benchmark workload: NumPy, scikit-learn, daal4py, pandas.

Each returns the median time of `reps` runs on data already in memory (loading is not
timed, as for daal4j). daal4py runs in batch mode with as many threads as daal4j's 1-rank
run has cores for its rank (1), so both compare per core; set DAAL4J_BENCH_THREADS to change.
"""
import importlib.util
import os
import statistics
import time

import numpy as np

LABEL = {"numpy": "NumPy", "sklearn": "scikit-learn", "daal4py": "daal4py 2024.7.0 batch", "pandas": "pandas"}
THREADS = int(os.environ.get("DAAL4J_BENCH_THREADS", "1"))


def available(peer):
    mod = {"sklearn": "sklearn"}.get(peer, peer)
    return importlib.util.find_spec(mod) is not None


def _load(paths, rows, cols):
    x = np.fromfile(paths["x"], dtype="<f8").reshape(rows, cols) if str(paths["x"]).endswith(".f64") else None
    y = None
    if paths.get("y") is not None:
        y = np.fromfile(paths["y"], dtype="<f8").reshape(rows, -1)
    return x, y


def _median(f, reps):
    f()  # warm-up, as daal4j's
    ts = []
    for _ in range(reps):
        t = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t)
    return statistics.median(ts)


def run(peer, workload, paths, rows, cols, reps, threads=None):
    x, y = _load(paths, rows, cols)
    f = globals()[f"_{peer}"](workload, x, y, paths, threads or THREADS)
    if f is None:
        return None
    return _median(f, reps)


def _numpy(w, x, y, paths, threads=THREADS):
    from threadpoolctl import threadpool_limits
    lim = threadpool_limits(threads)  # kept for the process: same core budget as daal4j's 1 rank
    _numpy.limit = lim
    if w == "moments":
        return lambda: (x.mean(axis=0), x.var(axis=0, ddof=1))
    if w == "covariance":
        return lambda: np.cov(x, rowvar=False)
    if w == "linear_regression":
        xa = np.hstack([x, np.ones((x.shape[0], 1))])
        return lambda: np.linalg.lstsq(xa, y, rcond=None)
    if w == "qr":
        return lambda: np.linalg.qr(x)
    if w == "svd":
        return lambda: np.linalg.svd(x, full_matrices=False)
    if w == "csv_ingest":
        return lambda: np.loadtxt(paths["x"], delimiter=",")
    return None


def _sklearn(w, x, y, paths, threads=THREADS):
    # imported first: a limit set before scikit-learn loads its OpenMP runtime and SciPy's
    # OpenBLAS leaves those at every core (measured: KMeans ran on 2 threads under a limit of 1)
    from sklearn import cluster, decomposition, linear_model, naive_bayes
    from threadpoolctl import threadpool_limits
    _sklearn.limit = threadpool_limits(threads)
    if w == "linear_regression":
        return lambda: linear_model.LinearRegression().fit(x, y)
    if w == "ridge_regression":
        return lambda: linear_model.Ridge(alpha=1.0).fit(x, y)
    if w == "naive_bayes":
        return lambda: naive_bayes.MultinomialNB(alpha=1.0).fit(x, y.ravel().astype(int))
    if w == "pca_correlation":
        return lambda: decomposition.PCA(svd_solver="covariance_eigh").fit((x - x.mean(0)) / x.std(0, ddof=1))
    if w == "pca_svd":
        return lambda: decomposition.PCA(svd_solver="full").fit(x)
    if w == "kmeans_init_plusplus":
        return lambda: cluster.kmeans_plusplus(x, 10, random_state=0)
    if w == "kmeans":
        init = x[:10].copy()
        return lambda: cluster.KMeans(10, init=init, n_init=1, max_iter=20, tol=0, algorithm="lloyd").fit(x)
    return None


def _daal4py(w, x, y, paths, threads=THREADS):
    import daal4py as d4p
    d4p.daalinit(threads)
    if w == "moments":
        return lambda: d4p.low_order_moments().compute(x)
    if w == "covariance":
        return lambda: d4p.covariance().compute(x)
    if w == "linear_regression":
        return lambda: d4p.linear_regression_training().compute(x, y)
    if w == "ridge_regression":
        return lambda: d4p.ridge_regression_training().compute(x, y)
    if w == "naive_bayes":
        return lambda: d4p.multinomial_naive_bayes_training(20).compute(x, y)
    if w == "qr":
        return lambda: d4p.qr().compute(x)
    if w == "svd":
        return lambda: d4p.svd().compute(x)
    if w == "pca_correlation":
        return lambda: d4p.pca(method="correlationDense").compute(x)
    if w == "pca_svd":
        return lambda: d4p.pca(method="svdDense").compute(x)
    if w == "kmeans_init_plusplus":
        return lambda: d4p.kmeans_init(10, method="plusPlusDense").compute(x)
    if w == "kmeans":
        init = x[:10].copy()
        return lambda: d4p.kmeans(10, 20, accuracyThreshold=0).compute(x, init)
    return None


def _pandas(w, x, y, paths, threads=THREADS):
    import pandas as pd
    if w == "csv_ingest":
        return lambda: pd.read_csv(paths["x"], header=None, dtype=np.float64)
    return None
