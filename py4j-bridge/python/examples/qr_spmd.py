# daal4py's qr SPMD example, run with daal4j: only the import differs.
#   mpirun -n 4 python qr_spmd.py
import os

import numpy as np

import daal4j as d4p

DATA = os.environ.get("DAAL4J_DATA", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..",
                                                  "data", "daal4py-examples"))


def load(name, ncols):
    return np.loadtxt(os.path.join(DATA, name), delimiter=",", usecols=range(ncols), ndmin=2)


if __name__ == "__main__":
    d4p.daalinit()

    # Each process gets its own data
    infile = "distributed/qr_" + str(d4p.my_procid() + 1) + ".csv"
    algo = d4p.qr(distributed=True)
    data = load(infile, 18)
    result = algo.compute(data)

    # R is the same on every rank, Q holds this rank's rows: Q R gives back the local data
    assert result.matrixR.shape == (18, 18)
    assert result.matrixQ.shape == data.shape
    assert np.allclose(result.matrixQ @ result.matrixR, data)
    # R'R is the Gram matrix of all ranks' rows (R is unique up to the signs of its rows)
    allrows = np.vstack([load("distributed/qr_%d.csv" % (r + 1), 18) for r in range(d4p.num_procs())])
    assert np.allclose(result.matrixR.T @ result.matrixR, allrows.T @ allrows)
    assert np.allclose(np.abs(result.matrixR), np.abs(np.linalg.qr(allrows, mode="r")))

    if d4p.my_procid() == 0:
        print(result)
    print("rank %d OK" % d4p.my_procid(), flush=True)
    d4p.daalfini()
