# daal4py's svd SPMD example, run with daal4j: only the import differs.
#   mpirun -n 4 python svd_spmd.py
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
    infile = "distributed/svd_" + str(d4p.my_procid() + 1) + ".csv"
    algo = d4p.svd(distributed=True)
    data = load(infile, 18)
    result = algo.compute(data)

    # singular values and V on every rank, U for this rank's rows: U S V' gives back the local data
    assert result.singularValues.shape == (1, 18) and result.rightSingularMatrix.shape == (18, 18)
    assert result.leftSingularMatrix.shape == data.shape
    u, s, vt = result.leftSingularMatrix, result.singularValues[0], result.rightSingularMatrix
    assert np.allclose((u * s) @ vt, data)
    allrows = np.vstack([load("distributed/svd_%d.csv" % (r + 1), 18) for r in range(d4p.num_procs())])
    assert np.allclose(s, np.linalg.svd(allrows, compute_uv=False))

    if d4p.my_procid() == 0:
        print("singular values on", d4p.num_procs(), "ranks:", s)
    print("rank %d OK" % d4p.my_procid(), flush=True)
    d4p.daalfini()
