"""Python faces of daal4j's Java objects: algorithms, results and models, named as daal4py."""
import base64
import numbers
import os

import numpy as np

from py4j.java_gateway import JavaObject

from . import _gateway, _kernels
from ._gateway import call, session

# Result fields that daal4py returns as integers (daal4j's Java results hold doubles).
_INTEGER_FIELDS = {"assignments": np.int32, "nIterations": np.int32}
# 1-d Java arrays that are one value per row (a column in daal4py); other 1-d arrays are a row.
_COLUMN_FIELDS = {"assignments", "prediction"}


class JavaBacked:
    """A Python object standing for a Java one (algorithm, result, model)."""

    __slots__ = ("_java",)

    def __init__(self, java):
        object.__setattr__(self, "_java", java)


# ---- Python values -> Java ---------------------------------------------------------------

def to_java(value, what="data"):
    """A value Java can take: arrays and DataFrames become a daal4j Matrix (in binary)."""
    if value is None or isinstance(value, (str, bool)):
        return value
    if isinstance(value, JavaBacked):
        return value._java
    if isinstance(value, JavaObject):
        return value
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, (numbers.Integral, np.bool_)) and not isinstance(value, np.ndarray):
        return bool(value) if isinstance(value, np.bool_) else int(value)
    if isinstance(value, numbers.Real) and not isinstance(value, np.ndarray):
        return float(value)
    if isinstance(value, dict):
        return {str(k): to_java(v, "%s[%r]" % (what, k)) for k, v in value.items()}
    if _is_sparse(value):
        return _csr_to_java(value, what)
    return session().to_matrix(_as_2d(value, what))


def _is_sparse(value):
    """Whether value is a scipy.sparse matrix or array (without importing scipy)."""
    return type(value).__module__.startswith("scipy.sparse")


def _csr_to_java(value, what):
    """A daal4j CsrMatrix of a scipy csr_matrix or csr_array: its three arrays cross in binary
    (indptr and indices of int32 or int64, data as float64), the matrix is built in the JVM."""
    if getattr(value, "format", None) != "csr":
        raise ValueError("%s: a sparse input must be CSR (scipy csr_matrix or csr_array), not %s; "
                         "convert it with .tocsr()" % (what, getattr(value, "format", type(value).__name__)))
    if value.ndim != 2:
        raise ValueError("%s: expected a 2-d sparse matrix" % what)
    if not value.has_canonical_format:  # duplicates summed and indices sorted, as CsrMatrix wants
        value = value.copy()
        value.sum_duplicates()
    rows, cols = value.shape
    s = session()
    parts = [s.to_matrix(np.asarray(a).reshape(-1, 1))
             for a in (value.indptr, value.indices, value.data.astype(np.float64, copy=False))]
    return call(s.bridge.csr, rows, cols, *parts)


# Inputs of at least this many bytes in all cross while the JVM computes (see _large_row_aligned);
# DAAL4J_INCOMING_BYTES=0 sends every row-aligned input that way (the tests use it).
INCOMING_BYTES = int(os.environ.get("DAAL4J_INCOMING_BYTES", 8 << 20))


# algorithms whose summary of large float64 arrays this process computes itself (_kernels): the
# JVM would first copy the rows in, which takes at least as long as the summary's pass over them.
# Each: a function of (session, Java algorithm, arrays) giving the encoded summary, or None where
# the JVM must compute (another method, no library, a bad value: the JVM then names it).


def _block_rows(key, ask):
    if key not in _BLOCK_ROWS:
        _BLOCK_ROWS[key] = int(ask())
    return _BLOCK_ROWS[key]


def _method(s, java):
    return call(s.bridge.call, java, "method", [])


def _moments_here(s, java, arrays):
    if _method(s, java).endswith("CSR"):
        return None
    return _kernels.moments_summary(arrays, _block_rows(
        ("moments",), lambda: s.jvm.daal4j.algorithms.summaries.MomentsPartial.BLOCK_ROWS))


def _cross_products_rows(s, arrays):
    p = sum(a.shape[1] for a in arrays)
    return _block_rows(("cross products", p), lambda: s.jvm.daal4j.algorithms.summaries.CrossProducts.blockRows(p))


def _covariance_here(s, java, arrays):
    if _method(s, java).endswith("CSR"):
        return None
    return _kernels.cross_products_summary(arrays, _cross_products_rows(s, arrays))


def _pca_here(s, java, arrays):
    if _method(s, java) != "correlationDense":
        return None  # svdDense's summary is the centered R
    return _kernels.cross_products_summary(arrays, _cross_products_rows(s, arrays))


def _regression_here(s, java, arrays, methods=("normEqDense",)):
    if methods and _method(s, java) not in methods:
        return None  # qrDense: TSQR's summary
    return _kernels.regression_summary(arrays, _cross_products_rows(s, arrays))


def _naive_bayes_here(s, java, arrays):
    if _method(s, java) != "defaultDense":
        return None
    return _kernels.class_sums(arrays, int(call(s.bridge.call, java, "nClasses", [])))


_SUMMARIZED_HERE = {
    "low_order_moments": _moments_here,
    "covariance": _covariance_here,
    "pca": _pca_here,
    "linear_regression_training": _regression_here,
    "ridge_regression_training": lambda s, java, arrays: _regression_here(s, java, arrays, methods=()),  # normEq only
    "multinomial_naive_bayes_training": _naive_bayes_here,
}

# predictions on large float64 arrays computed in this process, by the toolkit's C (_kernels): the
# JVM would first copy the rows in, which takes longer than the product itself
_PREDICTED_HERE = {"linear_regression_prediction", "ridge_regression_prediction",
                   "multinomial_naive_bayes_prediction"}
_BLOCK_ROWS = {}  # (kind of block, columns) -> the rows of the JVM's blocks, asked once
_NOT_HERE = object()  # what Algorithm._summary_here and _predict_here return where the JVM must compute

# algorithm name -> whether its Java algorithm computes chunk by chunk (Bridge.takesChunks)
_TAKES_CHUNKS = {}
# parameter names of the facade's factories and of the algorithms' compute, asked once each:
# every call to the JVM costs a round trip, a large share of a small compute
_PARAMETERS = {}


def _factory_parameters(s, javaname):
    key = ("factory", javaname)
    if key not in _PARAMETERS:
        _PARAMETERS[key] = [list(names) for names in call(s.bridge.facadeParameters, javaname)]
    return _PARAMETERS[key]


def _compute_parameters(s, name, java):
    key = ("compute", name)
    if key not in _PARAMETERS:
        _PARAMETERS[key] = [list(names) for names in call(s.bridge.parameters, java, "compute")]
    return _PARAMETERS[key]


def _is_array(value):
    """Whether to_java would send value as a matrix."""
    return not (value is None or isinstance(value, (str, bool, dict, JavaBacked, JavaObject, os.PathLike))
                or (isinstance(value, numbers.Number) and not isinstance(value, np.ndarray))
                or _is_sparse(value))


def _large_row_aligned(args, what):
    """{position: 2-d array} when every array argument has the same rows and together they hold
    at least INCOMING_BYTES: a summarizing algorithm then computes on them while they are copied in."""
    found = {i: a for i, a in enumerate(args) if _is_array(a)}
    if not found:
        return None
    arrays = {i: _as_2d(a, what[i]) for i, a in found.items()}
    rows = {a.shape[0] for a in arrays.values()}
    if len(rows) != 1 or any(a.shape[1] == 0 for a in arrays.values()) \
            or sum(a.size * 8 for a in arrays.values()) < max(INCOMING_BYTES, 1):
        return None
    return arrays


def _as_2d(value, what):
    """A 2-d numeric numpy view or copy of arrays, lists, pandas DataFrames and Series, and
    pyarrow Tables, RecordBatches, Arrays and ChunkedArrays."""
    if type(value).__module__.startswith("pyarrow"):
        return _arrow_2d(value, what)
    if hasattr(value, "dtypes") and hasattr(value, "columns"):  # pandas DataFrame
        from pandas.api.types import is_numeric_dtype
        bad = [str(c) for c, t in value.dtypes.items() if not is_numeric_dtype(t)]
        if bad:
            raise ValueError("%s: column(s) %s are not numeric" % (what, ", ".join(bad)))
        names = list(value.columns)
        value = value.to_numpy(dtype=np.float64, na_value=np.nan)
        _no_missing(value, names, what)
    elif hasattr(value, "to_numpy"):  # pandas Series
        value = value.to_numpy()
    a = np.asarray(value)
    if a.dtype == np.bool_ or np.issubdtype(a.dtype, np.integer) or np.issubdtype(a.dtype, np.floating):
        pass
    else:
        raise ValueError("%s: cannot use an array of dtype %s; give numbers" % (what, a.dtype))
    if a.ndim == 1:
        a = a.reshape(-1, 1)
    if a.ndim != 2:
        raise ValueError("%s: expected a 1-d or 2-d array, got %d dimensions" % (what, a.ndim))
    return a


def _no_missing(a, names, what):
    """Rejects a DataFrame's missing values (NaN, None, pd.NA), naming the column and first row."""
    with np.errstate(all="ignore"):
        sums = a.sum(axis=0)  # NaN where a column has one (or overflows to inf: checked below)
    for j in np.flatnonzero(~np.isfinite(sums)):
        rows = np.flatnonzero(np.isnan(a[:, j]))
        if rows.size:
            raise ValueError("%s: column '%s' has missing values (NaN or None), first at row %d"
                             % (what, names[j], rows[0]))


def _arrow_2d(value, what):
    """A C-ordered float64 copy of a pyarrow Table or RecordBatch (its columns), or an Array or
    ChunkedArray (one column): numeric columns only (int, uint, float, bool), without nulls."""
    import pyarrow as pa
    if isinstance(value, (pa.Table, pa.RecordBatch)):
        names, columns = value.schema.names, value.columns
    elif isinstance(value, (pa.Array, pa.ChunkedArray)):
        names, columns = [getattr(value, "_name", None) or "0"], [value]
    else:
        raise ValueError("%s: cannot use a %s; give a pyarrow Table, RecordBatch, Array or ChunkedArray"
                         % (what, type(value).__name__))
    types = pa.types
    for name, column in zip(names, columns):
        t = column.type
        if not (types.is_integer(t) or types.is_floating(t) or types.is_boolean(t)):
            raise ValueError("%s: column '%s' has type %s, not a number (int, uint, float or bool)" % (what, name, t))
        if column.null_count:
            raise ValueError("%s: column '%s' has %d null value(s)" % (what, name, column.null_count))
    out = np.empty((len(value), len(columns)), dtype=np.float64)
    for j, column in enumerate(columns):
        chunks = column.chunks if isinstance(column, pa.ChunkedArray) else [column]
        start = 0
        for chunk in chunks:  # each chunk's buffer straight into its rows (no Python objects)
            n = len(chunk)
            out[start:start + n, j] = chunk.to_numpy(zero_copy_only=False)
            start += n
    return out


# ---- Java values -> Python ---------------------------------------------------------------

def _decode(name, line_fields, java_owner, in_result):
    """The Python value for one exported field (see Bridge.export)."""
    s = session()
    kind, meta = line_fields[0], line_fields[1:]
    if kind == "0":
        return None
    if kind == "M":
        rows, cols, offset = int(meta[0]), int(meta[1]), int(meta[2])
        out = s.array("M", None, offset, rows, cols, owner=java_owner, name=name)
    elif kind in ("d", "i", "l"):
        n, offset = int(meta[0]), int(meta[1])
        out = s.array(kind, n, offset, owner=java_owner, name=name)
        if in_result:
            out = out.reshape((-1, 1) if name in _COLUMN_FIELDS else (1, -1))
    elif kind == "I":
        out = int(meta[0])
        if in_result:
            out = np.array([[out]], dtype=np.int32)
    elif kind == "F":
        out = float(meta[0])
        if in_result:
            out = np.array([[out]], dtype=np.float64)
    elif kind == "B":
        return meta[0] == "true"
    elif kind == "S":
        return base64.b64decode(meta[0]).decode("utf-8")
    elif kind == "Y":
        jmap = call(s.bridge.attribute, java_owner, name) if name else java_owner
        return {str(k): _value(jmap[k]) for k in jmap.keySet()}
    else:  # "O": a Java object (a model) stays in Java
        return Model(call(s.bridge.attribute, java_owner, name))
    if in_result and name in _INTEGER_FIELDS and isinstance(out, np.ndarray):
        out = out.astype(_INTEGER_FIELDS[name])
    return out


_ENTRY = "\x1f"  # between a map field's name and an entry's key in Bridge.export's lines


def _fields(java, in_result):
    """Every field of a Java result or model, by name, converted."""
    s = session()
    values = {}
    deferred = []
    with s.transfer:
        # export() writes the arrays; read them all before any other call reuses the shared file
        text = s.export(java)
        for parts in (l.split("\t") for l in text.split("\n") if l):
            if _ENTRY in parts[0]:  # an entry of the map field above it (Exports.export)
                field, key = parts[0].split(_ENTRY, 1)
                values[field][key] = _decode("", parts[1:], java, False)
            elif parts[1:] == ["Y"] or parts[1] == "O":
                deferred.append(parts)
            elif parts[1] == "Y":  # a map whose entries follow
                values[parts[0]] = {}
            else:
                values[parts[0]] = _decode(parts[0], parts[1:], java, in_result)
    for parts in deferred:
        values[parts[0]] = _decode(parts[0], parts[1:], java, in_result)
    return values


def _value(v):
    """A value returned by a Java call: Python scalars as they are, matrices as numpy, objects wrapped."""
    if not isinstance(v, JavaObject):
        return v
    s = session()
    with s.transfer:
        parts = s.export(v, single=True).split("\t")
        if parts[0] not in ("O", "Y"):
            return _decode("", parts, v, False)
    if parts[0] == "Y":
        return {str(k): _value(v[k]) for k in v.keySet()}
    return Model(v)


def _format(name, v):
    if isinstance(v, np.ndarray):
        body = str(v).replace("\n", "\n  ")
        return "%s: array(\n  %s,\n  dtype=%s, shape=%s)" % (name, body, v.dtype, v.shape)
    return "%s: %s" % (name, v)


class Result(JavaBacked):
    """An algorithm's result: daal4py's attributes as numpy arrays (models stay in Java)."""

    __slots__ = ("_name", "_values")

    def __init__(self, name, java):
        super().__init__(java)
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_values", _fields(java, True))

    @classmethod
    def computed_here(cls, name, values):
        """A result computed in this process ({field: numpy array}): no Java object behind it."""
        r = object.__new__(cls)
        object.__setattr__(r, "_java", None)
        object.__setattr__(r, "_name", name)
        object.__setattr__(r, "_values", values)
        return r

    def __getattr__(self, attr):
        values = object.__getattribute__(self, "_values")
        if attr in values:
            return values[attr]
        raise AttributeError("'%s' object has no attribute '%s' (it has %s)"
                             % (self._name, attr, ", ".join(values)))

    def __setattr__(self, attr, value):
        raise AttributeError("daal4j results are read-only")

    def __dir__(self):
        return list(self._values) + ["_java"]

    def __str__(self):
        return "\n\n".join(_format(k, v) for k, v in self._values.items())

    def __repr__(self):
        return "<daal4j.%s: %s>" % (self._name, ", ".join(self._values))


class Model(JavaBacked):
    """A trained model: stays a Java object (prediction takes it as is); attributes read on access."""

    __slots__ = ()

    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        try:
            return _value(call(session().bridge.attribute, self._java, attr))
        except AttributeError as e:
            raise AttributeError(str(e)) from None

    def __str__(self):
        values = _fields(self._java, False)
        head = "%s:" % self._java.getClass().getSimpleName()
        return head + "".join("\n" + _format(k, v).replace("\n", "\n  ") for k, v in values.items())

    def __repr__(self):
        return "<daal4j model %s>" % self._java.getClass().getName()


class Algorithm(JavaBacked):
    """A daal4py-style algorithm object: configure by keywords, then compute (and finalize when streaming)."""

    __slots__ = ("_name",)

    def __init__(self, name, java):
        super().__init__(java)
        object.__setattr__(self, "_name", name)

    def compute(self, *args, **kwargs):
        """Computes on the given data (numpy, pandas, CSV path; models for prediction)."""
        s = session()
        args = list(args)
        if kwargs:
            args = _with_keywords(args, kwargs, _compute_parameters(s, self._name, self._java),
                                  self._name + ".compute", strict=True)
        what = ["argument %d of %s.compute" % (i + 1, self._name) for i in range(len(args))]
        # tables (pandas, pyarrow) converted once, here: the paths below take the arrays as they are
        args = [_as_2d(a, what[i]) if _is_array(a) and not isinstance(a, np.ndarray) else a
                for i, a in enumerate(args)]
        arrays = _large_row_aligned(args, what)
        if arrays and self._name in _PREDICTED_HERE and len(args) == 2 and isinstance(args[1], Model) \
                and list(arrays) == [0]:
            result = self._predict_here(s, arrays[0], args[1])
            if result is not _NOT_HERE:
                return result
        if arrays and len(arrays) == len(args) and self._name in _SUMMARIZED_HERE:
            result = self._summary_here(s, [arrays[i] for i in range(len(args))])
            if result is not _NOT_HERE:
                return result  # None in streaming mode
        if arrays and self._takes_chunks(s):
            # copied in by a background thread while the JVM already computes on the first rows
            # (the others gain nothing from it: they need the whole arrays before they start)
            jargs = [None if i in arrays else to_java(a, what[i]) for i, a in enumerate(args)]
            return self._wrap(s.compute_incoming(self._java, jargs, arrays))
        jargs = [to_java(a, what[i]) for i, a in enumerate(args)]
        return self._wrap(call(s.bridge.call, self._java, "compute", jargs))

    def _summary_here(self, s, arrays):
        """The result from the summary of the arrays computed in this process (_kernels) and
        merged and finished by the JVM (Algorithm.computeSummary), or _NOT_HERE where it cannot
        be: the rows then go to the JVM, which computes the same summary (every rank enters the
        same collective either way, so a rank that falls back cannot hang the others)."""
        if not _kernels.enabled() or any(a.dtype != np.float64 or not a.flags.c_contiguous for a in arrays):
            return _NOT_HERE
        try:
            encoded = _SUMMARIZED_HERE[self._name](s, self._java, arrays)
        except MemoryError:
            return _NOT_HERE
        if encoded is None:
            return _NOT_HERE
        return self._wrap(call(s.bridge.call, self._java, "computeSummary", [to_java(encoded.reshape(1, -1))]))

    def _predict_here(self, s, x, model):
        """The predictions for x under model computed in this process (_kernels), as the JVM
        computes them, or _NOT_HERE where they cannot be (the JVM then computes, and gives the
        errors)."""
        if not _kernels.enabled() or x.dtype != np.float64 or not x.flags.c_contiguous:
            return _NOT_HERE
        p = x.shape[1]
        rows = _block_rows(("predict", p), lambda: s.jvm.daal4j.linalg.RowBlocks.rows(p))
        if self._name == "multinomial_naive_bayes_prediction":
            if call(s.bridge.call, self._java, "resultsToEvaluate", []) != "computeClassLabels" \
                    or _method(s, self._java) != "defaultDense":
                return _NOT_HERE  # probabilities: the JVM's exp and log
            log_theta = model.LogTheta
            if log_theta.shape != (int(call(s.bridge.call, self._java, "nClasses", [])), p):
                return _NOT_HERE
            labels = _kernels.naive_bayes_labels(x, log_theta, model.LogP, rows)
            values = None if labels is None else {"prediction": labels, "probabilities": None,
                                                  "logProbabilities": None}
        else:
            beta = model.Beta
            if beta.ndim != 2 or beta.shape[1] != p + 1:
                return _NOT_HERE
            y = _kernels.linear_predict(x, beta, rows)
            values = None if y is None else {"prediction": y}
        if values is None:
            return _NOT_HERE
        return Result.computed_here(self._name + "_result", values)

    def _takes_chunks(self, s):
        """Whether the Java algorithm computes chunk by chunk (asked once per algorithm name)."""
        if self._name not in _TAKES_CHUNKS:
            _TAKES_CHUNKS[self._name] = bool(call(s.bridge.takesChunks, self._java))
        return _TAKES_CHUNKS[self._name]

    def finalize(self):
        """Streaming mode: the result of every chunk given to compute."""
        return self._wrap(call(session().bridge.call, self._java, "finalizeCompute", []))

    def _wrap(self, java):
        if java is None:
            return None
        if isinstance(java, JavaObject):
            return Result(self._name + "_result", java)
        return java

    def __repr__(self):
        return "<daal4j.%s>" % self._name


def _with_keywords(args, kwargs, overloads, what, strict=False):
    """The positional arguments extended by the keywords that name the method's next parameters
    (the overload taking the most of them); those are removed from kwargs. Strict: every keyword
    must be taken, a gap left by a keyword further on is None (daal4py's optional inputs)."""
    if not kwargs:
        return args
    best = None
    for names in overloads:
        names = list(names)
        if None in names or len(names) < len(args):
            continue
        rest = names[len(args):]
        if strict:
            if set(kwargs) <= set(rest):
                taken = max(rest.index(k) for k in kwargs) + 1
                if best is None or taken < len(best):
                    best = rest[:taken]
        else:
            taken = 0
            while taken < len(rest) and rest[taken] in kwargs:
                taken += 1
            if best is None or taken > len(best):
                best = rest[:taken]
    if strict and kwargs and best is None:
        raise TypeError("%s() got unexpected keyword argument(s) %s" % (what, ", ".join(sorted(kwargs))))
    for n in best or []:
        args.append(kwargs.pop(n, None))
    return args


def factory(pyname, javaname):
    """The daal4py-named constructor of an algorithm, over the Java facade's factory."""

    def make(*args, **kwargs):
        s = session()
        kwargs = {k: v for k, v in kwargs.items() if v is not None}
        # keywords naming the factory's own parameters (daal4py allows kmeans_init(nClusters=10));
        # the others are parameters set through setters below
        if kwargs:
            args = _with_keywords(list(args), kwargs, _factory_parameters(s, javaname), pyname)
        jargs = [to_java(a, "argument %d of %s" % (i + 1, pyname)) for i, a in enumerate(args)]
        if len(jargs) <= 2 and not any(a is None or isinstance(a, (list, dict)) for a in jargs):
            java = call(s.bridge.facade, javaname, *jargs)  # one round trip, no list
        else:
            java = call(s.bridge.facade, javaname, jargs)
        for key, value in kwargs.items():
            java = call(s.bridge.set, java, key, to_java(value, key))
        return Algorithm(pyname, java)

    make.__name__ = make.__qualname__ = pyname
    make.__doc__ = "daal4py's %s on daal4j (Java: Daal4j.%s)." % (pyname, javaname)
    return make
