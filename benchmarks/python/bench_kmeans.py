"""K-means benchmark: daal4j (1 and 2 local ranks) against daal4py 2024.7.0 batch and
scikit-learn 1.5 (algorithm="lloyd") on the same data from the same initial centroids (the
first k rows), 20 Lloyd iterations, alternating runs in one process tree.

    python3 benchmarks/python/bench_kmeans.py [--reps K] [--rounds R]

Cases: 1,000,000 x 20 with k = 10, and 200,000 x 100 with k = 100 (seeded normal data).
Prints one table per case: the best seconds per iteration (over reps runs and rounds, the
figure least disturbed by other load on a shared machine) and the ratios.
"""
import argparse
import os
import sys
import time

import numpy as np
from threadpoolctl import threadpool_limits

from bench_moments import classpath, data_file, java_run

ITERS = 20


def timed(fn, reps):
    """Best wall seconds per iteration over reps runs (the least disturbed by other load)."""
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        n_iter = fn()
        times.append((time.perf_counter() - t) / n_iter)
    return float(np.min(times))


def daal4py_run(x, k, threads):
    import daal4py as d4p
    d4p.daalinit(threads)
    r = d4p.kmeans(k, ITERS).compute(x, x[:k])
    return int(r.nIterations[0, 0])


def sklearn_run(x, k, threads):
    from sklearn.cluster import KMeans
    with threadpool_limits(threads):
        km = KMeans(n_clusters=k, init=x[:k], n_init=1, max_iter=ITERS, tol=0.0, algorithm="lloyd").fit(x)
    return int(km.n_iter_)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=2, help="alternations of daal4j and the peers")
    a = ap.parse_args()
    cp = classpath()
    for rows, cols, k in ((1_000_000, 20, 10), (200_000, 100, 100)):
        path = data_file(rows, cols)
        x = np.fromfile(path, dtype="<f8").reshape(rows, cols)
        runs = {"daal4j 1 rank": [], "daal4j 2 local ranks": [], "daal4py batch, 1 thread": [],
                "daal4py batch, 2 threads": [], "scikit-learn, 1 thread": [], "scikit-learn, 2 threads": []}
        for _ in range(a.rounds):
            for ranks in (1, 2):
                args = ["--workload", "kmeans" if k == 10 else f"kmeans{k}", "--data", str(path), "--rows", str(rows), "--cols", str(cols),
                        "--reps", str(a.reps), "--ranks", str(ranks)]
                name = "daal4j 1 rank" if ranks == 1 else "daal4j 2 local ranks"
                runs[name].append(java_run(cp, args)["min_s"] / ITERS)
            for threads in (1, 2):
                runs[f"daal4py batch, {threads} thread" + ("s" if threads > 1 else "")].append(
                    timed(lambda: daal4py_run(x, k, threads), a.reps))
                runs[f"scikit-learn, {threads} thread" + ("s" if threads > 1 else "")].append(
                    timed(lambda: sklearn_run(x, k, threads), a.reps))
        med = {name: float(np.min(ts)) for name, ts in runs.items()}
        print(f"\nk-means, {rows} x {cols}, k = {k}, {ITERS} iterations from the first k rows; "
              f"load average before: {os.getloadavg()[0]:.1f}")
        print("| run | best s / iteration | spread of rounds | vs daal4py 1 thread | vs scikit-learn 1 thread "
              "| vs daal4j 1 rank |")
        print("|---|---|---|---|---|---|")
        for name, ts in runs.items():
            m = med[name]
            print(f"| {name} | {m:.4f} | {min(ts):.4f}-{max(ts):.4f} | {med['daal4py batch, 1 thread'] / m:.2f}x | "
                  f"{med['scikit-learn, 1 thread'] / m:.2f}x | {med['daal4j 1 rank'] / m:.2f}x |")


if __name__ == "__main__":
    sys.exit(main())
