"""Covariance, linear regression and naive Bayes benchmark (issue 3): daal4j on 1 and 2
local ranks against NumPy's cross-product (X.T @ X, which NumPy runs as BLAS dsyrk) and
daal4py 2024.7.0 batch, on the same seeded data, alternating runs.

    python3 benchmarks/python/bench_regress.py [--scale 1.0] [--rounds 2] [--reps 3] [--only covariance,naive_bayes]

Reports wall time and CPU time (for daal4j the busiest rank's thread, for the peers the
process's): on a shared machine the CPU time is the steady figure, and for 2 ranks it is the
wall time each rank would take on a core of its own.

Workloads: covariance of 2,000,000 x 50 and of 200,000 x 500, linear regression (normal
equations, intercept) 2,000,000 x 50 with 2 responses, multinomial naive Bayes 1,000,000 x 50
with 20 classes. Every run is single-threaded per rank (OPENBLAS_NUM_THREADS=1, NumPy's
threadpool limited to 1, daal4py daalinit(1)), so the comparison is per core. The data
files and the daal4j runner are the suite's (benchmarks/python/suite.py).
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import peers  # noqa: E402
import suite  # noqa: E402


def workloads(scale):
    def r(n):
        return max(1000, int(n * scale))
    # flops: n p (p + 1) for a symmetric cross-product (dsyrk), 2 n p k for k class rows
    return [
        suite.Workload("covariance", r(2_000_000), 50, "normal", flops=r(2_000_000) * 50 * 51),
        suite.Workload("covariance", r(200_000), 500, "normal", flops=r(200_000) * 500 * 501),
        suite.Workload("linear_regression", r(2_000_000), 50, "regression", flops=r(2_000_000) * 52 * 53),
        suite.Workload("naive_bayes", r(1_000_000), 50, "counts", flops=2 * r(1_000_000) * 50 * 20),
    ]


def timed(f, reps):
    """(median wall s, median CPU s) of reps calls after a warm-up call; CPU time is this
    process's, which is the work's own with one thread (robust on a shared machine)."""
    f()
    wall, cpu = [], []
    for _ in range(reps):
        t, c = time.perf_counter(), time.process_time()
        f()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(wall), statistics.median(cpu)


def numpy_cross_product(w, paths, reps):
    """NumPy's core of the same work: X'X (with the responses: [X Y]'[X Y]); for naive
    Bayes the per-class sums as one-hot' X (dgemm)."""
    from threadpoolctl import threadpool_limits
    with threadpool_limits(1):
        x, y = peers._load(paths, w.rows, w.cols)
        if w.name == "naive_bayes":
            onehot = np.zeros((w.rows, 20))
            onehot[np.arange(w.rows), y.ravel().astype(int)] = 1.0
            f = lambda: onehot.T @ x  # noqa: E731
        elif y is not None:
            xy = np.hstack([x, y])
            f = lambda: xy.T @ xy  # noqa: E731
        else:
            f = lambda: x.T @ x  # noqa: E731
        return timed(f, reps)


def daal4py_batch(w, paths, reps):
    """daal4py's own call of the workload (benchmarks/python/peers.py), one thread."""
    x, y = peers._load(paths, w.rows, w.cols)
    return timed(peers._daal4py(w.name, x, y, paths), reps)


def daal4j(cp, w, paths, reps, ranks):
    r = suite.run_daal4j(cp, w, paths, reps, ranks, False)
    return r["median_s"], r["cpu_s"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--only", default="")
    a = ap.parse_args()
    cp = suite.build()
    gflops, bw = suite.machine_limits()
    print(f"machine: NumPy dgemm (all threads) {gflops:.1f} GFLOP/s, memory read {bw:.1f} GB/s", flush=True)
    out = []
    for w in workloads(a.scale):
        if a.only and w.name not in a.only.split(","):
            continue
        paths = suite.make_data(w)
        runners = [
            ("daal4j 1 rank", lambda: daal4j(cp, w, paths, a.reps, 1)),
            ("daal4j 2 local ranks", lambda: daal4j(cp, w, paths, a.reps, 2)),
            ("NumPy cross-product", lambda: numpy_cross_product(w, paths, a.reps)),
            ("daal4py 2024.7.0 batch", lambda: daal4py_batch(w, paths, a.reps)),
        ]
        times = {name: [] for name, _ in runners}
        for _ in range(a.rounds):
            for name, f in runners:
                times[name].append(f())
        one_wall = statistics.median(t[0] for t in times["daal4j 1 rank"])
        one_cpu = statistics.median(t[1] for t in times["daal4j 1 rank"])
        for name, ts in times.items():
            wall = statistics.median(t[0] for t in ts)
            cpu = statistics.median(t[1] for t in ts)
            line = (w.name, f"{w.rows:,} x {w.cols}", name, wall, cpu, w.flops / cpu / 1e9, wall / one_wall,
                    cpu / one_cpu)
            out.append(line)
            print(fmt(line), flush=True)
    print("\n| workload | shape | run | wall s | CPU s (busiest rank) | GFLOP/s on CPU s | wall / daal4j 1 rank "
          "| CPU / daal4j 1 rank |")
    print("|---|---|---|---|---|---|---|---|")
    for line in out:
        print(fmt(line))


def fmt(line):
    return (f"| {line[0]} | {line[1]} | {line[2]} | {line[3]:.3f} | {line[4]:.3f} | {line[5]:.1f} | "
            f"{line[6]:.2f} | {line[7]:.2f} |")


if __name__ == "__main__":
    sys.exit(main())
