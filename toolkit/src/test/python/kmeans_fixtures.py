"""Writes the reference results daal4j's k-means tests compare against.

Run from the repository root:  python3 toolkit/src/test/python/kmeans_fixtures.py
Needs numpy, scikit-learn 1.5 and daal4py 2024.7.0. Output: toolkit/src/test/resources/fixtures/kmeans*/
(one CSV per array, full precision; a scalar is a 1x1 CSV).
"""
import os

import daal4py as d4p
import numpy as np
from sklearn.cluster import KMeans, kmeans_plusplus
from sklearn.datasets import make_blobs

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", ".."))
OUT = os.path.join(ROOT, "toolkit", "src", "test", "resources", "fixtures")
DATA = os.path.join(ROOT, "data", "daal4py-examples")


def save(folder, name, a):
    d = os.path.join(OUT, folder)
    os.makedirs(d, exist_ok=True)
    a = np.atleast_2d(np.asarray(a, dtype=np.float64))
    np.savetxt(os.path.join(d, name + ".csv"), a, delimiter=",", fmt="%.17g")


def sklearn_lloyd(folder, X, C0, iters):
    km = KMeans(n_clusters=len(C0), init=C0, n_init=1, max_iter=iters, tol=0.0, algorithm="lloyd").fit(X)
    save(folder, "sklearn_centroids", km.cluster_centers_)
    save(folder, "sklearn_labels", km.labels_.reshape(-1, 1))
    save(folder, "sklearn_inertia", km.inertia_)


def lloyd_shifts(X, C, iters):
    """Sum of squared centroid shifts of each Lloyd iteration (no empty clusters in these data)."""
    shifts = []
    for _ in range(iters):
        d = ((X[:, None, :] - C[None, :, :]) ** 2).sum(-1)
        a = d.argmin(1)
        N = np.array([X[a == j].mean(0) for j in range(len(C))])
        shifts.append(((N - C) ** 2).sum())
        C = N
    return np.array(shifts)


def main():
    # 1. blobs: sklearn Lloyd from k-means++ centroids
    X, _ = make_blobs(n_samples=600, n_features=5, centers=4, cluster_std=2.5, random_state=0)
    C0, _ = kmeans_plusplus(X, 4, random_state=1)
    save("kmeans_blobs", "data", X)
    save("kmeans_blobs", "init", C0)
    sklearn_lloyd("kmeans_blobs", X, C0, 50)
    r = d4p.kmeans(4, 50).compute(X, C0)
    save("kmeans_blobs", "daal4py_centroids", r.centroids)
    save("kmeans_blobs", "daal4py_assignments", r.assignments)
    save("kmeans_blobs", "daal4py_objective", r.objectiveFunction)
    save("kmeans_blobs", "daal4py_iterations", r.nIterations)

    # 2. daal4py's example data: defaultDense init, 10 clusters, 25 iterations
    X = np.loadtxt(os.path.join(DATA, "batch", "kmeans_dense.csv"), delimiter=",")
    init = d4p.kmeans_init(10, method="defaultDense").compute(X)
    r = d4p.kmeans(10, 25).compute(X, init.centroids)
    f = "kmeans_dense"
    save(f, "daal4py_init", init.centroids)
    save(f, "daal4py_centroids", r.centroids)
    save(f, "daal4py_assignments", r.assignments)
    save(f, "daal4py_objective", r.objectiveFunction)
    save(f, "daal4py_iterations", r.nIterations)
    for it in (1, 2, 3):
        ri = d4p.kmeans(10, it).compute(X, init.centroids)
        save(f, "daal4py_centroids_%d" % it, ri.centroids)
        save(f, "daal4py_objective_%d" % it, ri.objectiveFunction)
    sklearn_lloyd(f, X, init.centroids, 25)
    save(f, "shifts", lloyd_shifts(X, init.centroids.copy(), 8).reshape(-1, 1))

    # 3. empty clusters: daal4py gives them the farthest rows
    X = np.array([[0.0, 0], [1, 0], [0, 1], [10, 10], [11, 10], [10, 11], [5, 30]])
    C0 = np.array([[0.0, 0], [10, 10], [100, 100], [200, 200]])
    save("kmeans_empty", "data", X)
    save("kmeans_empty", "init", C0)
    for it in (1, 2):
        r = d4p.kmeans(4, it).compute(X, C0)
        save("kmeans_empty", "daal4py_centroids_%d" % it, r.centroids)
        save("kmeans_empty", "daal4py_assignments_%d" % it, r.assignments)
        save("kmeans_empty", "daal4py_objective_%d" % it, r.objectiveFunction)

    # 4. random initializations: daal4py's objective (potential of the initial centroids) over 20 seeds
    X = np.loadtxt(os.path.join(DATA, "batch", "kmeans_dense.csv"), delimiter=",")
    for method in ("randomDense", "plusPlusDense", "parallelPlusDense"):
        pots = []
        for seed in range(20):
            c = d4p.kmeans_init(10, method=method, engine=d4p.engines_mt19937(seed=seed)).compute(X).centroids
            pots.append(((X[:, None, :] - c[None, :, :]) ** 2).sum(-1).min(1).sum())
        save("kmeans_init_spread", method, np.array(pots).reshape(-1, 1))


if __name__ == "__main__":
    main()
