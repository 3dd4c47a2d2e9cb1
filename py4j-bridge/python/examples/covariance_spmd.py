# daal4py's covariance SPMD example, run with daal4j: only the import differs.
#   mpirun -n 4 python covariance_spmd.py
import os

import numpy as np

import daal4j as d4p

DATA = os.environ.get("DAAL4J_DATA", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..",
                                                  "data", "daal4py-examples"))


def load(name, ncols):
    return np.loadtxt(os.path.join(DATA, name), delimiter=",", usecols=range(ncols), ndmin=2)


if __name__ == "__main__":
    d4p.daalinit()

    # Each process gets its own rows: its chunk of the file
    full = load("batch/covcormoments_dense.csv", 10)
    data = np.array_split(full, d4p.num_procs())[d4p.my_procid()]

    algo = d4p.covariance(distributed=True)
    result = algo.compute(data)

    # every rank holds the covariance, correlation and mean of all rows
    assert result.covariance.shape == (10, 10) and result.mean.shape == (1, 10)
    assert np.allclose(result.covariance, np.cov(full, rowvar=False))
    corr = d4p.covariance(distributed=True, outputMatrixType="correlationMatrix").compute(data)
    assert np.allclose(corr.correlation, np.corrcoef(full, rowvar=False))
    assert np.allclose(result.mean, full.mean(axis=0))

    if d4p.my_procid() == 0:
        print(result)
    print("rank %d OK" % d4p.my_procid(), flush=True)
    d4p.daalfini()
