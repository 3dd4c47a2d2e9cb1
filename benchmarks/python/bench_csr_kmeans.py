"""K-means on CSR data: daal4j lloydCSR (1 and 2 local ranks) against daal4py 2024.7.0 lloydCSR
and scikit-learn KMeans(algorithm="lloyd") on the same seeded sparse matrix, k = 20, 10 Lloyd
iterations from the same initial centroids (the matrix's first k rows).

    python3 benchmarks/python/bench_csr_kmeans.py [--rows N] [--cols P] [--density D] [--reps K]

Default 200,000 x 20,000 with 0.1% non-zeros (values uniform in [0, 1)); the issue's large case
is --rows 1000000 --cols 100000. Each contender runs in its own process (so its peak memory,
VmHWM, is its own), one untimed run then --reps timed ones; the table shows the best wall
seconds per iteration and the peak resident memory of the process (data included).
daal4py and scikit-learn use their default threading (all cores); daal4j one thread per rank.
daal4py's lloydCSR objective sums (x_j - c_j)^2 over the non-zeros only; daal4j's and scikit-learn's are
the sum of squared distances.
"""
import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from bench_moments import REPO, classpath

K = 20
ITERS = 10


def data_prefix(rows, cols, density):
    """Writes the seeded CSR matrix (int32 offsets and indices, float64 values) and the init once."""
    d = REPO / "bench-data"
    d.mkdir(exist_ok=True)
    prefix = d / f"csr_{rows}x{cols}_d{density:g}_seed3"
    if not Path(str(prefix) + ".init").exists():
        rng = np.random.default_rng(3)
        x = sp.random(rows, cols, density=density, format="csr", dtype=np.float64, random_state=rng)
        x.sum_duplicates()
        x.sort_indices()
        x.indptr.astype("<i4").tofile(str(prefix) + ".offsets")
        x.indices.astype("<i4").tofile(str(prefix) + ".indices")
        x.data.astype("<f8").tofile(str(prefix) + ".values")
        x[:K].toarray().astype("<f8").tofile(str(prefix) + ".init")
    return prefix


def load(prefix, rows, cols):
    off = np.fromfile(str(prefix) + ".offsets", dtype="<i4")
    idx = np.fromfile(str(prefix) + ".indices", dtype="<i4")
    val = np.fromfile(str(prefix) + ".values", dtype="<f8")
    init = np.fromfile(str(prefix) + ".init", dtype="<f8").reshape(K, cols)
    return sp.csr_matrix((val, idx, off), shape=(rows, cols)), init


def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024.0
    return float("nan")


def worker(name, prefix, rows, cols, reps):
    """One contender in this process: prints a JSON line."""
    x, init = load(prefix, rows, cols)
    if name == "daal4py":
        import daal4py as d4p

        def run():
            r = d4p.kmeans(K, ITERS, method="lloydCSR", assignFlag=True).compute(x, init)
            return int(r.nIterations[0, 0]), float(r.objectiveFunction[0, 0])
    else:
        from sklearn.cluster import KMeans

        def run():
            m = KMeans(K, init=init, n_init=1, max_iter=ITERS, tol=0, algorithm="lloyd").fit(x)
            return int(m.n_iter_), float(m.inertia_)
    best = float("inf")
    for rep in range(reps + 1):
        t = time.perf_counter()
        n_iter, objective = run()
        per = (time.perf_counter() - t) / n_iter
        if rep > 0:
            best = min(best, per)
    print(json.dumps({"seconds_per_iter": best, "objective": objective, "n_iter": n_iter, "peak_mb": peak_mb()}))


def run_python(name, prefix, args):
    cmd = [sys.executable, __file__, "--worker", name, "--rows", str(args.rows), "--cols", str(args.cols),
           "--density", str(args.density), "--reps", str(args.reps)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=Path(__file__).parent).stdout
    return json.loads([l for l in out.splitlines() if l.startswith("{")][-1])


def run_java(cp, prefix, ranks, args):
    cmd = ["java", "-Xmx16g", "-cp", cp, "daal4j.bench.BenchCsrKMeans", "--data", str(prefix), "--rows", str(args.rows),
           "--cols", str(args.cols), "--k", str(K), "--iters", str(ITERS), "--ranks", str(ranks),
           "--reps", str(args.reps)]
    env = {"OPENBLAS_NUM_THREADS": "1", "PATH": "/usr/bin:/bin:/usr/local/bin"}
    import os
    env = dict(os.environ, **env)
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=REPO, env=env).stdout
    return json.loads([l for l in out.splitlines() if l.startswith("{")][-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--cols", type=int, default=20_000)
    ap.add_argument("--density", type=float, default=0.001)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--worker", choices=["daal4py", "sklearn"])
    args = ap.parse_args()
    prefix = data_prefix(args.rows, args.cols, args.density)
    if args.worker:
        worker(args.worker, prefix, args.rows, args.cols, args.reps)
        return
    cp = classpath()
    nnz = (Path(str(prefix) + ".values").stat().st_size) // 8
    rows = [("daal4j lloydCSR, 1 rank", run_java(cp, prefix, 1, args)),
            ("daal4j lloydCSR, 2 local ranks", run_java(cp, prefix, 2, args)),
            ("daal4py 2024.7.0 lloydCSR", run_python("daal4py", prefix, args)),
            ("scikit-learn KMeans lloyd", run_python("sklearn", prefix, args))]
    print(f"\nk-means on CSR: {args.rows} x {args.cols}, {nnz} non-zeros ({args.density:g}), k = {K}, "
          f"{ITERS} iterations from the same centroids; best of {args.reps} runs\n")
    print(f"| {'contender':32} | {'s / iteration':>13} | {'iterations':>10} | {'peak RSS MB':>11} | {'objective':>16} |")
    print(f"|{'-' * 34}|{'-' * 15}|{'-' * 12}|{'-' * 13}|{'-' * 18}|")
    for name, r in rows:
        print(f"| {name:32} | {r['seconds_per_iter']:13.4f} | {r['n_iter']:10d} | {r['peak_mb']:11.0f} "
              f"| {r['objective']:16.6e} |")


if __name__ == "__main__":
    main()
