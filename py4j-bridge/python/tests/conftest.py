"""Test setup: import daal4j from this source tree (no pip install needed) and run scripts under mpirun."""
import os
import shutil
import subprocess
import sys

import pytest

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO = os.path.dirname(os.path.dirname(PYTHON_DIR))
DATA = os.path.join(REPO, "data", "daal4py-examples")
EXAMPLES = os.path.join(PYTHON_DIR, "examples")

if PYTHON_DIR not in sys.path:
    sys.path.insert(0, PYTHON_DIR)


def data(path):
    """A file of daal4py's example data."""
    return os.path.join(DATA, path)


def java_has(factory):
    """Whether the toolkit on the class path has the facade factory (algorithms land one by one)."""
    from daal4j import _gateway
    return len(list(_gateway.session().bridge.facadeParameters(factory))) > 0


def needs(factory):
    """Fails a test whose algorithm is missing from the toolkit: all nine are in it."""
    if not java_has(factory):
        pytest.fail("Daal4j.%s is not in this build of the toolkit" % factory)


@pytest.fixture(params=["direct", "shared"])
def transfer(request, monkeypatch):
    """Runs a test twice: the JVM reading the arrays from this process's memory, then through
    the shared file (the fallback where Linux does not allow that read)."""
    from daal4j import _gateway
    s = _gateway.session()
    if request.param == "direct":
        assert s.direct(), "the JVM cannot read this process's memory: %s" % s.direct_problem
    else:
        monkeypatch.setattr(s, "_direct", False)
    return request.param


def mpi_available():
    """Whether mpirun, Open MPI's mpi.jar and the toolkit's Open MPI engine are all here."""
    import glob
    import zipfile
    from daal4j import _gateway
    if shutil.which("mpirun") is None:
        return False
    if not ([j for j in os.listdir(_gateway._JARS) if j.startswith("mpi-")] or _gateway._mpi_jar()):
        return False
    engine = "daal4j/spmd/mpi/MpiTransportProvider.class"
    return any(engine in zipfile.ZipFile(j).namelist()
               for j in glob.glob(os.path.join(_gateway._JARS, "daal4j-toolkit-*.jar")))


def mpirun(n, script, *args, timeout=300, env=None):
    """Runs `mpirun -n N python script args…` and returns the completed process (output captured)."""
    cmd = ["mpirun", "--oversubscribe", "-n", str(n), sys.executable, script] + list(args)
    e = dict(os.environ, PYTHONPATH=PYTHON_DIR + os.pathsep + os.environ.get("PYTHONPATH", ""),
             DAAL4J_DATA=DATA, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1",
             OMPI_MCA_rmaps_base_oversubscribe="1")
    e.update(env or {})
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=e, cwd=EXAMPLES)


def run_python(script, *args, timeout=300, env=None):
    """Runs one plain Python process (no mpirun) on a script."""
    e = dict(os.environ, PYTHONPATH=PYTHON_DIR + os.pathsep + os.environ.get("PYTHONPATH", ""), DAAL4J_DATA=DATA)
    e.update(env or {})
    return subprocess.run([sys.executable, script] + list(args), capture_output=True, text=True,
                          timeout=timeout, env=e, cwd=EXAMPLES)
