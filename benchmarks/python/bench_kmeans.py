"""K-means benchmark: daal4j (1 and 2 local ranks) against daal4py 2024.7.0 batch and
scikit-learn 1.5 (algorithm="lloyd", and "elkan", its bounded variant) on the same data from the same initial centroids (the
first k rows), 20 Lloyd iterations (all results: centroids, assignments, objective), alternating
runs in one process tree.

    python3 benchmarks/python/bench_kmeans.py [--reps K] [--rounds R]

Cases: 1,000,000 x 20 with k = 10, and 200,000 x 100 with k = 100: seeded normal data (one
blob, no cluster structure: the worst case for bounds), or with --data blobs k seeded Gaussian
clusters (centres N(0, 16) for k = 10, N(0, 1) with spread 0.3 for k = 100).
Prints one table per case with two figures per run:
- best wall seconds per iteration over all runs (the run least disturbed by other load);
- CPU seconds per iteration, which a loaded shared machine disturbs far less: for the peers
  the process CPU time of a run; for daal4j the JVM's CPU time of a job with reps + 1 runs
  minus that of a job with 1 run (so JVM start, JIT, data load and warm-up cancel out),
  over all its ranks (2 ranks doing the work of 1 in half the wall time on 2 free cores
  show the same CPU figure as 1 rank).
"""
import argparse
import os
import resource
import sys
import time

import numpy as np
from threadpoolctl import threadpool_limits

from bench_moments import classpath, data_file, java_run

ITERS = 20


def blobs_file(rows, cols, k):
    """Seeded data of k Gaussian clusters, written once under bench-data/."""
    path = data_file(rows, cols).parent / f"blobs_{rows}x{cols}_k{k}_seed1.f64"
    if not path.exists():
        rng = np.random.default_rng(1)
        scale, spread = (4.0, 1.0) if k == 10 else (1.0, 0.3)
        centres = rng.standard_normal((k, cols)) * scale
        x = centres[rng.integers(0, k, rows)] + rng.standard_normal((rows, cols)) * spread
        x.astype("<f8").tofile(path)
    return path


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(fn, reps):
    """(best wall s, median CPU s) per iteration over reps runs of fn, which returns its iterations."""
    walls, cpus = [], []
    for _ in range(reps):
        t, c = time.perf_counter(), time.process_time()
        n_iter = fn()
        walls.append((time.perf_counter() - t) / n_iter)
        cpus.append((time.process_time() - c) / n_iter)
    return min(walls), float(np.median(cpus))


def daal4j(cp, workload, path, rows, cols, ranks, reps):
    """(best wall s, CPU s) per iteration of daal4j on `ranks` local ranks."""
    def job(n):
        args = ["--workload", workload, "--data", str(path), "--rows", str(rows), "--cols", str(cols),
                "--reps", str(n), "--ranks", str(ranks)]
        c = children_cpu()
        out = java_run(cp, args)
        return out, children_cpu() - c
    one, cpu_one = job(1)
    many, cpu_many = job(reps + 1)
    return many["min_s"] / ITERS, (cpu_many - cpu_one) / (reps * ITERS)


def daal4py_run(x, k):
    import daal4py as d4p
    d4p.daalinit(1)
    r = d4p.kmeans(k, ITERS).compute(x, x[:k])
    return int(r.nIterations[0, 0])


def sklearn_run(x, k, algorithm="lloyd"):
    from sklearn.cluster import KMeans
    with threadpool_limits(1):
        km = KMeans(n_clusters=k, init=x[:k], n_init=1, max_iter=ITERS, tol=0.0, algorithm=algorithm).fit(x)
    return int(km.n_iter_)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=2, help="alternations of daal4j and the peers")
    ap.add_argument("--data", choices=["normal", "blobs"], default="normal")
    a = ap.parse_args()
    cp = classpath()
    for rows, cols, k in ((1_000_000, 20, 10), (200_000, 100, 100)):
        path = data_file(rows, cols) if a.data == "normal" else blobs_file(rows, cols, k)
        x = np.fromfile(path, dtype="<f8").reshape(rows, cols)
        workload = "kmeans" if k == 10 else f"kmeans{k}"
        runs = {"daal4j 1 rank": [], "daal4j 2 local ranks": [], "daal4py batch, 1 thread": [],
                "scikit-learn lloyd, 1 thread": [], "scikit-learn elkan, 1 thread": []}
        load = os.getloadavg()[0]
        for _ in range(a.rounds):
            runs["daal4j 1 rank"].append(daal4j(cp, workload, path, rows, cols, 1, a.reps))
            runs["daal4j 2 local ranks"].append(daal4j(cp, workload, path, rows, cols, 2, a.reps))
            runs["daal4py batch, 1 thread"].append(timed(lambda: daal4py_run(x, k), a.reps))
            runs["scikit-learn lloyd, 1 thread"].append(timed(lambda: sklearn_run(x, k), a.reps))
            # scikit-learn's own bounded variant (Elkan's bounds), exact like Lloyd
            runs["scikit-learn elkan, 1 thread"].append(timed(lambda: sklearn_run(x, k, "elkan"), a.reps))
        wall = {n: min(w for w, _ in ts) for n, ts in runs.items()}
        cpu = {n: float(np.median([c for _, c in ts])) for n, ts in runs.items()}
        print(f"\nk-means, {rows} x {cols} {a.data} data, k = {k}, {ITERS} iterations from the first k rows; "
              f"load average {load:.1f} -> {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print("| run | best wall s / iter | CPU s / iter | daal4py / this (CPU) | scikit-learn / this (CPU) "
              "| 1 rank / this (wall) |")
        print("|---|---|---|---|---|---|")
        for n in runs:
            print(f"| {n} | {wall[n]:.4f} | {cpu[n]:.4f} | {cpu['daal4py batch, 1 thread'] / cpu[n]:.2f}x | "
                  f"{cpu['scikit-learn lloyd, 1 thread'] / cpu[n]:.2f}x | {wall['daal4j 1 rank'] / wall[n]:.2f}x |")


if __name__ == "__main__":
    sys.exit(main())
