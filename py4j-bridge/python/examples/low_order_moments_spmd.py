# daal4py's low_order_moments SPMD example, run with daal4j: only the import differs.
#   mpirun -n 4 python low_order_moments_spmd.py
import os

import numpy as np

import daal4j as d4p

DATA = os.environ.get("DAAL4J_DATA", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..",
                                                  "data", "daal4py-examples"))

if __name__ == "__main__":
    # Initialize SPMD mode
    d4p.daalinit()

    # Each process gets its own rows: its chunk of the file
    full = np.loadtxt(os.path.join(DATA, "batch", "covcormoments_dense.csv"), delimiter=",")
    data = np.array_split(full, d4p.num_procs())[d4p.my_procid()]

    # configure a low order moments object for distributed computation and compute
    algo = d4p.low_order_moments(distributed=True)
    result = algo.compute(data)

    # every rank holds the moments of all rows
    names = ["minimum", "maximum", "sum", "sumSquares", "sumSquaresCentered", "mean",
             "secondOrderRawMoment", "variance", "standardDeviation", "variation"]
    assert all(getattr(result, n).shape == (1, full.shape[1]) for n in names)
    assert np.allclose(result.mean, full.mean(axis=0))
    assert np.allclose(result.variance, full.var(axis=0, ddof=1))
    assert np.allclose(result.minimum, full.min(axis=0)) and np.allclose(result.maximum, full.max(axis=0))

    if d4p.my_procid() == 0:
        print("low_order_moments on", d4p.num_procs(), "ranks:")
        print(result)
    print("rank %d OK" % d4p.my_procid(), flush=True)

    d4p.daalfini()
