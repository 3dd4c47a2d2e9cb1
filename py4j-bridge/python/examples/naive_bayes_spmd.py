# daal4py's multinomial naive Bayes SPMD example, run with daal4j: only the import differs.
#   mpirun -n 4 python naive_bayes_spmd.py
import os

import numpy as np

import daal4j as d4p

DATA = os.environ.get("DAAL4J_DATA", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..",
                                                  "data", "daal4py-examples"))


def load(name, ncols):
    return np.loadtxt(os.path.join(DATA, name), delimiter=",", usecols=range(ncols), ndmin=2)


if __name__ == "__main__":
    d4p.daalinit()

    # Each process gets its own rows: its chunk of the training file
    full = load("distributed/naivebayes_train_dense.csv", 21)
    mine = np.array_split(full, d4p.num_procs())[d4p.my_procid()]
    data = mine[:, :20]
    labels = mine[:, 20:21]  # must be a 2d array

    # Configure a training object (20 classes)
    talgo = d4p.multinomial_naive_bayes_training(20, distributed=True)
    tresult = talgo.compute(data, labels)

    # every rank can predict with the model of all rows
    palgo = d4p.multinomial_naive_bayes_prediction(20)
    test = load("distributed/naivebayes_test_dense.csv", 21)
    presult = palgo.compute(test[:, :20], tresult.model)
    assert presult.prediction.shape == (test.shape[0], 1)

    # the same predictions as NumPy's multinomial naive Bayes (Laplace smoothing 1) on all rows
    counts = np.array([full[full[:, 20] == c, :20].sum(axis=0) for c in range(20)]) + 1.0
    log_theta = np.log(counts / counts.sum(axis=1, keepdims=True))
    log_prior = np.log(np.bincount(full[:, 20].astype(int), minlength=20) / full.shape[0])
    expected = (test[:, :20] @ log_theta.T + log_prior).argmax(axis=1)
    assert (presult.prediction[:, 0] == expected).all()

    if d4p.my_procid() == 0:
        print("naive Bayes on", d4p.num_procs(), "ranks: accuracy",
              (presult.prediction[:, 0] == test[:, 20]).mean())
    print("rank %d OK" % d4p.my_procid(), flush=True)
    d4p.daalfini()
