# daal4py's kmeans SPMD example, run with daal4j: only the import differs.
#   mpirun -n 4 python kmeans_spmd.py
import os

import numpy as np

import daal4j as d4p

DATA = os.environ.get("DAAL4J_DATA", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..",
                                                  "data", "daal4py-examples"))


def load(name, ncols):
    return np.loadtxt(os.path.join(DATA, name), delimiter=",", usecols=range(ncols), ndmin=2)


if __name__ == "__main__":
    d4p.daalinit()
    nClusters = 10
    maxIter = 25

    initrain_algo = d4p.kmeans_init(nClusters, distributed=True, method="plusPlusDense")
    # Load the data, then take this rank's slice
    full = load("distributed/kmeans_dense.csv", 20)
    rpp = int(full.shape[0] / d4p.num_procs())
    data = full[rpp * d4p.my_procid():rpp * d4p.my_procid() + rpp, :]

    # compute initial centroids
    initrain_result = initrain_algo.compute(data)
    # The results provides the initial centroids
    assert initrain_result.centroids.shape[0] == nClusters

    # configure kmeans main object and compute the clusters/centroids
    algo = d4p.kmeans(nClusters, maxIter, distributed=True)
    result = algo.compute(data, initrain_result.centroids)
    assert result.centroids.shape == (nClusters, 20)
    assert result.nIterations.shape == (1, 1) and result.nIterations[0, 0] <= maxIter
    assert result.objectiveFunction.shape == (1, 1)

    # the assignments of the local rows: kmeans with 0 iterations, not distributed
    assignments = d4p.kmeans(nClusters, 0, assignFlag=True).compute(data, result.centroids).assignments
    assert assignments.shape == (data.shape[0], 1) and assignments.dtype == np.int32

    # the same clustering as Lloyd's algorithm in NumPy on all rows of all ranks
    used = full[:rpp * d4p.num_procs()]
    c = initrain_result.centroids
    for _ in range(int(result.nIterations[0, 0])):
        labels = ((used[:, None, :] - c[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
        c = np.array([used[labels == k].mean(axis=0) if np.any(labels == k) else c[k] for k in range(nClusters)])
    assert np.allclose(result.centroids, c)
    mine = ((data[:, None, :] - c[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
    assert (assignments[:, 0] == mine).all()

    if d4p.my_procid() == 0:
        print("kmeans on", d4p.num_procs(), "ranks:", int(result.nIterations[0, 0]), "iterations, objective",
              float(result.objectiveFunction[0, 0]))
    print("rank %d OK" % d4p.my_procid(), flush=True)
    d4p.daalfini()
