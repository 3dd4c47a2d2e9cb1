"""daal4j's native kernels in this Python process: the toolkit's own library (built into its jar,
libdaal4j_kernels.so) loaded with ctypes, so that a summary the JVM would compute after copying
numpy's memory in (process_vm_readv copies at ~8 GB/s, slower than one pass of the summary) is
computed here, on numpy's memory, by the same C code; the JVM then only merges and finishes it.
DAAL4J_LOCAL_SUMMARIES=0 sends the rows to the JVM instead.
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

_HERE = os.path.dirname(os.path.abspath(__file__))
# Java's os.arch for Python's machine names, as the build names the library's folder
_ARCH = {"x86_64": "amd64", "AMD64": "amd64", "aarch64": "aarch64", "arm64": "aarch64"}
_lock = threading.Lock()
_library = None
_problem = None


def enabled():
    """Whether summaries may be computed in this process (DAAL4J_LOCAL_SUMMARIES is not 0)."""
    return os.environ.get("DAAL4J_LOCAL_SUMMARIES", "1") != "0"


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
    return lib


def moments_summary(x, block_rows):
    """The moments summary (MomentsPartial's encoded form, 2 + 7 p values) of the rows of x, a
    C-ordered float64 2-d array, computed here by the toolkit's C code; None without the library."""
    lib = library()
    if lib is None:
        return None
    rows, p = x.shape
    out = np.zeros(2 + 7 * p)  # the summary of no rows so far: the call merges x's rows into it
    # ctypes releases the GIL for the call: other Python threads run meanwhile
    if lib.daal4j_moments_summary(x.ctypes.data, rows, p, block_rows, out.ctypes.data) != 0:
        raise MemoryError("daal4j: no memory for a moments summary of %d columns" % p)
    return out
