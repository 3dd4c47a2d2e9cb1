#!/usr/bin/env python3
"""Makes the daal4py 2024.7.0 goldens of k-means on CSR data (kmeans_init deterministicCSR, kmeans lloydCSR).

Usage (from anywhere):
    python3 toolkit/src/test/resources/golden/make_kmeans_csr_goldens.py

Input: data/daal4py-examples/distributed/kmeans_csr.csv, daal4py's own CSR example file: three
lines (row offsets, column indices, values), offsets and indices 1-based. The table is built as
daal4py's examples build it: scipy.sparse.csr_matrix((values, indices - 1, offsets - 1)).
Parameters follow oneDAL's kmeans_csr example: 20 clusters, 5 iterations.
daal4py 2024.7.0 names the first-rows CSR init "deterministicCSR" (it has no "defaultCSR"; daal4j takes both).

Outputs: toolkit/src/test/resources/golden/<name>/<field>.csv, no header, each value as
Python's repr of a float64 (the shortest text that reads back to the same double), as
toolkit/src/test/golden/make_goldens.py writes the other goldens; <name>/params.txt states the call.
"""

import shutil
import sys
from importlib.metadata import version
from pathlib import Path

import numpy as np
import scipy.sparse as sp

import daal4py as d4p

assert version("daal4py") == "2024.7.0", "goldens must be made with daal4py 2024.7.0, found " + version("daal4py")

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[4]
SOURCE = "distributed/kmeans_csr.csv"
K = 20
ITERATIONS = 5


def read_csr(path):
    """daal4py's CSR example layout: offsets, indices (1-based), values; lines end with a comma."""
    lines = [ln.strip() for ln in open(path) if ln.strip()]
    assert len(lines) == 3, path
    nums = [np.array([float(t) for t in ln.rstrip(",").split(",")]) for ln in lines]
    offsets = nums[0].astype(np.int64) - 1
    indices = nums[1].astype(np.int64) - 1
    return sp.csr_matrix((nums[2], indices, offsets))


def fmt(v):
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    return repr(float(v))


def write_csv(path, value):
    a = np.atleast_2d(np.asarray(value))
    if a.dtype.kind in "iub":
        a = a.astype(np.int64)
    with open(path, "w") as f:
        for row in a:
            f.write(",".join(fmt(x) for x in row) + "\n")


def golden(name, params, fields):
    d = HERE / name
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    lines = ["daal4py 2024.7.0 golden, made by toolkit/src/test/resources/golden/make_kmeans_csr_goldens.py", "",
             params.strip(), "", "fields (file: rows x columns):"]
    for field, value in fields.items():
        write_csv(d / (field + ".csv"), value)
        shape = np.atleast_2d(np.asarray(value)).shape
        lines.append("  %s.csv: %dx%d" % (field, shape[0], shape[1]))
    (d / "params.txt").write_text("\n".join(lines) + "\n")
    print("wrote", name, file=sys.stderr)


def main():
    x = read_csr(REPO / "data" / "daal4py-examples" / SOURCE)
    data = "X = scipy.sparse.csr_matrix((values, indices - 1, offsets - 1)) of %s (%d x %d, %d non-zeros)" % (
        SOURCE, x.shape[0], x.shape[1], x.nnz)
    init = d4p.kmeans_init(K, method="deterministicCSR").compute(x).centroids
    golden("kmeans_init_deterministicCSR",
           "init = d4p.kmeans_init(%d, method='deterministicCSR').compute(X).centroids\n%s" % (K, data),
           {"centroids": init})
    res = d4p.kmeans(K, ITERATIONS, method="lloydCSR", assignFlag=True).compute(x, init)
    # the dense method on the densified table: the same centroids and assignments, but another
    # objective: lloydCSR's objectiveFunction sums (x_j - c_j)^2 over each row's non-zeros only
    # (the zeros' c_j^2 left out); the dense one is the sum of squared distances
    dense = d4p.kmeans(K, ITERATIONS, assignFlag=True).compute(x.toarray(), init)
    assert np.array_equal(dense.centroids, res.centroids)
    assert np.array_equal(dense.assignments, res.assignments)
    golden("kmeans_lloydCSR",
           "init = d4p.kmeans_init(%d, method='deterministicCSR').compute(X).centroids\n"
           "res = d4p.kmeans(%d, %d, method='lloydCSR', assignFlag=True).compute(X, init)\n"
           "(accuracyThreshold left at daal4py's default 0)\n"
           "denseObjectiveFunction = d4p.kmeans(%d, %d, assignFlag=True).compute(X.toarray(), init).objectiveFunction\n"
           "(its centroids and assignments equal lloydCSR's exactly; lloydCSR's objectiveFunction sums\n"
           " (x_j - c_j)^2 over each row's non-zeros only, the dense one is the sum of squared distances)\n%s"
           % (K, K, ITERATIONS, K, ITERATIONS, data),
           {"centroids": res.centroids, "assignments": res.assignments,
            "objectiveFunction": res.objectiveFunction, "nIterations": res.nIterations,
            "denseObjectiveFunction": dense.objectiveFunction})

if __name__ == "__main__":
    main()
