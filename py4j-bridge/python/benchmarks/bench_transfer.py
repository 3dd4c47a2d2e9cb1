"""Bridge throughput: a 100 MB float64 array numpy -> Java Matrix and back, and the bridge's
share of a workload (low_order_moments on that array) against the same compute on a Matrix
already in the JVM.  Run: python3 py4j-bridge/python/benchmarks/bench_transfer.py [MB] [repeats]"""
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import daal4j as d4p  # noqa: E402
from daal4j import _core, _gateway  # noqa: E402


def best(fn, repeats):
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def main():
    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 100
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    cols = 10
    rows = int(mb * 1e6 / 8 / cols)
    x = np.random.default_rng(0).standard_normal((rows, cols))
    nbytes = x.nbytes
    s = _gateway.session()
    s.to_matrix(x[:10])  # start-up and first mapping out of the timings

    t_in, jm = best(lambda: s.to_matrix(x), repeats)
    t_out, back = best(lambda: _core._value(jm), repeats)
    assert np.array_equal(back, x), "round trip changed the values"
    print("array: %d x %d float64 = %.1f MB" % (rows, cols, nbytes / 1e6))
    print("numpy -> Java : %7.1f ms  %6.2f GB/s" % (t_in * 1e3, nbytes / t_in / 1e9))
    print("Java -> numpy : %7.1f ms  %6.2f GB/s" % (t_out * 1e3, nbytes / t_out / 1e9))

    # the workload: Java-only (Matrix already in the JVM) versus from numpy with the result back
    algo = s.jvm.daal4j.Daal4j.lowOrderMoments()
    t_java, _ = best(lambda: algo.compute(jm), repeats)
    t_py, r = best(lambda: d4p.low_order_moments().compute(x), repeats)
    assert np.allclose(r.mean, x.mean(axis=0, keepdims=True))
    print("low_order_moments Java-only : %7.1f ms" % (t_java * 1e3))
    print("low_order_moments from numpy: %7.1f ms  (bridge overhead %.0f%%)"
          % (t_py * 1e3, 100 * (t_py - t_java) / t_java))


if __name__ == "__main__":
    main()
