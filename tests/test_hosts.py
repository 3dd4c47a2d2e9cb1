"""daal4j across machines: three network-namespace hosts (scripts/hosts), each with its own
address, hostname and sshd; Open MPI starts ranks on them over ssh and moves data over TCP.
Results across hosts equal the one-rank results; a lost rank, a cut link and an unreachable host
each end the run with a clear error, leave nothing running on any host and touch no input."""
import hashlib
import os
import re
import subprocess
import sys
import threading
import time

import numpy as np
import pytest

from conftest import REPO, run

LAUNCHER = os.path.join(REPO, "bin", "daal4j")
TEST_CLASSES = os.path.join(REPO, "toolkit", "target", "test-classes")
PYTHON_PACKAGE = os.path.join(REPO, "py4j-bridge", "python")
MAIN = "daal4j.testing.mains.AcrossHosts"
PARTS = 6


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    """Ten seeded blobs in 6 columns and two linear responses: whole (one/x0.csv) and in six parts."""
    if not os.path.isdir(os.path.join(TEST_CLASSES, "daal4j", "testing", "mains")):
        pytest.fail("the toolkit's test classes are missing: run mvn package (scripts/test does)")
    root = tmp_path_factory.mktemp("hosts-data")  # the hosts share this machine's files
    rng = np.random.default_rng(3)
    centers = rng.normal(0, 10, (10, 6))
    X = np.vstack([c + rng.normal(0, 1, (240, 6)) for c in centers])
    rng.shuffle(X)
    Y = X @ rng.normal(0, 1, (6, 2)) + rng.normal(0, 0.1, (len(X), 2))
    for name, parts in (("one", 1), ("six", PARTS)):
        os.makedirs(root / name)
        for i, (x, y) in enumerate(zip(np.array_split(X, parts), np.array_split(Y, parts))):
            np.savetxt(root / name / ("x%d.csv" % i), x, delimiter=",", fmt="%.17g")
            np.savetxt(root / name / ("y%d.csv" % i), y, delimiter=",", fmt="%.17g")
    return {"one": str(root / "one"), "six": str(root / "six"), "X": X, "Y": Y}


def launcher(hosts, args, mpirun_args="", timeout=300):
    env = dict(hosts.env, CLASSPATH=TEST_CLASSES, MPIRUN_ARGS=mpirun_args)
    return run([LAUNCHER, "run"] + args, env=env, timeout=timeout)


def results(output):
    """{rank: {name: values}} from the RESULT lines."""
    out = {}
    for line in output.splitlines():
        if line.startswith("RESULT "):
            _, rank, name, *values = line.split()
            out.setdefault(int(rank.split("/")[0]), {})[name] = np.array(values, dtype=float)
    return out


def ranks_by_host(output):
    return sorted(tuple(line.split()[1:3]) for line in output.splitlines() if line.startswith("HOST "))


def assert_same(reference, across, tol=1e-10):
    for rank, got in across.items():
        assert sorted(got) == sorted(reference), "rank %d printed %s" % (rank, sorted(got))
        for name, want in reference.items():
            err = np.max(np.abs(got[name] - want) / (1 + np.abs(want)))
            assert err <= tol, "rank %d: %s differs from one rank by %.3g" % (rank, name, err)


def digest(directory):
    h = hashlib.sha256()
    for f in sorted(os.listdir(directory)):
        with open(os.path.join(directory, f), "rb") as fh:
            h.update(f.encode() + fh.read())
    return h.hexdigest()


def test_java_on_three_hosts_equals_one_rank_over_tcp(hosts, data):
    one = launcher(hosts, ["-n", "1", MAIN, data["one"]])
    assert one.returncode == 0, one.stdout + one.stderr
    reference = results(one.stdout)[0]
    # btl_base_verbose: Open MPI says which paths its TCP transport takes between the hosts
    six = launcher(hosts, ["-n", "6", "--hostfile", hosts.hostfile, MAIN, data["six"]],
                   mpirun_args="--mca btl_base_verbose 30")
    out = six.stdout + six.stderr
    assert six.returncode == 0, out
    assert ranks_by_host(six.stdout) == [(str(r), hosts.names[r // 2]) for r in range(6)], out
    paths = set(re.findall(r"btl:tcp: path from (10\.213\.0\.\d+) to (10\.213\.0\.\d+)", out))
    for a in hosts.addresses:
        for b in hosts.addresses:
            assert a == b or (a, b) in paths, "no TCP path from %s to %s in Open MPI's log" % (a, b)
    across = results(six.stdout)
    assert sorted(across) == list(range(6))
    assert_same(reference, across)
    # and one rank agrees with NumPy
    np.testing.assert_allclose(reference["moments.mean"], data["X"].mean(axis=0), rtol=1e-12)
    np.testing.assert_allclose(reference["covariance.covariance"].reshape(6, 6), np.cov(data["X"].T), rtol=1e-10)
    # daal4py's default interceptFlag is False: Beta's column 0 is 0
    beta = np.hstack([np.zeros((2, 1)), np.linalg.lstsq(data["X"], data["Y"], rcond=None)[0].T])
    np.testing.assert_allclose(reference["linearRegression.Beta"].reshape(2, 7), beta, rtol=1e-8, atol=1e-10)
    assert hosts.wait_clean() == {}


def test_hosts_share_no_memory(hosts, data):
    """Without TCP the ranks of different hosts cannot reach each other: they are apart for real.
    (Open MPI may leave ranks waiting after that error: the collective timeout ends them.)"""
    p = launcher(hosts, ["-n", "6", "--hostfile", hosts.hostfile, "--timeout", "10", MAIN, data["six"]],
                 mpirun_args="--mca btl vader,self", timeout=120)
    assert p.returncode != 0
    assert "unable to reach each other" in p.stdout + p.stderr
    assert hosts.wait_clean() == {}


def test_python_script_under_mpirun_across_hosts(hosts, data, tmp_path):
    script = os.path.join(REPO, "tests", "hosts_script.py")
    env = dict(hosts.env, PYTHONPATH=PYTHON_PACKAGE)
    one = run([sys.executable, script, data["one"]], env=env, cwd=str(tmp_path))
    assert one.returncode == 0, one.stdout + one.stderr
    cmd = ["mpirun", "--allow-run-as-root", "--hostfile", hosts.hostfile, "-n", "6",
           "-x", "PATH", "-x", "PYTHONPATH", sys.executable, script, data["six"]]
    six = run(cmd, env=env, cwd=str(tmp_path))
    assert six.returncode == 0, six.stdout + six.stderr
    assert ranks_by_host(six.stdout) == [(str(r), hosts.names[r // 2]) for r in range(6)]
    across = results(six.stdout)
    assert sorted(across) == list(range(6))
    assert_same(results(one.stdout)[0], across)
    assert hosts.wait_clean() == {}


class Job:
    """A slow k-means across the hosts, its output read as it comes, with the time of each line."""

    def __init__(self, hosts, data, timeout_s):
        env = dict(os.environ, **hosts.env, CLASSPATH=TEST_CLASSES, MPIRUN_ARGS="")
        self.before = digest(data["six"])
        self.lines = []
        self.process = subprocess.Popen(
            [LAUNCHER, "run", "-n", "6", "--hostfile", hosts.hostfile, "--timeout", str(timeout_s), MAIN,
             data["six"], "slow"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=REPO)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append((time.time(), line.rstrip("\n")))

    def wait_for_iterations(self, n, seconds=120):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if sum(1 for _, l in self.lines if l.startswith("ITERATION 5 ")) >= n:
                return
            assert self.process.poll() is None, self.text()
            time.sleep(0.1)
        raise AssertionError("k-means did not reach %d iterations:\n%s" % (n, self.text()))

    def end(self, seconds):
        try:
            self.process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise AssertionError("the job was still running %d s after the fault:\n%s" % (seconds, self.text()))
        self.reader.join(10)
        return time.time()

    def text(self):
        return "\n".join(l for _, l in self.lines if not l.startswith("ITERATION"))


def assert_survivors_told(job, lost_host, hosts):
    """Survivors say they were ended, and by whom. Open MPI's teardown can drop a rank's last
    line (its daemon exits before forwarding it), so not every survivor's line is required."""
    told = [rank for rank in range(6) if re.search(
        r"daal4j: rank %d on host %s was ended by mpirun after collective #\d+" % (rank, hosts.names[rank // 2]),
        job.text())]
    assert told and all(hosts.names[r // 2] != lost_host for r in told), job.text()
    assert "Exception" not in job.text(), job.text()


def test_a_hosts_ranks_killed_mid_kmeans(hosts, data):
    job = Job(hosts, data, timeout_s=60)
    job.wait_for_iterations(10)
    start = time.time()
    for pid, comm in hosts.processes("d4j-h2"):
        if comm == "java":
            os.kill(pid, 9)
    ended = job.end(60)
    print("\nranks of d4j-h2 killed: the job ended after %.1f s" % (ended - start))
    assert job.process.returncode != 0
    assert re.search(r"mpirun noticed that process rank [23] with PID \d+ on node 10\.213\.0\.12 exited on signal 9",
                     job.text()), job.text()
    assert_survivors_told(job, "d4j-h2", hosts)
    assert hosts.wait_clean() == {}
    assert digest(data["six"]) == job.before


def test_a_hosts_link_cut_mid_kmeans(hosts, data):
    job = Job(hosts, data, timeout_s=60)
    job.wait_for_iterations(10)
    start = time.time()
    hosts.link("d4j-h2", "down")
    try:
        ended = job.end(60)  # within the collective timeout
        print("\nlink of d4j-h2 cut: the job ended after %.1f s" % (ended - start))
        assert job.process.returncode != 0
        text = job.text()
        assert "ORTE has lost communication with a remote daemon" in text, text
        assert re.search(r"Remote daemon: \S+ on node 10\.213\.0\.12", text), text
        assert_survivors_told(job, "d4j-h2", hosts)
        # the cut-off host ends its own daemon and ranks (keepalives, then sshd's ClientAlive)
        left = hosts.wait_clean(30)
        print("cut-off host clean after %.1f s" % (time.time() - start))
        assert left == {}
    finally:
        hosts.link("d4j-h2", "up")
    assert digest(data["six"]) == job.before


def test_an_unreachable_host_at_start(hosts, data, tmp_path):
    bad = tmp_path / "hostfile"
    bad.write_text("10.213.0.11 slots=2\n10.213.0.99 slots=2\n10.213.0.13 slots=2\n")
    start = time.time()
    p = launcher(hosts, ["-n", "6", "--hostfile", str(bad), MAIN, data["six"]], timeout=120)
    took = time.time() - start
    print("\nunreachable host: the launcher stopped after %.1f s: %s" % (took, p.stderr.strip()))
    assert p.returncode == 2
    lines = [l for l in p.stderr.splitlines() if l.strip()]
    assert len(lines) == 1 and "10.213.0.99" in lines[0] and "No route to host" in lines[0], p.stderr
    assert "HOST" not in p.stdout and took < 30
    # mpirun alone (no launcher check) also ends, before any rank starts, naming the host
    env = dict(hosts.env, CLASSPATH=TEST_CLASSES, DAAL4J_NO_HOST_CHECK="1")
    start = time.time()
    p = run([LAUNCHER, "run", "-n", "6", "--hostfile", str(bad), MAIN, data["six"]], env=env, timeout=120)
    print("unreachable host, mpirun alone: ended after %.1f s" % (time.time() - start))
    assert p.returncode != 0 and "HOST" not in p.stdout
    assert "ssh: connect to host 10.213.0.99 port 22: No route to host" in p.stdout + p.stderr
    assert hosts.wait_clean() == {}


def test_the_collective_timeout_holds_across_hosts(hosts, data):
    """A rank that never arrives is named, with its host, after -Ddaal4j.timeout seconds."""
    start = time.time()
    p = launcher(hosts, ["-n", "6", "--hostfile", hosts.hostfile, "--timeout", "5",
                         "daal4j.testing.mains.Failures", "never-arrives", "5", "600"], timeout=120)
    took = time.time() - start
    out = p.stdout + p.stderr
    print("\nrank 5 never arrives, timeout 5 s: ended after %.1f s" % took)
    assert p.returncode != 0
    assert re.search(r"timed out after 5 s in collective #1 on rank \d: rank 5 never arrived \(on host d4j-h3; ", out), out
    assert took < 40
    assert hosts.wait_clean() == {}
