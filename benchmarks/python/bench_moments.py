"""Low order moments benchmark: daal4j (1 and 2 ranks, local and mpirun) against NumPy's
mean/var on the same 2,000,000 x 50 float64 data, alternating runs in one process tree.

    python3 benchmarks/python/bench_moments.py [--rows N] [--cols P] [--reps K]

Prints a table (median seconds, rows/s, GB/s, ratio to NumPy) and the machine's memory-read
limit measured by NumPy in the same run.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]


def data_file(rows, cols):
    path = REPO / "bench-data" / f"normal_{rows}x{cols}_seed0.f64"
    if not path.exists():
        path.parent.mkdir(exist_ok=True)
        rng = np.random.default_rng(0)
        x = rng.standard_normal((rows, cols))
        x.astype("<f8").tofile(path)
    return path


def classpath():
    out = REPO / "benchmarks/target/classpath.txt"
    subprocess.run(["mvn", "-q", "-B", "-DskipTests", "-pl", "benchmarks", "-am", "package",
                    "dependency:build-classpath", "-Dmdep.outputFile=target/classpath.txt"],
                   cwd=REPO, check=True)
    return f"{REPO}/benchmarks/target/classes:{out.read_text().strip()}"


def java_run(cp, args, mpi_ranks=0):
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    java = ["java", "-Xmx16g", "-cp", cp, "daal4j.bench.Bench"] + args
    if mpi_ranks:
        launcher = REPO / "bin/daal4j"
        cmd = [str(launcher), "run", "-n", str(mpi_ranks), "--mpi", "daal4j.bench.Bench"] + args
        env["CLASSPATH"] = str(REPO / "benchmarks/target/classes")
    else:
        cmd = java
    out = subprocess.run(cmd, cwd=REPO, env=env, check=True, capture_output=True, text=True).stdout
    line = [l for l in out.splitlines() if l.startswith("{")][-1]
    return json.loads(line)


def numpy_time(x, reps):
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        m = x.mean(axis=0)
        v = x.var(axis=0, ddof=1)
        times.append(time.perf_counter() - t)
    assert m.shape == v.shape
    return float(np.median(times))


def read_bandwidth(x, reps):
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        x.sum()
        times.append(time.perf_counter() - t)
    return x.nbytes / 1e9 / min(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=2_000_000)
    ap.add_argument("--cols", type=int, default=50)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=2, help="alternations of daal4j and NumPy")
    a = ap.parse_args()
    path = data_file(a.rows, a.cols)
    x = np.fromfile(path, dtype="<f8").reshape(a.rows, a.cols)
    cp = classpath()
    gb = x.nbytes / 1e9
    configs = [("daal4j 1 rank", {"ranks": 1}, 0), ("daal4j 2 local ranks", {"ranks": 2}, 0)]
    if shutil.which("mpirun") and (REPO / "bin/daal4j").exists():
        configs.append(("daal4j mpirun -n 2", {}, 2))
    results = {name: [] for name, _, _ in configs}
    results["NumPy mean+var"] = []
    for _ in range(a.rounds):
        for name, opts, mpi in configs:
            args = ["--workload", "moments", "--data", str(path), "--rows", str(a.rows), "--cols", str(a.cols),
                    "--reps", str(a.reps)] + sum(([f"--{k}", str(v)] for k, v in opts.items()), [])
            results[name].append(java_run(cp, args, mpi)["median_s"])
        results["NumPy mean+var"].append(numpy_time(x, a.reps))
    bw = read_bandwidth(x, a.reps)
    numpy_s = float(np.median(results["NumPy mean+var"]))
    one = float(np.median(results["daal4j 1 rank"]))
    print(f"low order moments, {a.rows} x {a.cols} float64 ({gb:.2f} GB); memory read limit "
          f"(NumPy sum) {bw:.1f} GB/s")
    print(f"| run | median s | spread s | rows/s | GB/s | vs NumPy | vs 1 rank |")
    print(f"|---|---|---|---|---|---|---|")
    for name, ts in results.items():
        med = float(np.median(ts))
        print(f"| {name} | {med:.3f} | {min(ts):.3f}-{max(ts):.3f} | {a.rows / med / 1e6:.1f} M | "
              f"{gb / med:.2f} | {numpy_s / med:.2f}x | {one / med:.2f}x |")


if __name__ == "__main__":
    sys.exit(main())
