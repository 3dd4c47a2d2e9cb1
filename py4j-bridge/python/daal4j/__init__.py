"""daal4j: daal4py's names over daal4j's Java analytics (a JVM started through Py4J).

Change ``import daal4py as d4p`` to ``import daal4j as d4p``; under ``mpirun -n N python
script.py`` each Python rank starts its own JVM, which becomes that MPI rank.
"""
from ._core import Algorithm, Model, Result, factory as _factory
from ._files import FileInput, csv_file, rows_of
from ._gateway import call as _call, session as _session

__version__ = "0.1.0"

__all__ = ["daalinit", "daalfini", "num_procs", "my_procid", "Algorithm", "Model", "Result",
           "rows_of", "csv_file", "FileInput"]


def daalinit(nthreads=None):
    """Starts the engine: this process's MPI rank under mpirun, else one rank (nthreads is ignored)."""
    _call(_session().bridge.facade, "daalinit")


def daalfini():
    """Stops the engine started by daalinit (MPI_Finalize under mpirun)."""
    _call(_session().bridge.facade, "daalfini")


def num_procs():
    """Number of ranks."""
    return _call(_session().bridge.facade, "numProcs")


def my_procid():
    """This rank, 0-based."""
    return _call(_session().bridge.facade, "myProcid")


_ALGORITHMS = [
    "kmeans_init", "kmeans", "pca", "pca_transform", "svd", "qr",
    "linear_regression_training", "linear_regression_prediction",
    "ridge_regression_training", "ridge_regression_prediction",
    "multinomial_naive_bayes_training", "multinomial_naive_bayes_prediction",
    "covariance", "low_order_moments",
    "normalization_zscore",  # pca(normalization=...) as in daal4py
]


def _camel(name):
    head, *rest = name.split("_")
    return head + "".join(w.capitalize() for w in rest)


for _name in _ALGORITHMS:
    globals()[_name] = _factory(_name, _camel(_name))
    __all__.append(_name)
del _name
