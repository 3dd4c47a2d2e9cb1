"""Where a large result's bridge time goes: one algorithm from numpy, called repeatedly in one
session, with the JVM's page faults and CPU time (from /proc) around each call. The JVM's
options come from DAAL4J_JAVA_OPTS as always, so heaps and collectors compare run against run:

    python3 benchmarks/python/bench_bridge_memory.py [--algorithm qr|svd] [--calls 6]
    DAAL4J_JAVA_OPTS="-Xms12g -Xmx12g -XX:+AlwaysPreTouch -XX:+UseParallelGC" python3 benchmarks/python/bench_bridge_memory.py

Data: the suite's seeded 1,000,000 x 50 normal matrix (written under bench-data/ on first use).
"""
import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1] / "py4j-bridge" / "python"))
import suite  # noqa: E402  (the suite's data)
import daal4j as d4p  # noqa: E402
from daal4j import _gateway  # noqa: E402  (the JVM's process id)


def jvm_counters(pid):
    """Minor page faults, user and system CPU seconds of process pid so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    return int(fields[7]), int(fields[11]) / tick, int(fields[12]) / tick


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--algorithm", choices=["qr", "svd"], default="qr")
    ap.add_argument("--calls", type=int, default=6)
    a = ap.parse_args()
    w = next(w for w in suite.workloads(1.0) if w.name == a.algorithm)
    x = np.fromfile(suite.make_data(w)["x"]).reshape(w.rows, w.cols)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    d4p.daalinit()
    pid = _gateway.session().process.pid
    print(f"{a.algorithm} {w.rows} x {w.cols} from numpy, DAAL4J_JAVA_OPTS={os.environ.get('DAAL4J_JAVA_OPTS', '')!r}")
    for call in range(a.calls):
        f0, u0, s0 = jvm_counters(pid)
        t = time.perf_counter()
        r = getattr(d4p, a.algorithm)().compute(x)
        wall = time.perf_counter() - t
        f1, u1, s1 = jvm_counters(pid)
        print(f"call {call + 1}: {wall:.3f} s  JVM minor faults {f1 - f0}  user {u1 - u0:.2f} s  system {s1 - s0:.2f} s",
              flush=True)
        del r
    d4p.daalfini()


if __name__ == "__main__":
    main()
