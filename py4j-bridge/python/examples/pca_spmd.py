# daal4py's pca SPMD example, run with daal4j: only the import differs.
#   mpirun -n 4 python pca_spmd.py
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
    infile = "distributed/pca_normalized_" + str(d4p.my_procid() + 1) + ".csv"
    algo = d4p.pca(method="svdDense", distributed=True)
    data = load(infile, 10)
    result = algo.compute(data)

    # eigenvalues and eigenvectors on every rank: those of the correlation matrix of all rows
    assert result.eigenvectors.shape == (10, 10) and result.eigenvalues.shape == (1, 10)
    allrows = np.vstack([load("distributed/pca_normalized_%d.csv" % (r + 1), 10) for r in range(d4p.num_procs())])
    w, v = np.linalg.eigh(np.corrcoef(allrows, rowvar=False))
    w, v = w[::-1], v[:, ::-1]
    # with svdDense, daal4py's eigenvalues are the singular values of the z-scored data
    assert np.allclose(result.eigenvalues[0], np.sqrt(w * (allrows.shape[0] - 1)))
    signs = np.sign((result.eigenvectors * v.T).sum(axis=1))
    assert np.allclose(result.eigenvectors * signs[:, None], v.T, atol=1e-7)

    # transform on one rank with the first two components
    if d4p.my_procid() == 0:
        tresult = d4p.pca_transform(nComponents=2).compute(data, result.eigenvectors)
        assert tresult.transformedData.shape == (data.shape[0], 2)
        assert np.allclose(tresult.transformedData, data @ result.eigenvectors[:2].T)
        print("pca on", d4p.num_procs(), "ranks, eigenvalues:", result.eigenvalues[0])
    print("rank %d OK" % d4p.my_procid(), flush=True)
    d4p.daalfini()
