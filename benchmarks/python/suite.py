"""The benchmark suite: every workload on daal4j (1 and 2 ranks, local and mpirun) and on
the peers installed here (NumPy, scikit-learn, daal4py 2024.7.0, pandas, Spark MLlib local),
on the same seeded data, alternating runs. Writes its table into BENCHMARKS.md (between the
"suite" markers; --out FILE writes a file of its own instead) and benchmarks/ratios.png (plot of
each run's time over daal4j 1 rank's).

    python3 benchmarks/python/suite.py [--scale 0.1] [--only moments,kmeans] [--rounds 3] [--no-spark]

--scale shrinks every workload's rows (1.0 = the sizes of the issue), for a quick look.
daal4py runs in batch with 1 and with 2 threads, and in SPMD on 2 ranks under Intel MPI's
mpiexec (pip's impi-rt, installed on first use into bench-data/impi-venv, a venv of its own
whose mpirun cannot shadow Open MPI's).

daal4j's JVMs take $JAVA_OPTS, as bin/daal4j's do (its mpirun runs get it from bin/daal4j): e.g.
another native BLAS through dev.ludovic.netlib's properties,
    JAVA_OPTS="-Ddev.ludovic.netlib.blas.nativeLibPath=/path/libmkl_rt.so.3
               -Ddev.ludovic.netlib.lapack.nativeLibPath=/path/libmkl_rt.so.3" MKL_THREADING_LAYER=SEQUENTIAL
The report's header then names the options.
"""
import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

# workloads daal4py runs in SPMD mode (distributed=True); its SPMD k-means init is left out
# because its plusPlus init draws differently from its batch one
SPMD_WORKLOADS = {"moments", "covariance", "linear_regression", "ridge_regression", "naive_bayes", "qr", "svd",
                  "pca_correlation", "pca_svd", "kmeans"}

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "bench-data"
sys.path.insert(0, str(Path(__file__).parent))
import peers  # noqa: E402  (the peers' implementations of each workload)


@dataclass
class Workload:
    name: str
    rows: int
    cols: int
    kind: str  # which data set: normal, regression, counts, blobs, csv
    peers: list = field(default_factory=list)
    flops: float = 0.0  # per run, for GFLOP/s (0: memory-bound, report GB/s)


def workloads(scale):
    def r(n):
        return max(1000, int(n * scale))
    return [
        Workload("moments", r(2_000_000), 50, "normal", ["numpy", "daal4py", "spark"]),
        Workload("covariance", r(2_000_000), 50, "normal", ["numpy", "daal4py", "spark"], flops=r(2_000_000) * 50 * 51),
        Workload("linear_regression", r(2_000_000), 50, "regression", ["numpy", "sklearn", "daal4py", "spark"],
                 flops=r(2_000_000) * 53 * 54),
        Workload("ridge_regression", r(2_000_000), 50, "regression", ["sklearn", "daal4py"], flops=r(2_000_000) * 53 * 54),
        Workload("naive_bayes", r(1_000_000), 50, "counts", ["sklearn", "daal4py", "spark"], flops=2 * r(1_000_000) * 50 * 20),
        Workload("qr", r(1_000_000), 50, "normal", ["numpy", "daal4py", "spark"], flops=4 * r(1_000_000) * 50 * 50),
        Workload("svd", r(1_000_000), 50, "normal", ["numpy", "daal4py", "spark"], flops=4 * r(1_000_000) * 50 * 50),
        Workload("pca_correlation", r(2_000_000), 50, "normal", ["sklearn", "daal4py", "spark"], flops=r(2_000_000) * 50 * 51),
        Workload("pca_svd", r(2_000_000), 50, "normal", ["sklearn", "daal4py"], flops=4 * r(2_000_000) * 50 * 50),
        Workload("kmeans_init_plusplus", r(1_000_000), 20, "blobs", ["sklearn", "daal4py"]),
        Workload("kmeans", r(1_000_000), 20, "blobs", ["sklearn", "daal4py", "spark"], flops=20 * 2 * r(1_000_000) * 20 * 10),
        Workload("csv_ingest", r(2_000_000), 50, "csv", ["pandas", "numpy"]),
    ]


# ---------------------------------------------------------------- data

def raw_path(kind, rows, cols, part=""):
    return DATA / f"{kind}_{rows}x{cols}{part}.f64"


def make_data(w):
    """Writes the workload's seeded data once; returns {"x": path, "y": path or None, ...}."""
    DATA.mkdir(exist_ok=True)
    x_path = raw_path(w.kind, w.rows, w.cols)
    y_path = None
    rng = np.random.default_rng(20261127)
    if w.kind == "normal":
        if not x_path.exists():
            rng.standard_normal((w.rows, w.cols)).astype("<f8").tofile(x_path)
    elif w.kind == "regression":
        y_path = raw_path("regression_y", w.rows, 2)
        if not x_path.exists() or not y_path.exists():
            x = rng.standard_normal((w.rows, w.cols))
            beta = rng.uniform(-2, 2, size=(w.cols, 2))
            y = x @ beta + 0.5 + 0.1 * rng.standard_normal((w.rows, 2))
            x.astype("<f8").tofile(x_path)
            y.astype("<f8").tofile(y_path)
    elif w.kind == "counts":
        y_path = raw_path("counts_labels", w.rows, 1)
        if not x_path.exists() or not y_path.exists():
            labels = rng.integers(0, 20, size=w.rows)
            rates = rng.uniform(0.5, 5, size=(20, w.cols))
            x = rng.poisson(rates[labels]).astype("<f8")
            x.tofile(x_path)
            labels.astype("<f8").tofile(y_path)
    elif w.kind == "blobs":
        if not x_path.exists():
            centers = rng.uniform(-10, 10, size=(10, w.cols))
            x = centers[rng.integers(0, 10, size=w.rows)] + rng.standard_normal((w.rows, w.cols))
            x.astype("<f8").tofile(x_path)
    elif w.kind == "csv":
        x_path = DATA / f"ingest_{w.rows}x{w.cols}.csv"
        if not x_path.exists():
            x = rng.standard_normal((w.rows, w.cols))
            tmp = x_path.with_suffix(".tmp")
            with open(tmp, "w") as f:
                for start in range(0, w.rows, 100_000):
                    np.savetxt(f, x[start:start + 100_000], delimiter=",", fmt="%.6f")
            tmp.rename(x_path)
        # per-rank halves for the 2-rank runs, cut at a line boundary
        halves = [DATA / f"ingest_{w.rows}x{w.cols}_part{r}.csv" for r in range(2)]
        if not all(h.exists() for h in halves):
            with open(x_path) as f:
                lines = f.readlines()
            mid = len(lines) // 2
            halves[0].write_text("".join(lines[:mid]))
            halves[1].write_text("".join(lines[mid:]))
    return {"x": x_path, "y": y_path}


# ---------------------------------------------------------------- runners

def build():
    subprocess.run(["mvn", "-q", "-B", "-DskipTests", "-pl", "benchmarks", "-am", "package",
                    "dependency:build-classpath", "-Dmdep.outputFile=target/classpath.txt"], cwd=REPO, check=True)
    return f"{REPO}/benchmarks/target/classes:{(REPO / 'benchmarks/target/classpath.txt').read_text().strip()}"


def bench_args(w, paths, reps):
    a = ["--workload", w.name, "--data", str(paths["x"]), "--rows", str(w.rows), "--cols", str(w.cols),
         "--reps", str(reps)]
    if paths["y"] is not None:
        a += ["--y", str(paths["y"])]
    return a


def run_daal4j(cp, w, paths, reps, ranks, mpi):
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    args = bench_args(w, paths, reps)
    if mpi:
        cmd = [str(REPO / "bin/daal4j"), "run", "-n", str(ranks), "--mpi", "daal4j.bench.Bench"] + args
        env["CLASSPATH"] = str(REPO / "benchmarks/target/classes")
    else:
        cmd = ["java", "-Xmx16g"] + shlex.split(os.environ.get("JAVA_OPTS", "")) + ["-cp", cp, "daal4j.bench.Bench"] \
            + args + ["--ranks", str(ranks)]
    t = time.perf_counter()
    out = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if out.returncode != 0:
        lines = [l for l in out.stderr.strip().splitlines() if "Exception" in l or "Error" in l]
        raise RuntimeError((lines or out.stderr.strip().splitlines() or ["exit " + str(out.returncode)])[0])
    res = json.loads([l for l in out.stdout.splitlines() if l.startswith("{")][-1])
    res["wall_s"] = wall
    return res


def impi_venv():
    """A venv (with this Python's packages) holding Intel MPI from pip, created on first use;
    None when it cannot be made (then the SPMD peer is reported as not run)."""
    venv = DATA / "impi-venv"
    if not (venv / "bin" / "mpiexec").exists():
        DATA.mkdir(exist_ok=True)
        made = subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)]).returncode == 0 \
            and subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "impi-rt==2021.18.1"]).returncode == 0
        if not made:
            return None
    return venv


def run_daal4py_spmd(venv, w, paths, reps, ranks=2):
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", I_MPI_FABRICS="shm",
               LD_LIBRARY_PATH=str(venv / "lib") + (":" + os.environ["LD_LIBRARY_PATH"]
                                                   if os.environ.get("LD_LIBRARY_PATH") else ""))
    cmd = [str(venv / "bin" / "mpiexec"), "-n", str(ranks), str(venv / "bin" / "python"),
           str(Path(__file__).parent / "daal4py_spmd.py")] + bench_args(w, paths, reps)
    out = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=1800)
    if out.returncode != 0:
        raise RuntimeError("daal4py SPMD: " + (out.stderr.strip().splitlines() or ["exit " + str(out.returncode)])[-1])
    return json.loads([l for l in out.stdout.splitlines() if l.startswith("{")][-1])


def per_20_iterations(r):
    """The run's time, scaled to the 20 Lloyd iterations of the others when daal4py's SPMD
    k-means stopped early (it stops when its objective stops changing)."""
    return r["median_s"] * 20 / r["iterations"] if r.get("iterations") else r["median_s"]


def run_spark(w, paths, reps):
    cp_file = REPO / "benchmarks/target/spark-classpath.txt"
    if not cp_file.exists():
        return None
    cp = f"{REPO}/benchmarks/target/classes:{cp_file.read_text().strip()}"
    opens = ["--add-opens=java.base/" + p + "=ALL-UNNAMED" for p in
             ("java.lang", "java.lang.invoke", "java.nio", "java.util", "java.util.concurrent", "sun.nio.ch",
              "java.io", "java.net", "sun.util.calendar", "java.lang.reflect", "java.util.concurrent.atomic")]
    cmd = ["java", "-Xmx16g"] + opens + ["-cp", cp, "daal4j.bench.SparkBench"] + bench_args(w, paths, reps)
    out = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    if out.returncode != 0:
        lines = [l for l in out.stderr.strip().splitlines() if "Exception" in l or "Error" in l]
        raise RuntimeError("spark: " + (lines or ["exit " + str(out.returncode)])[0])
    lines = [l for l in out.stdout.splitlines() if l.startswith("{")]
    return json.loads(lines[-1]) if lines else None


def machine_limits():
    a = np.random.default_rng(1).standard_normal((3000, 3000))
    t = min(timeit(lambda: a @ a) for _ in range(3))
    gflops = 2 * 3000 ** 3 / t / 1e9
    x = np.random.default_rng(2).standard_normal((25_000_000,))
    bw = x.nbytes / min(timeit(lambda: x.sum()) for _ in range(5)) / 1e9
    return gflops, bw


def timeit(f):
    t = time.perf_counter()
    f()
    return time.perf_counter() - t


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--only", default="")
    ap.add_argument("--rounds", type=int, default=2, help="alternations of all runners")
    ap.add_argument("--reps", type=int, default=3, help="timed repetitions inside each run")
    ap.add_argument("--no-spark", action="store_true")
    ap.add_argument("--out", default=str(REPO / "BENCHMARKS.md"))
    a = ap.parse_args()
    chosen = [w for w in workloads(a.scale) if not a.only or w.name in a.only.split(",")]
    cp = build()
    if not a.no_spark:
        subprocess.run(["mvn", "-q", "-B", "-DskipTests", "-Pspark", "-pl", "benchmarks", "-am", "package",
                        "dependency:build-classpath", "-Dmdep.outputFile=target/spark-classpath.txt"], cwd=REPO,
                       check=False)
    gflops, bw = machine_limits()
    mpi = shutil.which("mpirun") is not None and (REPO / "bin/daal4j").exists()
    venv = impi_venv() if peers.available("daal4py") else None
    rows_out = []
    for w in chosen:
        paths = make_data(w)
        starts = {}  # daal4j run -> [(JVM start-up s, warm-up s)]

        def daal4j(name, ranks, mpirun):
            def f():
                r = run_daal4j(cp, w, paths, a.reps, ranks, mpirun)
                # JVM start-up: the whole process less loading, the warm-up and settling runs and the timed runs
                startup = r["wall_s"] - r["load_s"] - r["warmup_s"] - r.get("settle_s", 0) - a.reps * r["median_s"]
                starts.setdefault(name, []).append((startup, r["warmup_s"] - r["median_s"]))
                return r["median_s"]
            return name, f

        runners = [daal4j("daal4j 1 rank", 1, False), daal4j("daal4j 2 local ranks", 2, False)]
        if mpi:
            runners.append(daal4j("daal4j mpirun -n 2", 2, True))
        for p in w.peers:
            if p == "spark":
                if not a.no_spark:
                    # one timed run after Spark's warm-up: it is 10-100 times slower, and the suite must fit an hour
                    runners.append(("Spark MLlib local[1]", lambda: (run_spark(w, paths, 1) or {}).get("median_s")))
            elif peers.available(p):
                runners.append((peers.LABEL[p], (lambda p=p: peers.run(p, w.name, paths, w.rows, w.cols, a.reps))))
                if p == "daal4py":
                    runners.append(("daal4py 2024.7.0 batch, 2 threads",
                                    lambda p=p: peers.run(p, w.name, paths, w.rows, w.cols, a.reps, threads=2)))
        if w.name in SPMD_WORKLOADS and venv is not None:
            runners.append(("daal4py 2024.7.0 SPMD mpiexec -n 2", lambda: per_20_iterations(
                run_daal4py_spmd(venv, w, paths, a.reps))))
        times = {name: [] for name, _ in runners}
        for _ in range(a.rounds):
            for name, f in runners:
                try:
                    v = f()
                except Exception as e:  # a peer that cannot run this workload is reported, not fatal
                    print(f"{w.name}: {name} failed: {e}", file=sys.stderr)
                    v = None
                if v is not None:
                    times[name].append(v)
        base = statistics.median(times["daal4j 1 rank"]) if times["daal4j 1 rank"] else None
        for name, ts in times.items():
            if not ts:
                continue
            med = statistics.median(ts)
            nbytes = paths["x"].stat().st_size
            rate = (f"{w.flops / med / 1e9:.1f} GFLOP/s ({w.flops / med / 1e9 / gflops * 100:.0f}% of dgemm)"
                    if w.flops else f"{nbytes / med / 1e9:.2f} GB/s ({nbytes / med / 1e9 / bw * 100:.0f}% of read)")
            st = starts.get(name)
            start = (f"{statistics.median(x[0] for x in st):.2f} + {statistics.median(x[1] for x in st):.2f}"
                     if st else "")
            rows_out.append((w.name, f"{w.rows} x {w.cols}", name, med, min(ts), max(ts),
                             med / base if base else float("nan"), rate, start))
            print(f"{w.name:22s} {name:26s} {med:8.3f} s  x{med / base if base else float('nan'):.2f}  {rate}",
                  flush=True)
    write_report(a, rows_out, gflops, bw)


BEGIN, END = "<!-- suite:begin -->", "<!-- suite:end -->"


def blas_kernels():
    """Which OpenBLAS kernels the runs use: NumPy's bundled OpenBLAS and the system one that
    daal4j loads (libblas.so.3), each as it reports itself. OPENBLAS_CORETYPE, where the
    machine sets it, pins both."""
    try:
        from threadpoolctl import threadpool_info
        numpy_core = next((i.get("architecture") for i in threadpool_info() if i.get("internal_api") == "openblas"), "?")
    except ImportError:
        numpy_core = "?"
    try:
        import ctypes
        corename = ctypes.CDLL("libblas.so.3").openblas_get_corename
        corename.restype = ctypes.c_char_p
        system_core = corename().decode()
    except (OSError, AttributeError):
        system_core = "? (not OpenBLAS)"
    pin = os.environ.get("OPENBLAS_CORETYPE")
    return (f"OpenBLAS kernels: NumPy's {numpy_core}, daal4j's (the system OpenBLAS) {system_core}"
            + (f" (pinned by OPENBLAS_CORETYPE={pin})" if pin else " (each as it detects this CPU)"))


def write_report(a, rows_out, gflops, bw):
    cmd = "python3 benchmarks/python/suite.py" + (f" --scale {a.scale}" if a.scale != 1.0 else "") + \
        (f" --only {a.only}" if a.only else "") + f" --rounds {a.rounds} --reps {a.reps}"
    lines = [f"`{cmd}`, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, load average "
             f"{os.getloadavg()[0]:.1f} at the end; "
             + (f"daal4j's JVMs with JAVA_OPTS=`{os.environ['JAVA_OPTS']}`; " if os.environ.get("JAVA_OPTS") else "")
             + f"machine limits in the same run: NumPy dgemm (all cores) "
             f"{gflops:.1f} GFLOP/s, memory read {bw:.1f} GB/s. {blas_kernels()}. daal4j runs one BLAS thread per "
             "rank; NumPy, scikit-learn and daal4py batch run one thread unless the run says 2 threads. Time is "
             "the median over rounds of each run's median over reps, steady state: JVM start-up, the warm-up "
             "run (JIT, first touch) and about a second of untimed runs after it (while the JIT settles) are "
             "excluded, and shown apart for daal4j as start-up + extra time of the warm-up run. Ratio = time / daal4j 1 rank's (above 1: slower than daal4j on 1 rank).", "",
             "| workload | shape | run | median s | min-max s | ratio to daal4j 1 rank | rate | JVM start + warm-up s |",
             "|---|---|---|---|---|---|---|---|"]
    for wl, shape, name, med, lo, hi, ratio, rate, start in rows_out:
        lines.append(f"| {wl} | {shape} | {name} | {med:.3f} | {lo:.3f}-{hi:.3f} | {ratio:.2f} | {rate} | {start} |")
    table = "\n".join(lines) + "\n"
    out = Path(a.out)
    if a.out == str(REPO / "BENCHMARKS.md"):
        text = out.read_text() if out.exists() else ""
        if BEGIN in text and END in text:
            text = text[:text.index(BEGIN) + len(BEGIN)] + "\n" + table + text[text.index(END):]
        else:
            text += f"\n## The suite\n\n{BEGIN}\n{table}{END}\n"
        out.write_text(text)
    else:
        out.write_text(table)
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        names = sorted({r[2] for r in rows_out if not r[2].startswith("daal4j 1")})
        wls = list(dict.fromkeys(r[0] for r in rows_out))
        fig, ax = plt.subplots(figsize=(12, 5))
        width = 0.8 / max(1, len(names))
        for k, n in enumerate(names):
            ys = [next((r[6] for r in rows_out if r[0] == wl and r[2] == n), np.nan) for wl in wls]
            ax.bar(np.arange(len(wls)) + k * width, ys, width, label=n)
        ax.axhline(1, color="k", lw=0.8)
        ax.set_yscale("log")
        ax.set_xticks(np.arange(len(wls)) + 0.4 - width / 2, wls, rotation=30, ha="right")
        ax.set_ylabel("time / daal4j 1 rank (log)")
        ax.legend(fontsize=8)
        fig.tight_layout()
        fig.savefig(Path(a.out).with_suffix(".png") if a.out != str(REPO / "BENCHMARKS.md")
                    else REPO / "benchmarks/ratios.png", dpi=90)
    except ImportError:
        print("matplotlib not installed: no plot", file=sys.stderr)


if __name__ == "__main__":
    main()
