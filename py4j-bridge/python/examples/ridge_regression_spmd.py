# daal4py's ridge_regression SPMD example, run with daal4j: only the import differs.
#   mpirun -n 4 python ridge_regression_spmd.py
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
    infile = "distributed/linear_regression_train_" + str(d4p.my_procid() + 1) + ".csv"
    train_algo = d4p.ridge_regression_training(distributed=True)
    data = load(infile, 12)
    X = data[:, :10]
    y = data[:, 10:12]
    train_result = train_algo.compute(X, y)
    assert train_result.model.Beta.shape == (2, 11)

    # every rank holds the model of all ranks' rows: the same as one process on all of them
    allrows = np.vstack([load("distributed/linear_regression_train_%d.csv" % (r + 1), 12)
                         for r in range(d4p.num_procs())])
    batch = d4p.ridge_regression_training().compute(allrows[:, :10], allrows[:, 10:12])
    assert np.allclose(train_result.model.Beta, batch.model.Beta, rtol=1e-9, atol=1e-9)

    # Now let's do some prediction (it runs only on a single node)
    if d4p.my_procid() == 0:
        predict_algo = d4p.ridge_regression_prediction()
        pdata = load("distributed/linear_regression_test.csv", 12)
        predict_result = predict_algo.compute(pdata[:, :10], train_result.model)
        assert predict_result.prediction.shape == (pdata.shape[0], y.shape[1])
        beta = train_result.model.Beta
        assert np.allclose(predict_result.prediction, pdata[:, :10] @ beta[:, 1:].T + beta[:, 0])
        print("ridge_regression on", d4p.num_procs(), "ranks, Beta:")
        print(beta)
    print("rank %d OK" % d4p.my_procid(), flush=True)
    d4p.daalfini()
