"""One big CSV split across ranks: daal4j's low order moments over Inputs.rowsOf(file) on 1 rank,
2 local ranks and mpirun -n 2, against pandas.read_csv of the whole file (then NumPy's moments),
on the same file in the same run.

    python3 benchmarks/python/bench_files.py [--gb 4] [--cols 10]

The file is made once under bench-data/ from one seeded 64 MB block of normal values written
with 6 decimals, repeated to the size asked. It is read from the page cache (the machine has
room for it), so the figures are parsing and memory, not the disk. Prints, per run: wall time,
bytes each rank read (its threads' read system calls), peak resident memory of each process.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_moments import classpath  # noqa: E402  (one build of the benchmark class path)


def big_csv(gb, cols):
    path = REPO / "bench-data" / f"normal_{gb}gb_{cols}cols_seed0.csv"
    if path.exists():
        return path
    path.parent.mkdir(exist_ok=True)
    rng = np.random.default_rng(0)
    rows = (64 << 20) // (cols * 10)
    block = "\n".join(",".join("%.6f" % v for v in row) for row in rng.standard_normal((rows, cols))) + "\n"
    block = block.encode()
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as f:
        for _ in range(max(1, round(gb * (1 << 30) / len(block)))):
            f.write(block)
    tmp.rename(path)
    return path


def daal4j(cp, path, ranks, mpi):
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    # heap for twice the rank's share of the matrix (8 bytes a value, about 0.9x the CSV's bytes):
    # the parse fills an array sized from an estimate of the rows, then trims it to the rows read
    heap = "-Xmx%dg" % max(4, int(1.8 * path.stat().st_size / (1 << 30) / ranks) + 3)
    if mpi:
        env["CLASSPATH"] = str(REPO / "benchmarks/target/classes")
        env["JAVA_OPTS"] = heap
        cmd = [str(REPO / "bin/daal4j"), "run", "-n", str(ranks), "--mpi", "daal4j.bench.SplitRead", str(path)]
    else:
        cmd = ["java", heap, "-cp", cp, "daal4j.bench.SplitRead", str(path), "--ranks", str(ranks)]
    t = time.perf_counter()
    out = subprocess.run(cmd, cwd=REPO, env=env, check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - t
    runs = [json.loads(l[l.index("{"):]) for l in out.splitlines() if "{" in l]
    return sorted(runs, key=lambda r: r["rank"]), wall


def pandas_run(path):
    """pandas.read_csv of the whole file and NumPy's moments, in a child (its own peak memory)."""
    code = """
import json, resource, sys, time
import numpy as np, pandas as pd
t = time.perf_counter()
x = pd.read_csv(sys.argv[1], header=None, dtype=np.float64, engine="c").to_numpy()
read = time.perf_counter() - t
mean = x.mean(axis=0); var = x.var(axis=0, ddof=1)
print(json.dumps({"read_s": read, "total_s": time.perf_counter() - t, "mean0": mean[0], "variance0": var[0],
                  "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""
    out = subprocess.run([sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gb", type=float, default=4)
    ap.add_argument("--cols", type=int, default=10)
    a = ap.parse_args()
    cp = classpath()
    path = big_csv(a.gb, a.cols)
    size = path.stat().st_size
    subprocess.run(["cat", str(path)], stdout=subprocess.DEVNULL, check=True)  # into the page cache
    print("file: %s, %.2f GB, %d columns" % (path.name, size / 1e9, a.cols))
    rows = []
    for name, ranks, mpi in (("daal4j 1 rank", 1, False), ("daal4j 2 local ranks", 2, False),
                             ("daal4j mpirun -n 2", 2, True)):
        runs, wall = daal4j(cp, path, ranks, mpi)
        rows.append((name, runs, wall))
    pd_run = pandas_run(path)
    print("\n| run | compute s (slowest rank) | process wall s | bytes read per rank (share of file) "
          "| peak RSS per process |")
    print("|---|---|---|---|---|")
    for name, runs, wall in rows:
        reads = ", ".join("%.2f GB (%.2f)" % (r["bytes_read"] / 1e9, r["bytes_read"] / size) for r in runs)
        if "local" in name:  # one JVM for all its ranks
            rss = "%.2f GB (one JVM)" % (max(r["peak_rss_bytes"] for r in runs) / 1e9)
        else:
            rss = ", ".join("%.2f GB" % (r["peak_rss_bytes"] / 1e9) for r in runs)
        print("| %s | %.2f | %.1f | %s | %s |" % (name, runs[0]["slowest_s"], wall, reads, rss))
    print("| pandas read_csv + NumPy | %.2f (read %.2f) | | %.2f GB (1.00) | %.2f GB |"
          % (pd_run["total_s"], pd_run["read_s"], size / 1e9, pd_run["peak_rss_bytes"] / 1e9))
    one = rows[0][1][0]["slowest_s"]
    print("\nratios: pandas read_csv / daal4j 1 rank %.2fx; 1 rank / 2 local ranks %.2fx; 1 rank / mpirun -n 2 %.2fx"
          % (pd_run["read_s"] / one, one / rows[1][1][0]["slowest_s"], one / rows[2][1][0]["slowest_s"]))
    ref_mean, ref_var = pd_run["mean0"], pd_run["variance0"]
    worst = max(max(abs(r["mean0"] - ref_mean) / abs(ref_mean), abs(r["variance0"] - ref_var) / ref_var)
                for _, runs, _ in rows for r in runs)
    print("largest relative difference of column 0's mean and variance from pandas + NumPy: %.1e" % worst)


if __name__ == "__main__":
    main()
