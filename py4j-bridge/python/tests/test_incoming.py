"""Large row-aligned inputs of the summarizing algorithms and PCA are computed on as the JVM
reads them (Bridge.computeFromProcess straight from numpy's memory, Bridge.computeIncoming
through the shared file's ring; each test runs both ways): the same results as the plain path
up to the rounding of merging chunk summaries, the same errors, every dtype and order."""
import os

import numpy as np
import pytest

import daal4j as d4p
from daal4j import _core, _gateway

ROWS = 600_000  # several of the JVM's chunks (about 4 MB each) for a few columns


def both(monkeypatch, fn):
    """fn() through the plain path, then through the incoming path (every size; moments and
    covariance too, which large float64 inputs otherwise summarize in Python)."""
    monkeypatch.setenv("DAAL4J_PYTHON_KERNELS", "0")
    monkeypatch.setattr(_core, "INCOMING_BYTES", 1 << 62)
    plain = fn()
    monkeypatch.setattr(_core, "INCOMING_BYTES", 0)
    return plain, fn()


def assert_same(plain, incoming, fields, rtol=1e-12):
    for f in fields:
        a, b = getattr(plain, f), getattr(incoming, f)
        assert a.shape == b.shape and a.dtype == b.dtype, f
        np.testing.assert_allclose(b, a, rtol=rtol, atol=rtol * np.abs(a).max(), err_msg=f)


@pytest.fixture(scope="module")
def x():
    rng = np.random.default_rng(11)
    return rng.standard_normal((ROWS, 4)) * [1.0, 3.0, 0.01, 100.0] + [0.0, 50.0, -2.0, 1e4]


@pytest.mark.usefixtures("transfer")
def test_the_incoming_path_is_taken_for_large_inputs(monkeypatch, x):
    taken = []
    real = _gateway.Session.compute_incoming
    monkeypatch.setattr(_gateway.Session, "compute_incoming",
                        lambda self, *a: taken.append(1) or real(self, *a))
    monkeypatch.setattr(_core, "INCOMING_BYTES", x.nbytes)
    d4p.pca(method="svdDense").compute(x)
    d4p.pca(method="svdDense").compute(x[:1000])  # small: the plain path
    d4p.kmeans(3, 2).compute(x, x[:3])  # rows differ: the plain path
    assert taken == [1]


@pytest.mark.usefixtures("transfer")
def test_moments_and_covariance_match_the_plain_path_and_numpy(monkeypatch, x):
    plain, inc = both(monkeypatch, lambda: d4p.low_order_moments().compute(x))
    assert_same(plain, inc, ["minimum", "maximum", "sum", "sumSquares", "sumSquaresCentered", "mean",
                             "secondOrderRawMoment", "variance", "standardDeviation", "variation"])
    np.testing.assert_allclose(inc.mean[0], x.mean(axis=0), rtol=1e-12)
    np.testing.assert_allclose(inc.variance[0], x.var(axis=0, ddof=1), rtol=1e-10)
    plain, inc = both(monkeypatch, lambda: d4p.covariance().compute(x))
    assert_same(plain, inc, ["covariance", "mean"])
    np.testing.assert_allclose(inc.covariance, np.cov(x, rowvar=False), rtol=1e-10, atol=1e-12)


@pytest.mark.usefixtures("transfer")
def test_regressions_match_the_plain_path_and_lstsq(monkeypatch, x):
    y = x[:, :2] @ [[0.5, -1.0], [2.0, 0.25]] + 3.0 + np.random.default_rng(2).standard_normal((ROWS, 2))
    plain, inc = both(monkeypatch, lambda: d4p.linear_regression_training(interceptFlag=True).compute(x, y).model.Beta)
    np.testing.assert_allclose(inc, plain, rtol=1e-10)
    ref = np.linalg.lstsq(np.hstack([np.ones((ROWS, 1)), x]), y, rcond=None)[0].T
    np.testing.assert_allclose(inc, ref, rtol=1e-8, atol=1e-10)
    plain, inc = both(monkeypatch, lambda: d4p.ridge_regression_training(ridgeParameters=2.0)
                      .compute(x, y).model.Beta)
    np.testing.assert_allclose(inc, plain, rtol=1e-10)


@pytest.mark.usefixtures("transfer")
def test_naive_bayes_and_int_fortran_inputs(monkeypatch):
    rng = np.random.default_rng(5)
    counts = np.asfortranarray(rng.poisson(3.0, (ROWS, 6)).astype(np.int32))
    labels = rng.integers(0, 4, ROWS)
    plain, inc = both(monkeypatch, lambda: d4p.multinomial_naive_bayes_training(4).compute(counts, labels))
    np.testing.assert_allclose(inc.model.LogP, plain.model.LogP, rtol=1e-13)
    np.testing.assert_allclose(inc.model.LogTheta, plain.model.LogTheta, rtol=1e-13)


@pytest.mark.usefixtures("transfer")
def test_predictions_compute_on_chunks_and_match_the_plain_path_and_numpy(monkeypatch, x):
    taken = []
    real = _gateway.Session.compute_incoming
    monkeypatch.setattr(_gateway.Session, "compute_incoming",
                        lambda self, *a: taken.append(a[0].getClass().getSimpleName()) or real(self, *a))
    y = x[:, :2] @ [[0.5, -1.0], [2.0, 0.25]] + 3.0
    for train, predict in ((d4p.linear_regression_training, d4p.linear_regression_prediction),
                           (d4p.ridge_regression_training, d4p.ridge_regression_prediction)):
        model = train(interceptFlag=True).compute(x, y).model
        plain, inc = both(monkeypatch, lambda: predict().compute(x, model))
        assert_same(plain, inc, ["prediction"], rtol=1e-14)  # each row's prediction is the same computation
        beta = model.Beta
        np.testing.assert_allclose(inc.prediction, x @ beta[:, 1:].T + beta[:, 0], rtol=1e-10, atol=1e-8)
    rng = np.random.default_rng(8)
    labels = rng.integers(0, 3, ROWS)
    counts = rng.poisson(np.array([[1.0, 4.0, 2.0], [3.0, 1.0, 1.0], [2.0, 2.0, 5.0]])[labels])
    model = d4p.multinomial_naive_bayes_training(3).compute(counts, labels).model
    plain, inc = both(monkeypatch, lambda: d4p.multinomial_naive_bayes_prediction(
        3, resultsToEvaluate="computeClassLabels|computeClassLogProbabilities").compute(counts, model))
    assert_same(plain, inc, ["prediction", "logProbabilities"], rtol=1e-14)
    np.testing.assert_array_equal(inc.prediction[:, 0],
                                  np.argmax(counts @ model.LogTheta.T + model.LogP.T, axis=1))
    assert [t for t in taken if "Prediction" in t] == [
        "LinearRegressionPrediction", "RidgeRegressionPrediction", "MultinomialNaiveBayesPrediction"], \
        "each prediction read its input chunk by chunk"


@pytest.mark.usefixtures("transfer")
def test_pca_qr_and_svd_compute_on_chunks_and_algorithms_needing_the_whole_input_take_the_plain_path(
        monkeypatch, x):
    taken = []
    real = _gateway.Session.compute_incoming
    monkeypatch.setattr(_gateway.Session, "compute_incoming",
                        lambda self, *a: taken.append(1) or real(self, *a))
    for method in ("svdDense", "correlationDense"):
        plain, inc = both(monkeypatch, lambda: d4p.pca(method=method, isDeterministic=True,
                                                       resultsToCompute="mean|variance").compute(x))
        assert_same(plain, inc, ["eigenvalues", "eigenvectors", "means", "variances"], rtol=1e-10)
    plain, inc = both(monkeypatch, lambda: d4p.qr().compute(x))
    assert_same(plain, inc, ["matrixR"], rtol=1e-10)
    np.testing.assert_allclose(inc.matrixQ, plain.matrixQ, atol=1e-10)
    plain, inc = both(monkeypatch, lambda: d4p.svd().compute(x))
    assert_same(plain, inc, ["singularValues"], rtol=1e-10)
    np.testing.assert_allclose(inc.leftSingularMatrix, plain.leftSingularMatrix, atol=1e-10)
    assert taken == [1, 1, 1, 1], "PCA, QR and SVD read their input chunk by chunk"
    taken.clear()
    d4p.kmeans_init(3, method="plusPlusDense").compute(x[:50_000])
    assert taken == []


@pytest.mark.usefixtures("transfer")
def test_streaming_mode_adds_each_incoming_input(monkeypatch, x):
    def stream():
        alg = d4p.covariance(streaming=True)
        for part in np.array_split(x, 3):
            assert alg.compute(part) is None
        return alg.finalize()
    plain, inc = both(monkeypatch, stream)
    assert_same(plain, inc, ["covariance", "mean"])


@pytest.mark.usefixtures("transfer")
def test_bad_input_in_a_late_chunk_gives_the_plain_paths_message(monkeypatch):
    rng = np.random.default_rng(6)
    counts = rng.poisson(3.0, (ROWS, 3)).astype(np.float64)
    counts[ROWS - 7, 1] = -2.0
    labels = rng.integers(0, 3, ROWS)
    messages = []
    for size in (1 << 62, 0):
        monkeypatch.setattr(_core, "INCOMING_BYTES", size)
        with pytest.raises(ValueError) as e:
            d4p.multinomial_naive_bayes_training(3).compute(counts, labels)
        messages.append(str(e.value))
    assert str(ROWS - 7) in messages[0] and messages[1] == messages[0]
    bad = np.full((ROWS, 2), 1.0)
    bad[ROWS - 3, 0] = np.nan
    monkeypatch.setattr(_core, "INCOMING_BYTES", 0)
    with pytest.raises(ValueError, match=str(ROWS - 3)):
        d4p.covariance().compute(bad)
    # the algorithm objects and the session stay usable
    assert d4p.low_order_moments().compute(np.ones((ROWS, 2))).mean.tolist() == [[1.0, 1.0]]


def test_a_failed_copy_into_the_ring_raises_its_own_error_and_the_jvm_goes_on(monkeypatch, x):
    monkeypatch.setattr(_gateway.session(), "_direct", False)  # the copy of the shared-file path
    monkeypatch.setattr(_core, "INCOMING_BYTES", 0)
    real = np.copyto
    calls = []

    def failing(dst, src, **kw):
        calls.append(1)
        if len(calls) == 3:
            raise MemoryError("injected")
        return real(dst, src, **kw)

    monkeypatch.setattr(_gateway.np, "copyto", failing)
    with pytest.raises(MemoryError, match="injected"):
        d4p.pca(method="svdDense").compute(x)
    monkeypatch.setattr(_gateway.np, "copyto", real)
    r = d4p.low_order_moments().compute(x)
    np.testing.assert_allclose(r.mean[0], x.mean(axis=0), rtol=1e-12)


def test_the_jvm_reads_numpy_memory_itself_and_says_what_it_cannot_read():
    s = _gateway.session()
    assert s.direct(), s.direct_problem
    a = np.random.default_rng(8).standard_normal((50_000, 7))
    m = s.bridge.matrixFromProcess(1000, 7, os.getpid(), a[300:].ctypes.data, "f8", 64)  # a view at an offset
    assert np.array_equal(_core._value(m), a[300:1300])
    for dtype in (np.float32, np.int64, np.int32):  # read as they are, widened by the JVM
        b = (a * 1e6).astype(dtype)
        m = s.bridge.matrixFromProcess(50_000, 7, os.getpid(), b.ctypes.data, np.dtype(dtype).str[1:], 4096)
        assert np.array_equal(_core._value(m), b.astype(np.float64)), dtype
    with pytest.raises(RuntimeError, match="reading 70 values at 0x8 of process %d failed" % os.getpid()):
        _gateway.call(s.bridge.matrixFromProcess, 10, 7, os.getpid(), 8, "f8", 64)
    # the session goes on
    assert np.array_equal(_core._value(_core.to_java(a)), a)


def test_a_large_input_needs_only_a_few_slots_of_the_shared_file(monkeypatch):
    s = _gateway.session()
    monkeypatch.setattr(s, "_direct", False)
    monkeypatch.setattr(_core, "INCOMING_BYTES", 0)
    x = np.random.default_rng(9).standard_normal((2_000_000, 8))  # 128 MB
    before = os.fstat(s._fd).st_size
    r = d4p.covariance().compute(x)
    np.testing.assert_allclose(r.covariance, np.cov(x, rowvar=False), rtol=1e-10, atol=1e-12)
    assert os.fstat(s._fd).st_size <= max(before, 32 << 20), "the shared file grew to the input's size"


def test_large_results_are_written_straight_into_numpy(monkeypatch):
    s = _gateway.session()
    assert s.direct(), s.direct_problem
    views = []
    real = _gateway.Session._view
    monkeypatch.setattr(_gateway.Session, "_view", lambda self, n: views.append(n) or real(self, n))
    x = np.random.default_rng(10).standard_normal((400_000, 6))  # Q of 19 MB
    q = d4p.qr().compute(x)
    assert q.matrixQ.shape == (400_000, 6) and q.matrixQ.dtype == np.float64 and q.matrixQ.flags.c_contiguous
    np.testing.assert_allclose(q.matrixQ @ q.matrixR, x, rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(q.matrixQ.T @ q.matrixQ, np.eye(6), atol=1e-12)
    km = d4p.kmeans(3, 2, assignFlag=True).compute(x, x[:3])
    assert km.assignments.dtype == np.int32 and km.assignments.shape == (400_000, 1)
    assert max(views, default=0) < 1 << 20, "a large result went through the shared file"
    monkeypatch.setattr(s, "_direct", False)  # the same results through the shared file
    assert np.array_equal(d4p.qr().compute(x).matrixQ, q.matrixQ)
    assert np.array_equal(d4p.kmeans(3, 2, assignFlag=True).compute(x, x[:3]).assignments, km.assignments)
    assert max(views) >= x.nbytes  # Q through the file, as before


def test_moments_of_a_large_float64_array_are_summarized_in_python_as_the_jvm_does(monkeypatch, x):
    from daal4j import _kernels
    assert _kernels.library() is not None, _kernels.problem()
    fields = ["minimum", "maximum", "sum", "sumSquares", "sumSquaresCentered", "mean", "secondOrderRawMoment",
              "variance", "standardDeviation", "variation"]
    here = []
    real = _kernels.moments_summary
    monkeypatch.setattr(_kernels, "moments_summary", lambda *a: here.append(1) or real(*a))
    monkeypatch.setattr(_core, "INCOMING_BYTES", 1 << 20)
    data = x.copy()
    data[1234, 2] = np.nan  # a NaN column, an infinite one: the same semantics as the JVM's
    data[99, 3] = np.inf
    local = d4p.low_order_moments().compute(data)
    assert here == [1]
    monkeypatch.setenv("DAAL4J_PYTHON_KERNELS", "0")
    monkeypatch.setattr(_core, "INCOMING_BYTES", 1 << 62)  # the JVM's whole-array summary
    jvm = d4p.low_order_moments().compute(data)
    assert here == [1]
    for f in fields:
        np.testing.assert_array_equal(getattr(local, f), getattr(jvm, f), err_msg=f)  # the same C code
    np.testing.assert_allclose(local.mean[0, :2], x[:, :2].mean(axis=0), rtol=1e-12)
    np.testing.assert_allclose(local.variance[0, :2], x[:, :2].var(axis=0, ddof=1), rtol=1e-10)
    assert np.isnan(local.mean[0, 2]) and np.isnan(local.minimum[0, 2]) and local.maximum[0, 3] == np.inf


def test_moments_summarized_in_python_stream_and_keep_the_jvms_errors(monkeypatch, x):
    from daal4j import _kernels
    here = []
    real = _kernels.moments_summary
    monkeypatch.setattr(_kernels, "moments_summary", lambda *a: here.append(1) or real(*a))
    monkeypatch.setattr(_core, "INCOMING_BYTES", 1 << 20)
    alg = d4p.low_order_moments(streaming=True)
    for part in np.array_split(x, 3):
        assert alg.compute(part) is None
    streamed = alg.finalize()
    assert here == [1, 1, 1]
    np.testing.assert_allclose(streamed.variance[0], x.var(axis=0, ddof=1), rtol=1e-10)
    d4p.low_order_moments().compute(np.asfortranarray(x))  # not C-ordered, and float32: the JVM's path
    d4p.low_order_moments().compute(x.astype(np.float32))
    assert here == [1, 1, 1]
    with pytest.raises(ValueError, match="CSR"):
        d4p.low_order_moments(method="fastCSR").compute(x)
    assert here == [1, 1, 1]


def test_covariance_of_a_large_float64_array_is_summarized_in_python_as_the_jvm_does(monkeypatch, x):
    from daal4j import _kernels
    here = []
    real = _kernels.cross_products_summary
    monkeypatch.setattr(_kernels, "cross_products_summary", lambda *a: here.append(1) or real(*a))
    monkeypatch.setattr(_core, "INCOMING_BYTES", 1 << 20)
    local = d4p.covariance().compute(x)
    assert here == [1]
    monkeypatch.setenv("DAAL4J_PYTHON_KERNELS", "0")
    monkeypatch.setattr(_core, "INCOMING_BYTES", 1 << 62)  # the JVM's whole-array summary
    jvm = d4p.covariance().compute(x)
    assert here == [1]
    for f in ("covariance", "mean"):
        np.testing.assert_array_equal(getattr(local, f), getattr(jvm, f), err_msg=f)  # the same C and BLAS
    local_pca = d4p.pca(isDeterministic=True).compute(x)  # correlationDense: the same summary
    assert here == [1]
    monkeypatch.delenv("DAAL4J_PYTHON_KERNELS")
    monkeypatch.setattr(_core, "INCOMING_BYTES", 1 << 20)
    here_pca = d4p.pca(isDeterministic=True).compute(x)
    assert here == [1, 1]
    for f in ("eigenvalues", "eigenvectors"):
        np.testing.assert_array_equal(getattr(here_pca, f), getattr(local_pca, f), err_msg=f)
    np.testing.assert_allclose(local.covariance, np.cov(x, rowvar=False), rtol=1e-10, atol=1e-12)
    bad = x.copy()
    bad[ROWS - 3, 1] = np.inf  # not finite: the JVM computes, and names it as batch does
    with pytest.raises(ValueError, match="data: Infinity at row %d, column 1 " % (ROWS - 3)):
        d4p.covariance().compute(bad)
    assert here == [1, 1, 1]


@pytest.mark.parametrize("algorithm", ["linear_regression_training", "ridge_regression_training"])
def test_regression_summaries_of_large_float64_arrays_are_computed_in_python_as_the_jvm_does(monkeypatch, x,
                                                                                             algorithm):
    from daal4j import _kernels
    here = []
    real = _kernels.cross_products_summary
    monkeypatch.setattr(_kernels, "cross_products_summary", lambda *a: here.append(1) or real(*a))
    monkeypatch.setattr(_core, "INCOMING_BYTES", 1 << 20)
    y = x[:, :2] @ [[0.5, -1.0], [2.0, 0.25]] + np.random.default_rng(4).standard_normal((ROWS, 2))
    train = getattr(d4p, algorithm)
    local = train(interceptFlag=True).compute(x, y).model.Beta
    assert here == [1]
    monkeypatch.setenv("DAAL4J_PYTHON_KERNELS", "0")
    monkeypatch.setattr(_core, "INCOMING_BYTES", 1 << 62)  # the JVM's whole-array summary
    jvm = train(interceptFlag=True).compute(x, y).model.Beta
    np.testing.assert_array_equal(local, jvm)  # the same C and BLAS
    if algorithm == "linear_regression_training":
        ones = np.column_stack([np.ones(ROWS), x])
        expected = np.linalg.lstsq(ones, y, rcond=None)[0].T
        np.testing.assert_allclose(local, expected, rtol=1e-8, atol=1e-10)
        monkeypatch.delenv("DAAL4J_PYTHON_KERNELS")
        monkeypatch.setattr(_core, "INCOMING_BYTES", 1 << 20)
        train(method="qrDense").compute(x, y)  # summed by TSQR: the JVM's path
        assert here == [1]


@pytest.mark.parametrize("algorithm", ["linear_regression", "ridge_regression"])
def test_predictions_on_large_float64_arrays_are_computed_in_python_as_the_jvm_does(monkeypatch, x, algorithm):
    from daal4j import _kernels
    here = []
    real = _kernels.linear_predict
    monkeypatch.setattr(_kernels, "linear_predict", lambda *a: here.append(1) or real(*a))
    monkeypatch.setattr(_core, "INCOMING_BYTES", 1 << 20)
    y = x[:, :3] @ [[1.0, 0.5, 0, 2, -1], [0, 1, -2, 0, 3], [0.1, 0.2, 0.3, 0.4, 0.5]] + 1.0  # 5 responses: dgemm
    for responses in (y[:, :1], y):  # 1 response: a dgemv per response
        model = getattr(d4p, algorithm + "_training")().compute(x, responses).model
        predict = getattr(d4p, algorithm + "_prediction")
        local = predict().compute(x, model)
        monkeypatch.setenv("DAAL4J_PYTHON_KERNELS", "0")
        jvm = predict().compute(x, model)
        monkeypatch.delenv("DAAL4J_PYTHON_KERNELS")
        np.testing.assert_array_equal(local.prediction, jvm.prediction)  # the same C and BLAS
        beta = model.Beta
        np.testing.assert_allclose(local.prediction, x @ beta[:, 1:].T + beta[:, 0], rtol=1e-10, atol=1e-8)
        assert repr(local) == repr(jvm) and str(local).startswith("prediction: array(")
    assert len(here) == 2
    bad = x.copy()
    bad[ROWS - 2, 3] = np.nan  # not finite: the JVM computes, and names it as batch does
    with pytest.raises(ValueError, match="data: NaN at row %d, column 3 " % (ROWS - 2)):
        predict().compute(bad, model)
    with pytest.raises(ValueError, match="features"):
        predict().compute(x[:, :3].copy(), model)  # the model's features differ: the JVM says so
    assert len(here) == 3


def test_naive_bayes_training_and_labels_on_large_float64_arrays_are_computed_in_python_as_the_jvm_does(
        monkeypatch):
    from daal4j import _kernels
    here = []
    for name in ("class_sums", "naive_bayes_labels"):
        real = getattr(_kernels, name)
        monkeypatch.setattr(_kernels, name, lambda *a, real=real, name=name: here.append(name) or real(*a))
    monkeypatch.setattr(_core, "INCOMING_BYTES", 1 << 20)
    rng = np.random.default_rng(8)
    labels = rng.integers(0, 5, (ROWS, 1)).astype(np.float64)
    counts = rng.poisson(2.0 + labels, (ROWS, 6)).astype(np.float64)  # 5 classes: a dgemm
    local = d4p.multinomial_naive_bayes_training(5).compute(counts, labels).model
    predicted = d4p.multinomial_naive_bayes_prediction(5).compute(counts, local)
    assert here == ["class_sums", "naive_bayes_labels"]
    monkeypatch.setenv("DAAL4J_PYTHON_KERNELS", "0")
    jvm = d4p.multinomial_naive_bayes_training(5).compute(counts, labels).model
    jvm_predicted = d4p.multinomial_naive_bayes_prediction(5).compute(counts, jvm)
    monkeypatch.delenv("DAAL4J_PYTHON_KERNELS")
    for f in ("LogP", "LogTheta"):
        np.testing.assert_array_equal(getattr(local, f), getattr(jvm, f), err_msg=f)
    np.testing.assert_array_equal(predicted.prediction, jvm_predicted.prediction)
    assert repr(predicted) == repr(jvm_predicted) and predicted.probabilities is None
    scores = counts @ local.LogTheta.T + local.LogP.reshape(-1)
    np.testing.assert_array_equal(predicted.prediction[:, 0], scores.argmax(axis=1))
    both_kinds = d4p.multinomial_naive_bayes_prediction(
        5, resultsToEvaluate="computeClassLabels|computeClassProbabilities").compute(counts, local)
    np.testing.assert_array_equal(both_kinds.prediction, predicted.prediction)  # the JVM's path, the same labels
    assert len(here) == 2
    bad = labels.copy()
    bad[ROWS - 4, 0] = 7
    with pytest.raises(ValueError, match="labels: 7.0 at row %d " % (ROWS - 4)):
        d4p.multinomial_naive_bayes_training(5).compute(counts, bad)
    negative = counts.copy()
    negative[ROWS - 9, 5] = -1
    with pytest.raises(ValueError, match="data: -1.0 at row %d, column 5 " % (ROWS - 9)):
        d4p.multinomial_naive_bayes_prediction(5).compute(negative, local)
