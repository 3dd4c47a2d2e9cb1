"""Bridge throughput: a 100 MB float64 array numpy -> Java Matrix and back, and the bridge's
share of each workload on that array: the same compute on a Matrix already in the JVM
(Java-only), against the call from numpy with its result back as numpy, both by the plain path
(the whole input read into a Matrix, then the compute) and by the incoming path (the JVM
computes on each chunk of rows as it reads them, the default for the summarizing algorithms'
inputs of 8 MB or more). The JVM reads the arrays straight from this process's memory where it
can (the line "transfer:" says which), else through the shared file; DAAL4J_TRANSFER=shared
measures the shared file's ring where both work.
Run: python3 py4j-bridge/python/benchmarks/bench_transfer.py [MB] [repeats] [workload,prefixes]"""
import glob
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
    s.to_matrix(x[:10])  # start-up out of the timings

    t = time.perf_counter()
    s.to_matrix(x)
    t_first = time.perf_counter() - t
    t_in, jm = best(lambda: s.to_matrix(x), repeats)
    t_out, back = best(lambda: _core._value(jm), repeats)
    assert np.array_equal(back, x), "round trip changed the values"
    view = np.frombuffer(s._view(nbytes), dtype="<f8", count=x.size).reshape(x.shape)
    t_copy, _ = best(lambda: np.copyto(view, x), repeats)
    del view
    print("array: %d x %d float64 = %.1f MB" % (rows, cols, nbytes / 1e6))
    print("transfer: %s" % ("the JVM reads numpy's memory (process_vm_readv)" if s.direct()
                            else "through the shared file (%s)" % s.direct_problem))
    print("numpy -> Java : %7.1f ms  %6.2f GB/s (first call, the file grows: %.1f ms)"
          % (t_in * 1e3, nbytes / t_in / 1e9, t_first * 1e3))
    print("Java -> numpy : %7.1f ms  %6.2f GB/s" % (t_out * 1e3, nbytes / t_out / 1e9))
    print("numpy -> file : %7.1f ms  %6.2f GB/s (the Python copy alone)" % (t_copy * 1e3, nbytes / t_copy / 1e9))

    # workloads: Java-only (the Matrix already in the JVM, one Py4J call) against the same call
    # from numpy with every result field back as numpy (the bridge's whole cost), by the plain
    # path and the incoming one; warmed up, then alternated; medians. The machine is shared, so
    # CPU times too: the JVM main thread's (the compute: the critical path when a core is free
    # for the copies) and all the work (JVM and Python processes).
    J = s.jvm.daal4j.Daal4j
    clock = Clocks(s)
    print("%-30s %9s %18s %18s | %-26s| %-26s" % (
        "median ms", "Java-only", "plain (overhead)", "incoming (overhead)", "JVM main thread CPU: J/p/i",
        "all CPU (JVM+Python): J/p/i"))
    only = sys.argv[3].split(",") if len(sys.argv) > 3 else None
    for name, java_call, py_call in workloads(J, d4p, x, jm):
        if only and not name.startswith(tuple(only)):
            continue
        chunked = s.bridge.takesChunks(java_call())  # else the call from numpy takes the plain path
        on_main = lambda: s.bridge.call(java_call(), "compute", java_args(name, jm))  # noqa: E731
        plain = lambda: plain_path(py_call)  # noqa: E731
        runs = (("java", on_main), ("plain", plain)) + ((("inc", py_call),) if chunked else ())
        for _ in range(2):
            for _, fn in runs:
                fn()
        rows = {key: [] for key, _ in runs}
        for _ in range(repeats):
            for key, fn in runs:
                rows[key].append(clock.measure(fn))
        j, p = (np.median(np.array(rows[k]), axis=0) * 1e3 for k in ("java", "plain"))
        i = np.median(np.array(rows["inc"]), axis=0) * 1e3 if chunked else None
        inc = "%8.1f (%5.0f%%)" % (i[0], 100 * (i[0] - j[0]) / j[0]) if chunked else "%18s" % "(plain path)"
        print("%-30s %9.1f %8.1f (%5.0f%%) %s | %8.1f %8.1f %8s | %8.1f %8.1f %8s" % (
            name, j[0], p[0], 100 * (p[0] - j[0]) / j[0], inc, j[1], p[1], "%.1f" % i[1] if chunked else "-",
            j[2], p[2], "%.1f" % i[2] if chunked else "-"))


class Clocks:
    """Wall time, CPU time of the JVM's main thread, CPU time of the JVM and this process."""

    def __init__(self, s):
        self.mx = s.jvm.java.lang.management.ManagementFactory.getThreadMXBean()
        self.main = next(t.getId() for t in s.jvm.java.lang.Thread.getAllStackTraces().keySet()
                         if t.getName() == "main")
        self.pid = s.process.pid

    def _jvm_cpu(self):
        total = 0
        for f in glob.glob("/proc/%d/task/*/schedstat" % self.pid):
            try:
                with open(f) as fh:
                    total += int(fh.read().split()[0])
            except OSError:
                pass  # a thread that ended
        return total * 1e-9

    def measure(self, fn):
        w, m, a = time.perf_counter(), self.mx.getThreadCpuTime(self.main), self._jvm_cpu() + time.process_time()
        fn()
        return (time.perf_counter() - w, (self.mx.getThreadCpuTime(self.main) - m) * 1e-9,
                self._jvm_cpu() + time.process_time() - a)


def plain_path(fn):
    """fn() with every input copied in whole before the JVM computes."""
    saved, _core.INCOMING_BYTES = _core.INCOMING_BYTES, 1 << 62
    try:
        return fn()
    finally:
        _core.INCOMING_BYTES = saved


def workloads(J, d4p, x, jm):
    """(name, the Java algorithm object, the daal4py-style call from numpy)."""
    init = x[:10]
    # single-pass training inputs of the same size: 2 responses; Poisson-like counts in 5 classes
    y = x[:, :2] @ [[0.5, -1.0], [2.0, 0.25]] + 0.1
    labels = (np.abs(x[:, :1]) * 3).astype(np.int64) % 5
    counts = np.abs(np.rint(x * 3))
    JAVA_ARGS.update(jinit=_core.to_java(init), jy=_core.to_java(y), jcounts=_core.to_java(counts),
                     jlabels=_core.to_java(labels))
    return [
        ("lowOrderMoments", J.lowOrderMoments, lambda: d4p.low_order_moments().compute(x)),
        ("covariance", J.covariance, lambda: d4p.covariance().compute(x)),
        ("linearRegressionTraining", J.linearRegressionTraining,
         lambda: d4p.linear_regression_training().compute(x, y)),
        ("ridgeRegressionTraining", J.ridgeRegressionTraining,
         lambda: d4p.ridge_regression_training().compute(x, y)),
        ("multinomialNaiveBayesTraining", lambda: J.multinomialNaiveBayesTraining(5),
         lambda: d4p.multinomial_naive_bayes_training(5).compute(counts, labels)),
        ("qr (Q back to numpy)", J.qr, lambda: d4p.qr().compute(x)),
        ("svd (U back to numpy)", J.svd, lambda: d4p.svd().compute(x)),
        ("pca svdDense", lambda: J.pca().method("svdDense"), lambda: d4p.pca(method="svdDense").compute(x)),
        ("kmeans 10 clusters, 5 iter.", lambda: J.kmeans(10, 5), lambda: d4p.kmeans(10, 5).compute(x, init)),
    ]


JAVA_ARGS = {}


def java_args(name, jm):
    """The compute arguments of the Java-only call: matrices already in the JVM."""
    if name.startswith(("linear", "ridge")):
        return [jm, JAVA_ARGS["jy"]]
    if name.startswith("multinomial"):
        return [JAVA_ARGS["jcounts"], JAVA_ARGS["jlabels"]]
    if name.startswith("kmeans"):
        return [jm, JAVA_ARGS["jinit"]]
    return [jm]


if __name__ == "__main__":
    main()
