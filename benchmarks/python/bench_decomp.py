"""QR, SVD and PCA benchmark: daal4j (1 and 2 local ranks) against NumPy and daal4py (batch)
on the same seeded float64 data, alternating runs in one process tree.

    python3 benchmarks/python/bench_decomp.py [--only qr,svd,pca_svd,pca_cor] [--reps K]

QR and SVD: 1,000,000 x 50 (np.linalg.qr / np.linalg.svd, full_matrices=False; daal4py qr /
svd). PCA: 2,000,000 x 50; NumPy svdDense = SVD of the z-scored data, correlationDense =
eigh(np.corrcoef); daal4py pca with the same method. Prints one markdown table per workload.
"""
import argparse
import os
import sys
import time
import types
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_moments import classpath, data_file, java_run  # noqa: E402  (shared data, build and launch)


def daal4py():
    # daal4py 2024.7.0's __init__ imports its sklearn patches, broken against newer scikit-learn
    for name in ("daal4py.sklearn", "daal4py.mb"):
        sys.modules.setdefault(name, types.ModuleType(name))
    import daal4py as d4p
    return d4p


def numpy_work(name, x):
    if name == "qr":
        return np.linalg.qr(x)
    if name == "svd":
        return np.linalg.svd(x, full_matrices=False)
    if name == "pca_svd":
        z = (x - x.mean(axis=0)) / x.std(axis=0, ddof=1)
        return np.linalg.svd(z, full_matrices=False, compute_uv=True)[1:]
    if name == "pca_cor":
        return np.linalg.eigh(np.corrcoef(x, rowvar=False))
    raise ValueError(name)


def daal4py_work(d4p, name, x):
    if name == "qr":
        return d4p.qr().compute(x)
    if name == "svd":
        return d4p.svd().compute(x)
    if name == "pca_svd":
        return d4p.pca(method="svdDense").compute(x)
    if name == "pca_cor":
        return d4p.pca(method="correlationDense").compute(x)
    raise ValueError(name)


def timed(fn, reps):
    fn()  # warm-up
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return float(np.median(times))


SIZES = {"qr": 1_000_000, "svd": 1_000_000, "pca_svd": 2_000_000, "pca_cor": 2_000_000}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="qr,svd,pca_svd,pca_cor")
    ap.add_argument("--cols", type=int, default=50)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=2, help="alternations of daal4j and its peers")
    ap.add_argument("--scale", type=float, default=1.0, help="fraction of the standard row counts")
    a = ap.parse_args()
    d4p = daal4py()
    cp = classpath()
    for name in a.only.split(","):
        rows = int(SIZES[name] * a.scale)
        path = data_file(rows, a.cols)
        x = np.fromfile(path, dtype="<f8").reshape(rows, a.cols)
        runs = {"daal4j 1 rank": [], "daal4j 2 local ranks": [], "NumPy": [], "daal4py batch": []}
        for _ in range(a.rounds):
            for ranks in (1, 2):
                args = ["--workload", name, "--data", str(path), "--rows", str(rows), "--cols", str(a.cols),
                        "--reps", str(a.reps), "--ranks", str(ranks)]
                runs["daal4j %d %s" % (ranks, "rank" if ranks == 1 else "local ranks")].append(
                    java_run(cp, args)["median_s"])
            runs["NumPy"].append(timed(lambda: numpy_work(name, x), a.reps))
            runs["daal4py batch"].append(timed(lambda: daal4py_work(d4p, name, x), a.reps))
        med = {k: float(np.median(v)) for k, v in runs.items()}
        print(f"\n{name}, {rows} x {a.cols} float64 ({x.nbytes / 1e9:.2f} GB), threads: daal4j 1 BLAS thread "
              f"per rank; NumPy/daal4py all {os.cpu_count()} cores")
        print("| run | median s | spread s | vs NumPy | vs daal4py | vs 1 rank |")
        print("|---|---|---|---|---|---|")
        for k, v in runs.items():
            print(f"| {k} | {med[k]:.3f} | {min(v):.3f}-{max(v):.3f} | {med['NumPy'] / med[k]:.2f}x | "
                  f"{med['daal4py batch'] / med[k]:.2f}x | {med['daal4j 1 rank'] / med[k]:.2f}x |")
        sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
