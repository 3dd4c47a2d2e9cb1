"""The bridge itself: binary transfer of every input kind, errors, printing, JVM lifecycle."""
import gc
import os
import re
import signal
import subprocess
import sys
import textwrap
import time

import numpy as np
import pandas as pd
import pytest

from conftest import PYTHON_DIR, data

import daal4j as d4p
from daal4j import _core, _gateway


def roundtrip(value):
    """value -> Java Matrix -> numpy, through the shared file both ways."""
    return _core._value(_core.to_java(value))


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.int32, np.int64, np.uint8, np.int8, np.bool_])
@pytest.mark.parametrize("order", ["C", "F"])
@pytest.mark.usefixtures("transfer")
def test_arrays_of_every_numeric_dtype_and_order_cross_exactly(dtype, order):
    a = (np.random.default_rng(1).standard_normal((37, 5)) * 50).astype(dtype, order=order)
    back = roundtrip(a)
    assert back.dtype == np.float64 and back.shape == (37, 5)
    assert np.array_equal(back, a.astype(np.float64))


def test_java_sees_the_values_numpy_sent():
    a = np.random.default_rng(2).standard_normal((20, 3))
    m = _core.to_java(a)
    assert (m.rows(), m.cols()) == (20, 3)
    for i, j in [(0, 0), (7, 2), (19, 1)]:
        assert m.get(i, j) == a[i, j]  # read element by element over Py4J: an independent route


@pytest.mark.usefixtures("transfer")
def test_views_slices_1d_lists_and_empty():
    a = np.arange(60.0).reshape(12, 5)
    assert np.array_equal(roundtrip(a[::3, 1:4]), a[::3, 1:4])
    assert np.array_equal(roundtrip(a[:, 2]), a[:, 2:3])  # 1-d is one column
    assert np.array_equal(roundtrip([[1, 2], [3, 4]]), np.array([[1.0, 2.0], [3.0, 4.0]]))
    assert roundtrip(np.zeros((0, 4))).shape == (0, 4)


@pytest.mark.usefixtures("transfer")
def test_large_array_crosses_in_binary():
    a = np.random.default_rng(3).standard_normal((300_000, 20))  # 48 MB: element by element would take hours
    t = time.perf_counter()
    back = roundtrip(a)
    assert np.array_equal(back, a)
    assert time.perf_counter() - t < 20


def test_dataframes_series_and_csv_paths():
    x = np.loadtxt(data("batch/covcormoments_dense.csv"), delimiter=",", usecols=range(10))
    df = pd.DataFrame(x, columns=["c%d" % i for i in range(10)])
    by_df = d4p.low_order_moments().compute(df)
    by_path = d4p.low_order_moments().compute(data("batch/covcormoments_dense.csv"))
    by_series = d4p.low_order_moments().compute(df["c3"])
    assert np.array_equal(by_df.mean, by_path.mean)
    assert np.allclose(by_series.mean, x[:, 3].mean())
    df["text"] = "x"
    with pytest.raises(ValueError, match="column\\(s\\) text are not numeric"):
        d4p.low_order_moments().compute(df)


def test_java_exceptions_become_python_ones_with_the_same_message():
    with pytest.raises(ValueError, match="no such file") as e:
        d4p.low_order_moments().compute("/no/such/file.csv")
    assert e.value.__cause__ is None and e.value.__suppress_context__  # no Py4J trace attached
    assert "py4j" not in str(e.value).lower()
    with pytest.raises(ValueError, match="unknown method 'bogus'"):
        d4p.low_order_moments(method="bogus")
    with pytest.raises(ValueError, match="has no parameter 'noSuchThing'"):
        d4p.low_order_moments(noSuchThing=1)
    with pytest.raises(ValueError, match="fptype"):
        d4p.low_order_moments(fptype="half")
    with pytest.raises(ValueError, match="dtype <U1"):
        d4p.low_order_moments().compute(np.array([["a", "b"]]))
    with pytest.raises(RuntimeError, match="streaming"):
        d4p.low_order_moments().finalize()


def test_fptype_and_method_keywords():
    x = np.random.default_rng(4).standard_normal((50, 3))
    for fptype in ("double", "float"):
        r = d4p.low_order_moments(fptype=fptype, method="defaultDense").compute(x)
        assert np.allclose(r.variance, x.var(axis=0, ddof=1))


def test_streaming_and_distributed_on_one_rank():
    x = np.random.default_rng(5).standard_normal((100, 4))
    algo = d4p.low_order_moments(streaming=True)
    for chunk in np.array_split(x, 4):
        assert algo.compute(chunk) is None
    streamed = algo.finalize()
    assert np.allclose(streamed.mean, x.mean(axis=0)) and np.allclose(streamed.maximum, x.max(axis=0))
    assert d4p.num_procs() == 1 and d4p.my_procid() == 0
    dist = d4p.low_order_moments(distributed=True).compute(x)
    assert np.array_equal(dist.mean, d4p.low_order_moments().compute(x).mean)


def test_results_print_like_daal4py():
    import daal4py
    x = np.random.default_rng(6).standard_normal((30, 3))
    ours = str(d4p.low_order_moments().compute(x))
    theirs = str(daal4py.low_order_moments().compute(x))
    strip = lambda s: re.sub(r"[-+0-9.e]+(?=[ \]\n])", "#", s)  # noqa: E731  numbers differ in the last digits
    assert strip(ours) == strip(theirs)
    assert "mean: array(\n  [[" in ours and "dtype=float64, shape=(1, 3))" in ours


def test_results_are_read_only_and_list_their_fields():
    r = d4p.low_order_moments().compute(np.eye(3))
    with pytest.raises(AttributeError, match="has no attribute 'centroids'"):
        r.centroids
    with pytest.raises(AttributeError):
        r.mean = 1
    assert "variance" in dir(r) and "low_order_moments_result" in repr(r)


def test_a_loop_of_computes_frees_each_result_in_the_jvm_without_the_cyclic_collector():
    # Py4J caches members on the objects it sends that point back to them; such a cycle kept every
    # QR's Q and input copy alive in the JVM until Python's cyclic collector happened to run
    x = np.random.default_rng(3).standard_normal((100_000, 50))  # 40 MB: Q and the input copy 80 MB
    s = _gateway.session()
    runtime = s.jvm.java.lang.Runtime.getRuntime()

    def jvm_used_mb():
        s.jvm.java.lang.System.gc()
        return (runtime.totalMemory() - runtime.freeMemory()) / 2**20

    gc.collect()
    before = jvm_used_mb()
    gc.disable()
    try:
        for _ in range(4):
            r = d4p.qr().compute(x)
            assert r.matrixQ.shape == (100_000, 50)
            del r
        after = jvm_used_mb()
    finally:
        gc.enable()
    assert after - before < 40, "the JVM still holds %.0f MB of results no Python object refers to" % (after - before)


LIFECYCLE = textwrap.dedent("""
    import os, signal, sys, time
    import numpy as np
    import daal4j as d4p
    from daal4j import _gateway
    d4p.low_order_moments().compute(np.eye(3))
    print(_gateway.session().process.pid, flush=True)
    how = sys.argv[1]
    if how == "error":
        raise ValueError("failing on purpose")
    if how == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    if how in ("sigint", "sigterm"):
        time.sleep(60)
""")


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open("/proc/%d/stat" % pid) as f:
        return f.read().split()[2] != "Z"


@pytest.mark.parametrize("how", ["normal", "error", "kill", "sigint", "sigterm"])
def test_the_jvm_never_outlives_python(how, tmp_path):
    script = tmp_path / "life.py"
    script.write_text(LIFECYCLE)
    env = dict(os.environ, PYTHONPATH=PYTHON_DIR)
    p = subprocess.Popen([sys.executable, str(script), how], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=env, text=True)
    jvm = int(p.stdout.readline())
    if how in ("sigint", "sigterm"):
        time.sleep(0.5)
        p.send_signal(signal.SIGINT if how == "sigint" else signal.SIGTERM)
    p.wait(timeout=60)
    if how == "error":
        err = p.stderr.read()
        assert "ValueError: failing on purpose" in err
    deadline = time.time() + 15
    while _alive(jvm) and time.time() < deadline:
        time.sleep(0.1)
    assert not _alive(jvm), "JVM %d outlived its Python parent (%s)" % (jvm, how)


def test_keyword_arguments_as_daal4py():
    x = np.random.default_rng(7).standard_normal((40, 3))
    assert np.array_equal(d4p.low_order_moments().compute(data=x).mean, d4p.low_order_moments().compute(x).mean)
    with pytest.raises(TypeError, match="unexpected keyword"):
        d4p.low_order_moments().compute(x, labels=x)


def test_threads_share_the_session_safely():
    from concurrent.futures import ThreadPoolExecutor
    arrays = [np.random.default_rng(i).standard_normal((2000 + i, 4)) for i in range(8)]
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda a: d4p.low_order_moments().compute(a), arrays))
    for a, r in zip(arrays, results):
        np.testing.assert_allclose(r.mean[0], a.mean(axis=0), rtol=1e-12)


WITHOUT_THE_READER = textwrap.dedent("""
    import numpy as np
    import daal4j as d4p
    from daal4j import _core, _gateway
    _core.INCOMING_BYTES = 0
    s = _gateway.session()
    x = np.random.default_rng(4).standard_normal((200_000, 5)) * [1, 2, 3, 4, 5] + 7
    r = d4p.covariance().compute(x)
    assert np.allclose(r.covariance, np.cov(x, rowvar=False), rtol=1e-10, atol=1e-12)
    q = d4p.qr().compute(x)
    assert np.allclose(q.matrixQ @ q.matrixR, x, rtol=1e-10, atol=1e-9)
    print("direct=%s because %s" % (s.direct(), s.direct_problem))
""")


def test_without_the_native_reader_inputs_take_the_shared_file(tmp_path):
    script = tmp_path / "fallback.py"
    script.write_text(WITHOUT_THE_READER)
    missing = tmp_path / "no-such-lib.so"
    env = dict(os.environ, PYTHONPATH=PYTHON_DIR, DAAL4J_JAVA_OPTS="-Ddaal4j.bridge.native=%s" % missing)
    p = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=120)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "direct=False because no %s" % missing in p.stdout, p.stdout


def test_an_unknown_transfer_is_an_error(monkeypatch):
    s = _gateway.session()
    monkeypatch.setattr(s, "_direct", None)
    monkeypatch.setenv("DAAL4J_TRANSFER", "carrier-pigeon")
    with pytest.raises(ValueError, match="DAAL4J_TRANSFER must be 'direct' or 'shared'"):
        s.direct()


def test_a_result_with_a_map_field_crosses_in_one_export(monkeypatch):
    from py4j import java_gateway
    x = np.random.default_rng(3).standard_normal((500, 4)) * [1.0, 2.0, 3.0, 4.0] + 7.0
    d4p.pca(method="svdDense").compute(x)  # parameter names and the path, asked once per algorithm
    commands = []
    real = java_gateway.GatewayConnection.send_command
    monkeypatch.setattr(java_gateway.GatewayConnection, "send_command",
                        lambda self, command: commands.append(command.split("\n")[:3]) or real(self, command))
    for results in ("mean|variance|eigenvalue", "mean"):
        commands.clear()
        r = d4p.pca(method="svdDense", resultsToCompute=results).compute(x)
        # the dict's entries come with the export: no call on a Java map (keySet, get …), none for the field
        calls = [c for c in commands if c[0] == "c"]
        assert all(c[1] == "t" for c in calls) and "attribute" not in [c[2] for c in calls], commands
        assert len(calls) <= 7, commands  # factory, two setters, input, its list, compute, export
        assert list(r.dataForTransform) == ["mean", "variance", "eigenvalue"]
        np.testing.assert_allclose(r.dataForTransform["mean"], x.mean(axis=0, keepdims=True), rtol=1e-13)
    assert r.dataForTransform["variance"] is None and r.dataForTransform["eigenvalue"] is None
    full = d4p.pca(method="svdDense", resultsToCompute="mean|variance|eigenvalue").compute(x)
    np.testing.assert_allclose(full.dataForTransform["variance"], x.var(axis=0, ddof=1, keepdims=True), rtol=1e-12)
    np.testing.assert_array_equal(full.dataForTransform["eigenvalue"], full.eigenvalues)
