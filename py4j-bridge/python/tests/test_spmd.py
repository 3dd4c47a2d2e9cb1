"""daal4py-style SPMD scripts (examples/, only the import changed) under `mpirun -n 2` and
`-n 4`, and as one plain process; errors on one rank end every rank, without a hang."""
import os

import pytest

from conftest import EXAMPLES, java_has, mpi_available, mpirun, run_python

# script -> the facade factory it needs (algorithms land one by one)
SCRIPTS = {
    "low_order_moments_spmd.py": "lowOrderMoments",
    "covariance_spmd.py": "covariance",
    "kmeans_spmd.py": "kmeans",
    "linear_regression_spmd.py": "linearRegressionTraining",
    "ridge_regression_spmd.py": "ridgeRegressionTraining",
    "naive_bayes_spmd.py": "multinomialNaiveBayesTraining",
    "qr_spmd.py": "qr",
    "svd_spmd.py": "svd",
    "pca_spmd.py": "pca",
}

needs_mpi = pytest.mark.skipif(not mpi_available(), reason="needs mpirun and Open MPI's mpi.jar (scripts/setup)")


def _needs(script):
    if not java_has(SCRIPTS[script]):
        pytest.skip("Daal4j.%s is not in this build of the toolkit" % SCRIPTS[script])


def _ok(p, ranks):
    out = p.stdout + p.stderr
    assert p.returncode == 0, out
    for r in range(ranks):
        assert "rank %d OK" % r in p.stdout, out


def test_every_algorithm_has_an_example():
    assert sorted(f for f in os.listdir(EXAMPLES) if f.endswith("_spmd.py")) == sorted(SCRIPTS)


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_example_as_one_process(script):
    _needs(script)
    _ok(run_python(script), 1)


@needs_mpi
@pytest.mark.parametrize("ranks", [2, 4])
@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_example_under_mpirun(script, ranks):
    _needs(script)
    _ok(mpirun(ranks, script), ranks)


# every row-aligned array input is read while the JVM computes (Bridge.computeFromProcess)
INCOMING = {"DAAL4J_INCOMING_BYTES": "0"}


@needs_mpi
@pytest.mark.parametrize("transfer", ["direct", "shared"])
@pytest.mark.parametrize("script", ["low_order_moments_spmd.py", "covariance_spmd.py", "linear_regression_spmd.py",
                                    "ridge_regression_spmd.py", "naive_bayes_spmd.py"])
def test_example_under_mpirun_with_inputs_crossing_while_computing(script, transfer):
    _needs(script)
    _ok(mpirun(2, script, env=dict(INCOMING, DAAL4J_TRANSFER=transfer)), 2)


EACH_RANK_SAYS_HOW_ITS_JVM_READS = """
import numpy as np
import daal4j as d4p
from daal4j import _gateway
d4p.daalinit()
x = np.random.default_rng(d4p.my_procid()).standard_normal((300_000, 4))
m = d4p.low_order_moments(distributed=True).compute(x).mean
s = _gateway.session()
print("rank %d direct=%s %s" % (d4p.my_procid(), s.direct(), s.direct_problem), flush=True)
"""


@needs_mpi
def test_each_ranks_jvm_reads_its_own_pythons_memory(tmp_path):
    script = tmp_path / "direct.py"
    script.write_text(EACH_RANK_SAYS_HOW_ITS_JVM_READS)
    p = mpirun(2, str(script), timeout=120)
    assert p.returncode == 0, p.stdout + p.stderr
    for r in range(2):
        assert "rank %d direct=True None" % r in p.stdout, p.stdout + p.stderr


BAD_FILE_ON_RANK_1 = """
import sys
import numpy as np
import daal4j as d4p
d4p.daalinit()
r = d4p.my_procid()
data = "/no/such/file_%d.csv" % r if r == 1 else np.random.rand(10, 3)
try:
    d4p.low_order_moments(distributed=True).compute(data)
except ValueError as e:
    # one write per line: under PYTHONUNBUFFERED print writes the newline apart, and two ranks interleave
    sys.stdout.write("rank %d raised ValueError: %s\\n" % (r, e))
    sys.stdout.flush()
    raise
print("rank %d went on" % r, flush=True)
"""

PYTHON_ERROR_ON_RANK_1 = """
import numpy as np
import daal4j as d4p
d4p.daalinit()
if d4p.my_procid() == 1:
    raise RuntimeError("rank 1 gives up")
d4p.low_order_moments(distributed=True).compute(np.random.rand(10, 3))
print("rank %d went on" % d4p.my_procid(), flush=True)
"""


@needs_mpi
@pytest.mark.parametrize("ranks", [2, 4])
def test_bad_input_on_one_rank_raises_the_same_error_on_every_rank(ranks, tmp_path):
    script = tmp_path / "bad.py"
    script.write_text(BAD_FILE_ON_RANK_1)
    p = mpirun(ranks, str(script), timeout=120)
    assert p.returncode != 0
    for r in range(ranks):
        assert "rank %d raised ValueError: rank 1: /no/such/file_1.csv: no such file" % r in p.stdout, p.stdout + p.stderr
    assert "went on" not in p.stdout and "Py4J" not in p.stdout + p.stderr


NAN_ON_RANK_1 = """
import sys
import numpy as np
import daal4j as d4p
d4p.daalinit()
r = d4p.my_procid()
data = np.random.default_rng(r).standard_normal((400_000, 3))  # several chunks of the JVM
if r == 1:
    data[399_990, 2] = np.nan
try:
    d4p.covariance(distributed=True).compute(data)
except ValueError as e:
    # one write per line: under PYTHONUNBUFFERED print writes the newline apart, and two ranks interleave
    sys.stdout.write("rank %d raised ValueError: %s\\n" % (r, e))
    sys.stdout.flush()
    raise
print("rank %d went on" % r, flush=True)
"""


@needs_mpi
def test_bad_values_in_a_late_chunk_on_one_rank_fail_every_rank_alike(tmp_path):
    script = tmp_path / "nan.py"
    script.write_text(NAN_ON_RANK_1)
    messages = []
    for env in ({}, INCOMING):
        p = mpirun(2, str(script), timeout=120, env=env)
        assert p.returncode != 0
        lines = sorted(l.split(" raised ValueError: ", 1) for l in p.stdout.splitlines() if " raised ValueError: " in l)
        assert [l[0] for l in lines] == ["rank 0", "rank 1"], p.stdout + p.stderr
        assert lines[0][1] == lines[1][1] and lines[0][1].startswith("rank 1: ") and "399990" in lines[0][1], lines
        messages.append(lines[0][1])
    assert messages[0] == messages[1], "the same message with and without the incoming path"


@needs_mpi
def test_a_python_error_on_one_rank_ends_the_job(tmp_path):
    script = tmp_path / "dies.py"
    script.write_text(PYTHON_ERROR_ON_RANK_1)
    p = mpirun(4, str(script), timeout=120)  # the others wait in the collective: mpirun must end them
    assert p.returncode != 0
    assert "RuntimeError: rank 1 gives up" in p.stderr
    assert "went on" not in p.stdout


SLEEPER = """
import time
import numpy as np
import daal4j as d4p
from daal4j import _gateway
d4p.low_order_moments(distributed=True).compute(np.random.rand(10, 3))
print("jvm", _gateway.session().process.pid, flush=True)
time.sleep(120)
"""


@needs_mpi
def test_ctrl_c_on_mpirun_leaves_no_jvm(tmp_path):
    import signal
    import subprocess
    import sys
    import time
    from test_bridge import _alive
    script = tmp_path / "sleeper.py"
    script.write_text(SLEEPER)
    env = dict(os.environ, PYTHONPATH=os.path.dirname(EXAMPLES), OMPI_ALLOW_RUN_AS_ROOT="1",
               OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    p = subprocess.Popen(["mpirun", "--oversubscribe", "-n", "2", sys.executable, str(script)],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    jvms = []
    while len(jvms) < 2:
        line = p.stdout.readline()
        assert line, "mpirun ended early"
        if line.startswith("jvm "):
            jvms.append(int(line.split()[1]))
    p.send_signal(signal.SIGINT)
    p.communicate(timeout=60)
    deadline = time.time() + 15
    while any(_alive(j) for j in jvms) and time.time() < deadline:
        time.sleep(0.1)
    assert not any(_alive(j) for j in jvms)
