"""daal4j's native kernels in this Python process: the toolkit's own library (built into its jar,
libdaal4j_kernels.so) loaded with ctypes, so that what the JVM would compute after copying numpy's
memory in (process_vm_readv copies at ~8 GB/s, about as long as the computation's own pass) is
computed here, on numpy's memory, by the same C code: the summaries of moments, covariance, PCA's
correlation method, the regressions' normal equations and naive Bayes' class sums (the JVM then
merges and finishes them), and linear and naive Bayes predictions. DAAL4J_PYTHON_KERNELS=0 sends
the rows to the JVM instead.
"""
import ctypes
import glob
import hashlib
import os
import platform
import tempfile
import threading
import zipfile

import numpy as np

from ._gateway import under_mpirun

_HERE = os.path.dirname(os.path.abspath(__file__))
# Java's os.arch for Python's machine names, as the build names the library's folder
_ARCH = {"x86_64": "amd64", "AMD64": "amd64", "aarch64": "aarch64", "arm64": "aarch64"}
_lock = threading.Lock()
_library = None
_problem = None


def enabled():
    """Whether the kernels may run in this process (DAAL4J_PYTHON_KERNELS is not 0)."""
    return os.environ.get("DAAL4J_PYTHON_KERNELS", "1") != "0"


def library():
    """The loaded library, or None (problem() says why): extracted once from the toolkit's jar."""
    global _library, _problem
    with _lock:
        if _library is None and _problem is None:
            try:
                _library = _load()
            except (OSError, KeyError, ValueError, zipfile.BadZipFile) as e:
                _problem = str(e)
        return _library


def problem():
    """Why library() is None, else None."""
    library()
    return _problem


def _load():
    jars = glob.glob(os.path.join(_HERE, "jars", "daal4j-toolkit-*.jar"))
    if not jars or platform.system() != "Linux":
        raise OSError("no toolkit jar in %s, or not Linux" % os.path.join(_HERE, "jars"))
    member = "daal4j/linalg/native/linux-%s/libdaal4j_kernels.so" % _ARCH.get(platform.machine(), platform.machine())
    with zipfile.ZipFile(jars[0]) as jar:
        data = jar.read(member)  # KeyError: built without a C compiler
    # one file per library content: processes of another build never load this one
    path = os.path.join(tempfile.gettempdir(), "daal4j-kernels-%s.so" % hashlib.sha256(data).hexdigest()[:16])
    if not os.path.exists(path):
        fd, part = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".so")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(part, path)  # atomic: concurrent ranks each write their own part
    lib = ctypes.CDLL(path)
    f = lib.daal4j_moments_summary
    f.argtypes = [ctypes.c_void_p, ctypes.c_long, ctypes.c_int, ctypes.c_int, ctypes.c_void_p]
    f.restype = ctypes.c_int
    f = lib.daal4j_cross_products_summary
    f.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_long, ctypes.c_long, ctypes.c_void_p]
    f.restype = ctypes.c_int
    f = lib.daal4j_class_sums
    f.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_long, ctypes.c_long, ctypes.c_int, ctypes.c_int,
                  ctypes.c_int, ctypes.c_void_p]
    f.restype = ctypes.c_int
    f = lib.daal4j_naive_bayes_labels
    f.argtypes = [ctypes.c_void_p, ctypes.c_long, ctypes.c_long, ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p,
                  ctypes.c_int, ctypes.c_int, ctypes.c_void_p]
    f.restype = ctypes.c_int
    f = lib.daal4j_linear_predict
    f.argtypes = [ctypes.c_void_p, ctypes.c_long, ctypes.c_long, ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p,
                  ctypes.c_int, ctypes.c_int, ctypes.c_void_p]
    f.restype = ctypes.c_int
    return lib


def _one_blas_thread_per_rank():
    if under_mpirun():
        # ranks share the machine: one BLAS thread each, as for the JVM (read when BLAS loads)
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def moments_summary(arrays, block_rows):
    """The moments summary (MomentsPartial's encoded form, 2 + 7 p values) of the rows of
    arrays[0], a C-ordered float64 2-d array, computed here by the toolkit's C code; None
    without the library."""
    lib = library()
    if lib is None:
        return None
    x = arrays[0]
    rows, p = x.shape
    out = np.zeros(2 + 7 * p)  # the summary of no rows so far: the call merges x's rows into it
    # ctypes releases the GIL for the call: other Python threads run meanwhile
    if lib.daal4j_moments_summary(x.ctypes.data, rows, p, block_rows, out.ctypes.data) != 0:
        raise MemoryError("daal4j: no memory for a moments summary of %d columns" % p)
    return out


def cross_products_summary(arrays, block_rows):
    """The cross-products summary (CrossProducts' encoded form: p, n, shift, offset, the upper
    triangle packed column by column) of the rows of the arrays side by side (C-ordered float64
    2-d arrays with the same rows, at most 4), computed here by the toolkit's C code through
    the system BLAS the JVM uses; None without the library or that BLAS, or at a value that is
    not finite (the JVM's path then names it)."""
    lib = library()
    if lib is None or len(arrays) > 4:
        return None
    _one_blas_thread_per_rank()
    rows = arrays[0].shape[0]
    p = sum(a.shape[1] for a in arrays)
    state = np.zeros(3 + 2 * p + p * p)
    state[0], state[1] = p, block_rows
    parts = (ctypes.c_void_p * len(arrays))(*[a.ctypes.data for a in arrays])
    cols = (ctypes.c_int * len(arrays))(*[a.shape[1] for a in arrays])
    status = lib.daal4j_cross_products_summary(len(arrays), parts, cols, 0, rows, state.ctypes.data)
    if status == -1:
        raise MemoryError("daal4j: no memory for a cross-products summary of %d columns" % p)
    if status != 0:
        return None
    # column j of the upper triangle is u[j * p : j * p + j + 1]: row j of u seen as row-major p x p
    u = state[3 + 2 * p:].reshape(p, p)
    return np.concatenate([[p, state[2]], state[3:3 + 2 * p], u[np.tril_indices(p)]])


def regression_summary(arrays, block_rows):
    """The normal equations' summary (RegressionSummary's encoded form: features, responses,
    then the cross-products summary of [X Y]) of data and dependentData, as
    cross_products_summary computes it; None where that is None."""
    body = cross_products_summary(arrays, block_rows)
    if body is None:
        return None
    return np.concatenate([[arrays[0].shape[1], arrays[1].shape[1]], body])


def linear_predict(x, beta, block_rows):
    """x b' + b0 for the rows of x (a C-ordered float64 2-d array) and a linear model's Beta
    (responses x (features + 1), intercepts first), as LinearModel.predict computes it, by the
    toolkit's C code through the system BLAS; None without them, or at a value that is not
    finite (the JVM's path then names it)."""
    lib = library()
    if lib is None:
        return None
    _one_blas_thread_per_rank()
    rows, p = x.shape
    q = beta.shape[0]
    slopes = np.ascontiguousarray(beta[:, 1:], dtype=np.float64)
    intercepts = np.ascontiguousarray(beta[:, 0], dtype=np.float64)
    y = np.zeros((rows, q))
    status = lib.daal4j_linear_predict(x.ctypes.data, 0, rows, p, slopes.ctypes.data, intercepts.ctypes.data, q,
                                       block_rows, y.ctypes.data)
    return y if status == 0 else None


# rows between the class sums' checks: the sums are the same whatever it is (rows are added in
# order), only how soon a bad row is found depends on it
_CLASS_SUM_BLOCK = 4096


def class_sums(arrays, n_classes):
    """Naive Bayes' class sums (ClassSums' encoded form: p, classes, n, then the row-major
    classes x p sums) of counts and labels (C-ordered float64, n x p and n x 1), as the JVM
    computes them; None without the library, or at a bad label or count (the JVM names it)."""
    lib = library()
    x, labels = arrays
    if lib is None or labels.shape[1] != 1:
        return None
    rows, p = x.shape
    sums = np.zeros(n_classes * p)
    if lib.daal4j_class_sums(x.ctypes.data, labels.ctypes.data, 0, rows, p, n_classes, _CLASS_SUM_BLOCK,
                             sums.ctypes.data) != 0:
        return None
    return np.concatenate([[p, n_classes, rows], sums])


def naive_bayes_labels(x, log_theta, log_prior, block_rows):
    """Naive Bayes' labels (n x 1) of the counts x (C-ordered float64) under a model's LogTheta
    (classes x p) and LogP, as the JVM computes them when only labels are asked for; None
    without the library or BLAS, or at a bad count (the JVM names it)."""
    lib = library()
    if lib is None:
        return None
    _one_blas_thread_per_rank()
    rows, p = x.shape
    log_theta = np.ascontiguousarray(log_theta, dtype=np.float64)
    log_prior = np.ascontiguousarray(log_prior, dtype=np.float64).reshape(-1)
    labels = np.zeros((rows, 1))
    status = lib.daal4j_naive_bayes_labels(x.ctypes.data, 0, rows, p, log_theta.ctypes.data, log_prior.ctypes.data,
                                           log_theta.shape[0], block_rows, labels.ctypes.data)
    if status == -1:
        raise MemoryError("daal4j: no memory for naive Bayes scores of %d classes" % log_theta.shape[0])
    return labels if status == 0 else None
