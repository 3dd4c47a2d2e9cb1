"""Sparse (CSR) inputs: daal4j's CSR methods against daal4py 2024.7.0's and scikit-learn / SciPy
on one seeded sparse matrix of integer counts, each contender in its own process so that its
peak resident memory (VmHWM, data included) is its own.

    python3 benchmarks/python/bench_csr.py [--workloads moments,covariance,naive_bayes,kmeans]
        [--rows N] [--cols P] [--density D] [--reps K] [--contenders NAME,...]

Default: the issue's 1,000,000 x 100,000 matrix with 0.1% non-zeros (values 1, 2 or 3, so it is
valid naive Bayes input), written once under bench-data/ as raw little-endian files: .offsets
(int32, rows + 1), .indices (int32), .values (float64), .labels (float64, 20 classes), .init (the
first 20 rows, dense: every k-means contender starts there), and the same three CSR files of the
matrix's first 1,000 columns (.c1000.*), the covariance workload's input.

Workloads: moments (fastCSR), covariance (fastCSR, first 1,000 columns), naive_bayes (fastCSR
training, 20 classes), kmeans (lloydCSR, k = 20, 10 iterations). Time is the best of --reps runs
after one untimed run (k-means: per iteration); --reps 0 times the one run. daal4j reads the binary files itself, each rank
only its rows (no copy of the whole matrix); Python contenders take them with np.fromfile into
scipy.sparse.csr_matrix without a copy. daal4j runs one thread per rank; daal4py batch runs 1
thread and its default (all cores); scikit-learn / SciPy their default.
"""
import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from bench_moments import REPO, classpath
from suite import impi_venv

K = 20
ITERS = 10
CLASSES = 20
COV_COLS = 1000
WORKLOADS = ["moments", "covariance", "naive_bayes", "kmeans"]
CONTENDERS = ["daal4j-1", "daal4j-2", "daal4j-mpi2", "daal4py-1t", "daal4py", "daal4py-spmd2", "python"]


def data_prefix(rows, cols, density):
    """Writes the seeded CSR matrix, labels, initial centroids and the covariance columns once."""
    d = REPO / "bench-data"
    d.mkdir(exist_ok=True)
    prefix = d / f"csr_{rows}x{cols}_d{density:g}_counts_seed20"
    if Path(f"{prefix}.done").exists():
        return prefix
    rng = np.random.default_rng(20)
    block = max(1, min(rows, 5_000_000 // max(1, int(cols * density))))
    total = 0
    sub_total = 0
    with open(f"{prefix}.offsets", "wb") as fo, open(f"{prefix}.indices", "wb") as fi, \
            open(f"{prefix}.values", "wb") as fv, open(f"{prefix}.c1000.offsets", "wb") as so, \
            open(f"{prefix}.c1000.indices", "wb") as si, open(f"{prefix}.c1000.values", "wb") as sv:
        np.zeros(1, "<i4").tofile(fo)
        np.zeros(1, "<i4").tofile(so)
        for lo in range(0, rows, block):
            b = min(block, rows - lo)
            # each row draws Binomial(cols, density) columns; repeats are merged away below
            counts = rng.binomial(cols, density, size=b)
            row = np.repeat(np.arange(b, dtype=np.int64), counts)
            key = np.unique(row * cols + rng.integers(0, cols, size=row.size))
            r, c = np.divmod(key, cols)
            v = rng.integers(1, 4, size=key.size).astype("<f8")
            ends = np.searchsorted(r, np.arange(1, b + 1)) + total
            c.astype("<i4").tofile(fi)
            v.tofile(fv)
            ends.astype("<i4").tofile(fo)
            total += key.size
            keep = c < COV_COLS
            c[keep].astype("<i4").tofile(si)
            v[keep].tofile(sv)
            (np.searchsorted(r[keep], np.arange(1, b + 1)) + sub_total).astype("<i4").tofile(so)
            sub_total += int(keep.sum())
    assert total < 2 ** 31, "int32 offsets"
    rng.integers(0, CLASSES, size=rows).astype("<f8").tofile(f"{prefix}.labels")
    x = load(prefix, rows, cols)
    x[:K].toarray().astype("<f8").tofile(f"{prefix}.init")
    Path(f"{prefix}.done").write_text(f"{total}\n")
    return prefix


def load(prefix, rows, cols, part="", lo=0, hi=None):
    """Rows [lo, hi) of the stored matrix (all by default), reading only their bytes."""
    import scipy.sparse as sp
    hi = rows if hi is None else hi
    off = np.fromfile(f"{prefix}{part}.offsets", dtype="<i4", offset=4 * lo, count=hi - lo + 1)
    base, nnz = int(off[0]), int(off[-1] - off[0])
    idx = np.fromfile(f"{prefix}{part}.indices", dtype="<i4", offset=4 * base, count=nnz)
    val = np.fromfile(f"{prefix}{part}.values", dtype="<f8", offset=8 * base, count=nnz)
    return sp.csr_matrix((val, idx, off - base), shape=(hi - lo, cols), copy=False)


def input_bytes(prefix, workload):
    part = ".c1000" if workload == "covariance" else ""
    return sum(Path(f"{prefix}{part}.{e}").stat().st_size for e in ("offsets", "indices", "values"))


def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024.0
    return float("nan")


def best_of(run, reps, per=lambda r: 1):
    best = float("inf")
    out = None
    for rep in range(reps + 1):
        t = time.perf_counter()
        out = run()
        s = (time.perf_counter() - t) / per(out)
        if rep > 0 or reps == 0:  # --reps 0: the one run is timed (long runs, where warm-up is noise)
            best = min(best, s)
    return best, out


def python_call(name, workload, x, y, init, distributed=False):
    """The contender's run of the workload: returns (function, its check value, per-run divisor)."""
    if name.startswith("daal4py"):
        import daal4py as d4p
        if workload == "moments":
            return (lambda: d4p.low_order_moments(method="fastCSR", distributed=distributed).compute(x),
                    lambda r: float(r.mean.sum()), lambda r: 1)
        if workload == "covariance":
            return (lambda: d4p.covariance(method="fastCSR", distributed=distributed).compute(x),
                    lambda r: float(np.trace(r.covariance)), lambda r: 1)
        if workload == "naive_bayes":
            return (lambda: d4p.multinomial_naive_bayes_training(CLASSES, method="fastCSR",
                                                                 distributed=distributed).compute(x, y),
                    lambda r: float(r.model.LogTheta.sum()), lambda r: 1)
        return (lambda: d4p.kmeans(K, ITERS, method="lloydCSR", accuracyThreshold=0, distributed=distributed)
                .compute(x, init), lambda r: float(r.objectiveFunction[0, 0]), lambda r: int(r.nIterations[0, 0]))
    if workload == "moments":
        def moments():
            n = x.shape[0]
            s = np.asarray(x.sum(axis=0)).ravel()
            s2 = np.asarray(x.multiply(x).sum(axis=0)).ravel()
            mean = s / n
            var = (s2 - n * mean * mean) / (n - 1)
            return mean, var, x.min(axis=0), x.max(axis=0)
        return moments, lambda r: float(r[0].sum()), lambda r: 1
    if workload == "covariance":
        def cov():
            n = x.shape[0]
            mean = np.asarray(x.mean(axis=0)).ravel()
            return ((x.T @ x).toarray() - n * np.outer(mean, mean)) / (n - 1)
        return cov, lambda r: float(np.trace(r)), lambda r: 1
    if workload == "naive_bayes":
        from sklearn.naive_bayes import MultinomialNB
        return (lambda: MultinomialNB(alpha=1.0).fit(x, y.ravel()),
                lambda m: float(m.feature_log_prob_.sum()), lambda m: 1)
    from sklearn.cluster import KMeans
    return (lambda: KMeans(K, init=init, n_init=1, max_iter=ITERS, tol=0, algorithm="lloyd").fit(x),
            lambda m: float(m.inertia_), lambda m: int(m.n_iter_))


def worker(a):
    """One Python contender (or one daal4py SPMD rank) in this process: prints a JSON line."""
    prefix = data_prefix(a.rows, a.cols, a.density)
    spmd = a.worker == "daal4py-spmd2"
    rank, size = 0, 1
    if spmd:
        import daal4py as d4p
        d4p.daalinit(1)
        rank, size = d4p.my_procid(), d4p.num_procs()
    elif a.worker == "daal4py-1t":
        import daal4py as d4p
        d4p.daalinit(1)
    cols = COV_COLS if a.workload == "covariance" else a.cols
    t = time.perf_counter()
    lo, hi = rank * a.rows // size, (rank + 1) * a.rows // size
    x = load(prefix, a.rows, cols, ".c1000" if a.workload == "covariance" else "", lo, hi)
    y = np.fromfile(f"{prefix}.labels", dtype="<f8")[lo:hi].reshape(-1, 1) if a.workload == "naive_bayes" else None
    init = np.fromfile(f"{prefix}.init", dtype="<f8").reshape(K, a.cols) if a.workload == "kmeans" else None
    load_s = time.perf_counter() - t
    run, check, per = python_call(a.worker, a.workload, x, y, init, spmd)
    best, out = best_of(run, a.reps, per)
    print(json.dumps({"rank": rank, "seconds": best, "load_s": load_s, "check": check(out), "peak_mb": peak_mb()}))
    if spmd:
        d4p.daalfini()


def results(text):
    """Every JSON object the ranks printed: under mpiexec two ranks' lines can land on one line."""
    out, dec = [], json.JSONDecoder()
    for line in text.splitlines():
        i = 0
        while line.startswith("{", i):
            obj, i = dec.raw_decode(line, i)
            out.append(obj)
    return out


def merged(rs):
    """One row of the table from every rank's line: rank 0's time and check, the largest peak."""
    r0 = next(r for r in rs if r.get("rank", 0) == 0)
    return dict(r0, peak_mb=max(r["peak_mb"] for r in rs), ranks=len(rs))


def run_contender(name, workload, prefix, a, cp):
    common = ["--rows", str(a.rows), "--cols", str(a.cols), "--density", str(a.density), "--reps", str(a.reps)]
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    if name.startswith("daal4j"):
        ranks = 1 if name == "daal4j-1" else 2
        cols = COV_COLS if workload == "covariance" else a.cols
        args = ["--workload", workload, "--data", str(prefix), "--rows", str(a.rows), "--cols", str(cols),
                "--k", str(K), "--iters", str(ITERS), "--classes", str(CLASSES), "--reps", str(a.reps)]
        # a heap of the process's share plus results; a small young generation, so that short-lived
        # temporaries (k x cols sums per iteration) are collected before they pile up in memory
        jvm = f"-Xmx{java_heap_mb(prefix, workload, a, 2 if name == 'daal4j-mpi2' else 1)}m -Xmn64m -XX:+UseParallelGC"
        if name == "daal4j-mpi2":
            cmd = [str(REPO / "bin/daal4j"), "run", "-n", "2", "--mpi", "daal4j.bench.BenchCsr"] + args
            env["CLASSPATH"] = str(REPO / "benchmarks/target/classes")
            env["JAVA_OPTS"] = jvm
        else:
            cmd = ["java"] + jvm.split() + ["-cp", cp, "daal4j.bench.BenchCsr"] + args + ["--ranks", str(ranks)]
    elif name == "daal4py-spmd2":
        venv = impi_venv()  # Intel MPI's mpiexec, as the suite runs daal4py SPMD
        if venv is None:
            return {"error": "no Intel MPI venv"}
        cmd = [str(venv / "bin/mpiexec"), "-n", "2", str(venv / "bin/python"), __file__, "--worker", name,
               "--workload", workload] + common
        env.update(I_MPI_FABRICS="shm", LD_LIBRARY_PATH=":".join(
            [str(venv / "lib")] + ([os.environ["LD_LIBRARY_PATH"]] if os.environ.get("LD_LIBRARY_PATH") else [])))
    else:
        cmd = [sys.executable, __file__, "--worker", name, "--workload", workload] + common
        if name == "daal4py-1t":
            env["OMP_NUM_THREADS"] = "1"
    t = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=Path(__file__).parent, env=env)
    if out.returncode != 0:
        lines = out.stderr.strip().splitlines()
        said = [l for l in lines if "Exception" in l or "Error" in l] or lines or ["exit " + str(out.returncode)]
        return {"error": said[0].strip()}
    r = merged(results(out.stdout))
    r["wall_s"] = time.perf_counter() - t
    return r


def java_heap_mb(prefix, workload, a, processes):
    """The daal4j JVM's -Xmx: the process's share of the input, room for a few results (k x
    cols or classes x cols doubles each) and per-row arrays, and a margin; not a fixed large heap,
    since garbage the collector has no reason to reclaim yet stays resident (see BENCHMARKS.md)."""
    cols = COV_COLS if workload == "covariance" else a.cols
    results = 8 * max(K, CLASSES) * cols * 8 + a.rows // processes * 24
    return int((input_bytes(prefix, workload) / processes * 1.03 + results) / 2 ** 20) + 96


LABELS = {
    "daal4j-1": "daal4j 1 rank",
    "daal4j-2": "daal4j 2 local ranks",
    "daal4j-mpi2": "daal4j mpirun -n 2",
    "daal4py-1t": "daal4py 2024.7.0 batch, 1 thread",
    "daal4py": "daal4py 2024.7.0 batch",
    "daal4py-spmd2": "daal4py 2024.7.0 SPMD mpiexec -n 2",
    "python": "scikit-learn / SciPy",
}
PEERS = {"moments": "SciPy (column sums, min, max)", "covariance": "SciPy (X^T X)",
         "naive_bayes": "scikit-learn MultinomialNB", "kmeans": "scikit-learn KMeans lloyd"}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workloads", default=",".join(WORKLOADS))
    ap.add_argument("--workload", choices=WORKLOADS)
    ap.add_argument("--contenders", default=",".join(CONTENDERS))
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--cols", type=int, default=100_000)
    ap.add_argument("--density", type=float, default=0.001)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--worker", choices=CONTENDERS)
    a = ap.parse_args()
    if a.worker:
        worker(a)
        return
    prefix = data_prefix(a.rows, a.cols, a.density)
    cp = classpath()
    nnz = int(Path(f"{prefix}.done").read_text())
    runs = f"best of {a.reps} runs after one" if a.reps else "one timed run"
    print(f"\nCSR: {a.rows} x {a.cols}, {nnz} non-zeros ({a.density:g}); {runs}; "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average {os.getloadavg()[0]:.1f}\n")
    print("| workload | input MB | contender | s | ratio to daal4j 1 rank | peak MB (per process) "
          "| peak / input | load s | check |")
    print("|---|---|---|---|---|---|---|---|---|")
    for w in a.workloads.split(","):
        mb = input_bytes(prefix, w) / 2 ** 20
        base = None
        for c in a.contenders.split(","):
            r = run_contender(c, w, prefix, a, cp)
            name = PEERS[w] if c == "python" else LABELS[c]
            if "error" in r:
                print(f"| {w} | {mb:.0f} | {name} | not run: {r['error'][:80]} | | | | | |", flush=True)
                continue
            base = base or (r["seconds"] if c == "daal4j-1" else None)
            ratio = f"{r['seconds'] / base:.2f}" if base else ""
            share = mb / r.get("ranks", 1) if c in ("daal4j-mpi2", "daal4py-spmd2") else mb
            print(f"| {w} | {mb:.0f} | {name} | {r['seconds']:.4f} | {ratio} | {r['peak_mb']:.0f} "
                  f"| {r['peak_mb'] / share:.2f} | {r['load_s']:.2f} | {r['check']:.10g} |", flush=True)


if __name__ == "__main__":
    main()
