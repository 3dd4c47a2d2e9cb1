# A daal4py SPMD script (only the import changed) on per-rank files: every rank prints its results.
#   mpirun --hostfile FILE -n 6 python hosts_script.py DIR      (DIR/x{rank}.csv, DIR/y{rank}.csv)
import socket
import sys

import numpy as np

import daal4j as d4p


def show(name, values):
    print("RESULT %d/%d %s %s" % (d4p.my_procid(), d4p.num_procs(), name,
                                  " ".join("%.17g" % v for v in np.ravel(values))), flush=True)


if __name__ == "__main__":
    d4p.daalinit()
    rank = d4p.my_procid()
    print("HOST %d %s" % (rank, socket.gethostname()), flush=True)
    X = np.loadtxt("%s/x%d.csv" % (sys.argv[1], rank), delimiter=",", ndmin=2)
    Y = np.loadtxt("%s/y%d.csv" % (sys.argv[1], rank), delimiter=",", ndmin=2)
    init = d4p.kmeans_init(10, method="plusPlusDense", seed=7, distributed=True).compute(X)
    km = d4p.kmeans(10, 25, distributed=True).compute(X, init.centroids)
    show("kmeans.centroids", km.centroids)
    m = d4p.low_order_moments(distributed=True).compute(X)
    show("moments.mean", m.mean)
    show("moments.variance", m.variance)
    show("covariance.covariance", d4p.covariance(distributed=True).compute(X).covariance)
    lr = d4p.linear_regression_training(distributed=True).compute(X, Y)
    show("linearRegression.Beta", lr.model.Beta)
    show("qr.matrixR", d4p.qr(distributed=True).compute(X).matrixR)
    d4p.daalfini()
