"""Bridge throughput: a 100 MB float64 array numpy -> Java Matrix and back, and the bridge's
share of each workload on that array (the same compute on a Matrix already in the JVM, against
the call from numpy with its result back as numpy).  Run: python3 py4j-bridge/python/benchmarks/bench_transfer.py [MB] [repeats]"""
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

    # workloads: Java-only (the Matrix already in the JVM, one Py4J call) against the same call
    # from numpy with every result field back as numpy (the bridge's whole cost); both warmed
    # up, then alternated, medians (the machine is shared: the minimum is shown too)
    J = s.jvm.daal4j.Daal4j
    print("%-30s %19s %19s %9s" % ("workload", "Java-only med/min", "from numpy med/min", "overhead"))
    for name, java_call, py_call in workloads(J, d4p, x, jm):
        for _ in range(2):
            java_call(), py_call()
        t_java, t_py = [], []
        for _ in range(repeats):
            t_java.append(best(java_call, 1)[0])
            t_py.append(best(py_call, 1)[0])
        mj, mp = np.median(t_java), np.median(t_py)
        print("%-30s %9.1f %6.1f ms %9.1f %6.1f ms %8.0f%%" % (name, mj * 1e3, min(t_java) * 1e3, mp * 1e3,
                                                            min(t_py) * 1e3, 100 * (mp - mj) / mj))


def workloads(J, d4p, x, jm):
    init = x[:10]
    jinit = _core.to_java(init)
    # single-pass training inputs of the same size: 2 responses; Poisson-like counts in 5 classes
    y = x[:, :2] @ [[0.5, -1.0], [2.0, 0.25]] + 0.1
    labels = (np.abs(x[:, :1]) * 3).astype(np.int64) % 5
    counts = np.abs(np.rint(x * 3))
    jy, jcounts, jlabels = _core.to_java(y), _core.to_java(counts), _core.to_java(labels)
    return [
        ("lowOrderMoments", lambda: J.lowOrderMoments().compute(jm), lambda: d4p.low_order_moments().compute(x)),
        ("covariance", lambda: J.covariance().compute(jm), lambda: d4p.covariance().compute(x)),
        ("linearRegressionTraining", lambda: J.linearRegressionTraining().compute(jm, jy),
         lambda: d4p.linear_regression_training().compute(x, y)),
        ("ridgeRegressionTraining", lambda: J.ridgeRegressionTraining().compute(jm, jy),
         lambda: d4p.ridge_regression_training().compute(x, y)),
        ("multinomialNaiveBayesTraining", lambda: J.multinomialNaiveBayesTraining(5).compute(jcounts, jlabels),
         lambda: d4p.multinomial_naive_bayes_training(5).compute(counts, labels)),
        ("qr (Q back to numpy)", lambda: J.qr().compute(jm), lambda: d4p.qr().compute(x)),
        ("svd (U back to numpy)", lambda: J.svd().compute(jm), lambda: d4p.svd().compute(x)),
        ("pca svdDense", lambda: J.pca().method("svdDense").compute(jm),
         lambda: d4p.pca(method="svdDense").compute(x)),
        ("kmeans 10 clusters, 5 iter.", lambda: J.kmeans(10, 5).compute(jm, jinit),
         lambda: d4p.kmeans(10, 5).compute(x, init)),
    ]


if __name__ == "__main__":
    main()
