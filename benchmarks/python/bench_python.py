"""From Python, the user's comparison: each of the nine algorithms as one daal4py-style function
written against a module `d4p`, run with `import daal4py as d4p` (2024.7.0) and with `import
daal4j as d4p`, on the suite's data (suite.py's shapes and bench-data/ files), batch on one
thread and distributed on 2 ranks (daal4j under Open MPI's mpirun, daal4py SPMD under Intel
MPI's mpiexec, as the suite runs it). The same function also runs on daal4j's Java objects with
the inputs already in the JVM and the results left there: the Java-only time, so the bridge's
share of each row is in the table. Writes the section "From Python" of BENCHMARKS.md.

    python3 benchmarks/python/bench_python.py --prepare             # data and builds, untimed
    flock /tmp/d4j-bench.lock python3 benchmarks/python/bench_python.py --only qr,svd [--rounds 2 --reps 3]
    python3 benchmarks/python/bench_python.py --report              # the section from the runs kept

Each timed run appends its figures to bench-data/python-runs.json (the latest run of an
algorithm wins), so the algorithms can be timed in groups and reported together.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import suite  # noqa: E402  (the workloads' shapes, their data files, the Intel MPI venv)
from daal4py_spmd import rows_of  # noqa: E402  (a rank's share of a data file, as daal4j's ranks take it)

REPO = suite.REPO
# the daal4j package to import: this tree's, or (DAAL4J_BENCH_BRIDGE, set by --before) another build's
BRIDGE_PYTHON = Path(os.environ.get("DAAL4J_BENCH_BRIDGE", REPO / "py4j-bridge" / "python"))
RUNS = suite.DATA / "python-runs.json"
# untimed runs after the warm-up while the JIT settles (as the suite's Java side does): a count, not a
# time, so that every rank runs as many collective computes
SETTLE_RUNS = 5


# ---------------------------------------------------------------- the user's functions

def low_order_moments(d4p, x, y, dist):
    r = d4p.low_order_moments(distributed=dist).compute(x)
    return r.mean, r.variance


def covariance(d4p, x, y, dist):
    return d4p.covariance(distributed=dist).compute(x).covariance


def linear_regression(d4p, x, y, dist):
    model = d4p.linear_regression_training(interceptFlag=True, distributed=dist).compute(x, y).model
    return d4p.linear_regression_prediction().compute(x, model).prediction


def ridge_regression(d4p, x, y, dist):
    model = d4p.ridge_regression_training(interceptFlag=True, distributed=dist).compute(x, y).model
    return d4p.ridge_regression_prediction().compute(x, model).prediction


def naive_bayes(d4p, x, y, dist):
    model = d4p.multinomial_naive_bayes_training(20, distributed=dist).compute(x, y).model
    return d4p.multinomial_naive_bayes_prediction(20).compute(x, model).prediction


def qr(d4p, x, y, dist):
    r = d4p.qr(distributed=dist).compute(x)
    return r.matrixQ, r.matrixR


def svd(d4p, x, y, dist):
    r = d4p.svd(distributed=dist).compute(x)
    return r.leftSingularMatrix, r.singularValues, r.rightSingularMatrix


def pca_correlation(d4p, x, y, dist):
    r = d4p.pca(method="correlationDense", distributed=dist).compute(x)
    return r.eigenvalues, r.eigenvectors


def pca_svd(d4p, x, y, dist):
    r = d4p.pca(method="svdDense", distributed=dist).compute(x)
    return r.eigenvalues, r.eigenvectors


def kmeans(d4p, x, y, dist):
    centroids = d4p.kmeans_init(10, method="plusPlusDense", distributed=dist).compute(x).centroids
    r = d4p.kmeans(10, 20, accuracyThreshold=0, distributed=dist).compute(x, centroids)
    return r.centroids, r.nIterations


# name -> (function, the suite's workload whose shape and data it takes, what it computes)
ALGORITHMS = {
    "low_order_moments": (low_order_moments, "moments", "low order moments"),
    "covariance": (covariance, "covariance", "covariance"),
    "linear_regression": (linear_regression, "linear_regression", "linear regression training + prediction"),
    "ridge_regression": (ridge_regression, "ridge_regression", "ridge regression training + prediction"),
    "naive_bayes": (naive_bayes, "naive_bayes", "multinomial naive Bayes training + prediction"),
    "qr": (qr, "qr", "QR"),
    "svd": (svd, "svd", "SVD"),
    "pca_correlation": (pca_correlation, "pca_correlation", "PCA correlationDense"),
    "pca_svd": (pca_svd, "pca_svd", "PCA svdDense"),
    "kmeans": (kmeans, "kmeans", "k-means init plusPlusDense + k-means (10 clusters, 20 iterations)"),
}


def workload(name, scale):
    return next(w for w in suite.workloads(scale) if w.name == ALGORITHMS[name][1])


# ---------------------------------------------------------------- Java-only

class JavaOnly:
    """daal4j's module as `d4p` with its inputs already in the JVM and results left there: every
    compute is one Py4J call on Java matrices, every result field one more returning the Java
    object, so the function's time is the Java compute's plus a few round trips (no copies)."""

    def __init__(self, d4p, arrays):
        from daal4j._core import to_java
        self._d4p = d4p
        self._java = {id(a): to_java(a) for a in arrays if a is not None}

    def __getattr__(self, name):
        make = getattr(self._d4p, name)
        return lambda *args, **kwargs: _JavaAlgorithm(make(*args, **kwargs)._java, self._java)


class _JavaAlgorithm:
    def __init__(self, java, inputs):
        self._algorithm, self._inputs = java, inputs

    def compute(self, *args):
        from daal4j._gateway import call, session
        jargs = [self._inputs.get(id(a), a) for a in args]
        return _JavaFields(call(session().bridge.call, self._algorithm, "compute", jargs))


class _JavaFields:
    def __init__(self, java):
        self._result = java

    def __getattr__(self, name):
        from daal4j._gateway import call, session
        return call(session().bridge.attribute, self._result, name)


# ---------------------------------------------------------------- one process (a rank)

def worker(a):
    """Times one algorithm in this process (a rank under mpirun/mpiexec) and prints a JSON line on rank 0."""
    t = time.perf_counter()
    if a.worker == "daal4py":
        import daal4py as d4p
        d4p.daalinit(1)  # one thread: daal4j's rank runs one BLAS thread
    else:
        sys.path.insert(0, str(BRIDGE_PYTHON))
        import daal4j as d4p
        d4p.daalinit()  # starts the JVM (and Open MPI under mpirun)
    startup = time.perf_counter() - t
    # daal4py's my_procid needs Intel MPI's library, loaded only under its mpiexec
    rank, size = (d4p.my_procid(), d4p.num_procs()) if a.ranks > 1 else (0, 1)
    fn, _, _ = ALGORITHMS[a.algorithm]
    w = workload(a.algorithm, a.scale)
    paths = suite.make_data(w)
    x = rows_of(paths["x"], w.rows, w.cols, rank, size)
    y = None
    if paths["y"] is not None:
        y = rows_of(paths["y"], w.rows, paths["y"].stat().st_size // 8 // w.rows, rank, size)
    dist = size > 1
    out = {"module": a.worker, "algorithm": a.algorithm, "ranks": size, "startup_s": startup,
           "rows": w.rows, "cols": w.cols}
    out.update(timed(lambda: fn(d4p, x, y, dist), a.reps))
    if a.worker == "daal4j":
        java_only = JavaOnly(d4p, [x, y])  # made after the timing above: its copies stay in the JVM's heap
        out.update({"java_" + k: v for k, v in timed(lambda: fn(java_only, x, y, dist), a.reps).items()})
    if a.algorithm == "kmeans":
        out["iterations"] = int(fn(d4p, x, y, dist)[1][0][0])
    if rank == 0:
        print(json.dumps(out), flush=True)
    d4p.daalfini()


def timed(f, reps):
    """Warm-up (and its time), SETTLE_RUNS untimed runs, then the median of reps runs."""
    t = time.perf_counter()
    f()
    warm = time.perf_counter() - t
    for _ in range(SETTLE_RUNS):
        f()
    ts = []
    for _ in range(reps):
        t = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t)
    return {"median_s": statistics.median(ts), "min_s": min(ts), "max_s": max(ts), "warmup_s": warm}


# ---------------------------------------------------------------- the driver

def run_worker(setup, name, a, ranks, venv):
    """One worker process: batch (1 rank) or 2 ranks under mpiexec (daal4py) or mpirun (daal4j);
    setup "daal4j before" is daal4j from the build of --before."""
    module = setup.split()[0]
    script = [str(Path(__file__).resolve()), "--worker", module, "--algorithm", name, "--ranks", str(ranks), "--reps", str(a.reps),
              "--scale", str(a.scale)]
    # the JVM's default heap (a quarter of the memory) is too small for SVD's input, its U and the
    # Java-only copies at once; the suite gives its JVMs 16 GB
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", DAAL4J_JAVA_OPTS=os.environ.get("DAAL4J_JAVA_OPTS", "-Xmx12g"))
    if setup == "daal4j before":
        env["DAAL4J_BENCH_BRIDGE"] = a.before
    if ranks == 1:
        cmd = [sys.executable] + script
    elif module == "daal4py":
        env.update(I_MPI_FABRICS="shm", LD_LIBRARY_PATH=str(venv / "lib") + (
            ":" + os.environ["LD_LIBRARY_PATH"] if os.environ.get("LD_LIBRARY_PATH") else ""))
        cmd = [str(venv / "bin" / "mpiexec"), "-n", str(ranks), str(venv / "bin" / "python")] + script
    else:
        env.update(OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
        cmd = ["mpirun", "--oversubscribe", "-n", str(ranks), "-x", "OPENBLAS_NUM_THREADS", sys.executable] + script
    t = time.perf_counter()
    out = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=240)
    print("  %s %s on %d rank(s): %.0f s in all" % (setup, name, ranks, time.perf_counter() - t), file=sys.stderr)
    lines = [l for l in out.stdout.splitlines() if l.startswith("{")]
    if out.returncode != 0 or not lines:
        raise RuntimeError("%s %s on %d rank(s): %s" % (setup, name, ranks,
                                                        (out.stderr.strip().splitlines() or ["no output"])[-1]))
    return json.loads(lines[-1])


def drive(a):
    chosen = [n for n in ALGORITHMS if not a.only or n in a.only.split(",")]
    venv = suite.impi_venv() if a.spmd else None
    runs = json.loads(RUNS.read_text()) if RUNS.exists() else {}
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    for name in chosen:
        modules = ["daal4py", "daal4j"] + (["daal4j before"] if a.before else [])
        setups = [(m, 1) for m in modules]
        if a.spmd and venv is not None and shutil.which("mpirun"):
            setups += [(m, 2) for m in modules]
        got = {s: [] for s in setups}
        for _ in range(a.rounds):  # alternating, so both see the same machine
            for module, ranks in setups:
                got[(module, ranks)].append(run_worker(module, name, a, ranks, venv))
        for ranks in sorted({r for _, r in setups}):
            py, j = got[("daal4py", ranks)], got[("daal4j", ranks)]
            row = {"when": when, "load": os.getloadavg()[0], "rows": j[0]["rows"], "cols": j[0]["cols"],
                   "daal4py_s": statistics.median(r["median_s"] for r in py),
                   "daal4j_s": statistics.median(r["median_s"] for r in j),
                   "java_s": statistics.median(r["java_median_s"] for r in j),
                   "daal4j_startup_s": statistics.median(r["startup_s"] for r in j),
                   "daal4py_startup_s": statistics.median(r["startup_s"] for r in py),
                   "daal4j_warmup_s": statistics.median(r["warmup_s"] for r in j),
                   "rounds": a.rounds, "reps": a.reps, "scale": a.scale}
            if a.before:
                b = got[("daal4j before", ranks)]
                row["before_s"] = statistics.median(r["median_s"] for r in b)
                row["before_java_s"] = statistics.median(r["java_median_s"] for r in b)
                print("%-18s %d rank(s): daal4j before %.3f s (Java-only %.3f s), after %.3f s (%.3f s): x%.2f"
                      % (name, ranks, row["before_s"], row["before_java_s"], row["daal4j_s"], row["java_s"],
                         row["daal4j_s"] / row["before_s"]), flush=True)
            if name == "kmeans":
                row["iterations"] = {"daal4py": py[0]["iterations"], "daal4j": j[0]["iterations"]}
            runs["%s/%d" % (name, ranks)] = row
            print("%-18s %d rank(s): daal4py %.3f s  daal4j %.3f s  (x%.2f)  Java-only %.3f s  bridge %+.0f%%"
                  % (name, ranks, row["daal4py_s"], row["daal4j_s"], row["daal4j_s"] / row["daal4py_s"],
                     row["java_s"], 100 * (row["daal4j_s"] / row["java_s"] - 1)), flush=True)
        RUNS.write_text(json.dumps(runs, indent=1))


# ---------------------------------------------------------------- the report

BEGIN, END = "<!-- python:begin -->", "<!-- python:end -->"


def report(a):
    runs = json.loads(RUNS.read_text())
    lines = ["Each row: the function below (one per algorithm, in `benchmarks/python/bench_python.py`) run with "
             "`import daal4py as d4p` (2024.7.0) and with `import daal4j as d4p`, on the suite's data, timed "
             "from Python around the whole function (results as numpy). Batch: daal4py `daalinit(1)`, daal4j one "
             "BLAS thread; 2 ranks: daal4j under Open MPI's `mpirun -n 2`, daal4py SPMD under Intel MPI's "
             "`mpiexec -n 2` (rank 0's time). Time: median over rounds of each run's median over reps, after a "
             "warm-up and five untimed runs. Java-only: the same function on daal4j's Java objects "
             "in the same process, inputs already in the JVM and results left there (a Py4J call per compute and "
             "per field read); bridge overhead = daal4j / Java-only - 1. Ratio = daal4j / daal4py (at most 1: "
             "daal4j at or ahead).", "",
             "| algorithm | shape | ranks | daal4py s | daal4j s | ratio | Java-only s | bridge overhead | met | run |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    met, behind, starts = [], [], []
    for name, (_, _, what) in ALGORITHMS.items():
        for ranks in (1, 2):
            r = runs.get("%s/%d" % (name, ranks))
            if r is None:
                continue
            ratio = r["daal4j_s"] / r["daal4py_s"]
            ok = ratio <= 1.0
            (met if ok else behind).append("%s (%d)" % (name, ranks))
            note = ""
            if "iterations" in r and r["iterations"]["daal4py"] != r["iterations"]["daal4j"]:
                note = " (iterations: daal4py %d, daal4j %d)" % (r["iterations"]["daal4py"], r["iterations"]["daal4j"])
            lines.append("| %s%s | %d x %d | %s | %.3f | %.3f | %.2f | %.3f | %+.0f%% | %s | %s, load %.1f |" % (
                what, note, r["rows"], r["cols"], "1 (batch)" if ranks == 1 else "2", r["daal4py_s"], r["daal4j_s"],
                ratio, r["java_s"], 100 * (r["daal4j_s"] / r["java_s"] - 1), "yes" if ok else "no", r["when"],
                r["load"]))
            starts.append((name, ranks, r))
    lines += ["", "Start-up, not in the times above (median per run): `import` and `daalinit()`, with the JVM's "
              "start (and Open MPI's under mpirun) for daal4j, and daal4j's first (warm-up) call of the function.", "",
              "| algorithm | ranks | daal4j import + daalinit s | daal4py import + daalinit s | daal4j warm-up call s |",
              "|---|---|---|---|---|"]
    for name, ranks, r in starts:
        lines.append("| %s | %d | %.2f | %.2f | %.3f |" % (name, ranks, r["daal4j_startup_s"], r["daal4py_startup_s"],
                                                           r["daal4j_warmup_s"]))
    ab = [(name, ranks, r) for name, ranks, r in starts if "before_s" in r]
    if ab:
        lines += ["", "The bridge before and after a change (`--before DIR`: another build's py4j-bridge/python, "
                  "timed alternately in the same run):", "",
                  "| algorithm | ranks | daal4j before s | after s | after / before | Java-only before / after s |",
                  "|---|---|---|---|---|---|"]
        for name, ranks, r in ab:
            lines.append("| %s | %d | %.3f | %.3f | %.2f | %.3f / %.3f |" % (
                name, ranks, r["before_s"], r["daal4j_s"], r["daal4j_s"] / r["before_s"], r["before_java_s"],
                r["java_s"]))
    lines += ["", "At or ahead of daal4py (ranks in brackets): %s. Behind: %s." % (", ".join(met) or "none", ", ".join(behind) or "none")]
    table = "\n".join(lines) + "\n"
    md = REPO / "BENCHMARKS.md"
    text = md.read_text()
    text = text[:text.index(BEGIN) + len(BEGIN)] + "\n" + table + text[text.index(END):]
    md.write_text(text)
    print(table)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="", help="comma-separated names of ALGORITHMS")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--no-spmd", dest="spmd", action="store_false")
    ap.add_argument("--before", help="py4j-bridge/python of another build, timed alternately as 'daal4j before'")
    ap.add_argument("--prepare", action="store_true", help="write the data files and the Intel MPI venv only")
    ap.add_argument("--report", action="store_true", help="write BENCHMARKS.md's section from the runs kept")
    ap.add_argument("--worker", choices=["daal4py", "daal4j"], help=argparse.SUPPRESS)
    ap.add_argument("--algorithm", help=argparse.SUPPRESS)
    ap.add_argument("--ranks", type=int, default=1, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        worker(a)
    elif a.prepare:
        for name in ALGORITHMS:
            suite.make_data(workload(name, a.scale))
        suite.impi_venv()
    elif a.report:
        report(a)
    else:
        drive(a)


if __name__ == "__main__":
    main()
