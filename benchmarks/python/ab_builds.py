"""Two builds of daal4j on the same workloads of the suite, alternated in one run: the check
that a change made nothing slower. Each build is a checkout whose benchmarks module is built
here (`mvn package` of benchmarks and what it needs).

    python3 benchmarks/python/ab_builds.py OLD_CHECKOUT NEW_CHECKOUT [--scale 0.5] [--only moments,qr]
        [--rounds 3] [--reps 5]

Prints, per workload, each build's median over rounds of each run's median (1 local rank,
steady state as in the suite), the spread of the old build's runs, and new / old.
"""
import argparse
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import suite  # noqa: E402  (the suite's workloads, data and runner)


def build(checkout):
    subprocess.run(["mvn", "-q", "-B", "-DskipTests", "-pl", "benchmarks", "-am", "package",
                    "dependency:build-classpath", "-Dmdep.outputFile=target/classpath.txt"], cwd=checkout, check=True)
    return f"{checkout}/benchmarks/target/classes:{(Path(checkout) / 'benchmarks/target/classpath.txt').read_text().strip()}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--scale", type=float, default=0.5)
    ap.add_argument("--only", default="")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--reps", type=int, default=5)
    a = ap.parse_args()
    builds = {"old": build(str(Path(a.old).resolve())), "new": build(str(Path(a.new).resolve()))}
    only = set(filter(None, a.only.split(",")))
    chosen = [w for w in suite.workloads(a.scale) if w.kind != "csv" and (not only or w.name in only)]
    print("| workload | shape | old median s | old spread (max/min) | new median s | new / old |")
    print("|---|---|---|---|---|---|")
    for w in chosen:
        paths = suite.make_data(w)
        times = {"old": [], "new": []}
        for r in range(a.rounds):
            for name in (("old", "new") if r % 2 == 0 else ("new", "old")):
                times[name].append(suite.run_daal4j(builds[name], w, paths, a.reps, 1, False)["median_s"])
        old, new = statistics.median(times["old"]), statistics.median(times["new"])
        print("| %s | %d x %d | %.4f | %.2f | %.4f | %.2f |" % (w.name, w.rows, w.cols, old,
              max(times["old"]) / min(times["old"]), new, new / old), flush=True)


if __name__ == "__main__":
    main()
