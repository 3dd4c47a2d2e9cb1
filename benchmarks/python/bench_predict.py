"""Prediction alone, daal4py against daal4j's Java-only path (bench_python.py's JavaOnly: inputs
and model already in the JVM), on bench_python.py's data and models, batch, one thread. Each
module runs in its own process; the processes alternate over rounds, and ratios are taken
between medians of the same run.

    flock /tmp/d4j-bench.lock python3 benchmarks/python/bench_predict.py [--before DIR] [--rounds 3]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import bench_python as bp  # noqa: E402  (the algorithms' data, JavaOnly and the timing rule)
import suite  # noqa: E402

# name -> (training, prediction, arguments of both): the models bench_python.py's functions fit
PREDICTIONS = {
    "linear_regression": ("linear_regression_training", "linear_regression_prediction", [], {"interceptFlag": True}),
    "ridge_regression": ("ridge_regression_training", "ridge_regression_prediction", [], {"interceptFlag": True}),
    "naive_bayes": ("multinomial_naive_bayes_training", "multinomial_naive_bayes_prediction", [20], {}),
}


def worker(name, module, bridge, reps):
    """Times one prediction in this process; prints a JSON line."""
    if module == "daal4py":
        import daal4py as d4p
        d4p.daalinit(1)
    else:
        sys.path.insert(0, bridge)
        import daal4j as d4p
        d4p.daalinit()
    w = bp.workload(name, 1.0)
    paths = suite.make_data(w)
    x = bp.rows_of(paths["x"], w.rows, w.cols, 0, 1)
    y = bp.rows_of(paths["y"], w.rows, paths["y"].stat().st_size // 8 // w.rows, 0, 1)
    train, predict, args, kwargs = PREDICTIONS[name]
    lib = bp.JavaOnly(d4p, [x, y]) if module != "daal4py" else d4p
    model = getattr(lib, train)(*args, **kwargs).compute(x, y).model
    out = bp.timed(lambda: getattr(lib, predict)(*args).compute(x, model).prediction, reps)
    print(json.dumps(out), flush=True)
    d4p.daalfini()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default=",".join(PREDICTIONS))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--before", help="py4j-bridge/python of another build, timed alternately as 'daal4j before'")
    ap.add_argument("--worker", nargs=3, metavar=("NAME", "MODULE", "BRIDGE"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        worker(*a.worker, a.reps)
        return
    setups = {"daal4py": "-", "daal4j": str(bp.REPO / "py4j-bridge" / "python")}
    if a.before:
        setups["daal4j before"] = a.before
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", DAAL4J_JAVA_OPTS=os.environ.get("DAAL4J_JAVA_OPTS", "-Xmx12g"))
    for name in a.only.split(","):
        times = {s: [] for s in setups}
        for _ in range(a.rounds):
            for setup, bridge in setups.items():
                module = "daal4py" if setup == "daal4py" else "daal4j"
                line = subprocess.run([sys.executable, __file__, "--reps", str(a.reps), "--worker", name, module,
                                       bridge], env=env, check=True, capture_output=True, text=True).stdout
                times[setup].append(json.loads(line.strip().splitlines()[-1])["median_s"])
        med = {s: statistics.median(t) for s, t in times.items()}
        print("%-18s " % name + "  ".join("%s %.4f s (%s)" % (s, m, " ".join("%.4f" % t for t in times[s]))
                                           for s, m in med.items()), flush=True)
        print("%-18s daal4j / daal4py x%.2f" % ("", med["daal4j"] / med["daal4py"])
              + ("  daal4j before / daal4py x%.2f  after / before x%.2f"
                 % (med["daal4j before"] / med["daal4py"], med["daal4j"] / med["daal4j before"]) if a.before else ""),
              flush=True)


if __name__ == "__main__":
    main()
