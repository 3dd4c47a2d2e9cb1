"""Shared fixtures: a private install of the "Java (daal4j)" kernel spec and kernel helpers.

The kernel spec is installed into a temporary prefix (not the user's Jupyter) by the same
install-kernel script the README runs, so the tests exercise exactly what users get.
"""
import os
import re
import subprocess
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
KERNEL_NAME = "daal4j"


@pytest.fixture(scope="session")
def jupyter_path(tmp_path_factory):
    prefix = tmp_path_factory.mktemp("jupyter-prefix")
    subprocess.run([str(REPO / "notebook-kernel" / "install-kernel"), "--prefix", str(prefix)],
                   check=True)
    path = str(prefix / "share" / "jupyter")
    old = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = path + (os.pathsep + old if old else "")
    yield path
    if old is None:
        os.environ.pop("JUPYTER_PATH", None)
    else:
        os.environ["JUPYTER_PATH"] = old


class Kernel:
    """A started daal4j kernel and the outputs of the cells run on it."""

    def __init__(self, km, kc):
        self.km, self.kc = km, kc

    def run(self, code, timeout=180, interrupt_after=None, on_output=None):
        """Runs a cell; returns (status, stdout, stderr, error, results) as the notebook saw them."""
        out, err, results, error = [], [], [], {}

        def hook(msg):
            t, c = msg["msg_type"], msg["content"]
            if t == "stream":
                (out if c["name"] == "stdout" else err).append(c["text"])
                if on_output:
                    on_output("".join(out))
            elif t in ("execute_result", "display_data"):
                results.append(c["data"])
            elif t == "error":
                error.update(ename=c["ename"], evalue=c["evalue"])

        timer = None
        if interrupt_after is not None:
            import threading
            timer = threading.Timer(interrupt_after, self.km.interrupt_kernel)
            timer.start()
        try:
            reply = self.kc.execute_interactive(code, output_hook=hook, timeout=timeout)
        finally:
            if timer:
                timer.cancel()
        return Cell(reply["content"]["status"], "".join(out), "".join(err), error, results)

    def ok(self, code, **kw):
        cell = self.run(code, **kw)
        assert cell.status == "ok", f"cell failed: {cell.error}\nstdout:\n{cell.out}\nstderr:\n{cell.err}"
        return cell

    def rank_pids(self):
        status = self.ok("%daal4j status").out
        m = re.search(r"rank pids: \{([^}]*)\}", status)
        assert m, status
        return {int(k): int(v) for k, v in (p.split("=") for p in m.group(1).split(", "))}

    @property
    def pid(self):
        return self.km.provisioner.process.pid


class Cell:
    def __init__(self, status, out, err, error, results):
        self.status, self.out, self.err, self.error, self.results = status, out, err, error, results

    def lines(self, rank):
        """The stdout lines tagged with `rank`, without the tag."""
        tag = f"[rank {rank}] "
        return [l[len(tag):] for l in self.out.splitlines() if l.startswith(tag)]


@pytest.fixture
def kernel(jupyter_path):
    from jupyter_client.manager import start_new_kernel
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=180)
    k = Kernel(km, kc)
    yield k
    kc.stop_channels()
    if km.is_alive():
        km.shutdown_kernel(now=False)


def alive(pid):
    """Whether process `pid` exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False


def descendants(pid):
    """Pids of every live process below `pid`."""
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid="], capture_output=True, text=True).stdout
    children = {}
    for line in out.splitlines():
        p, pp = map(int, line.split())
        children.setdefault(pp, []).append(p)
    found, todo = [], [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            if alive(c):
                found.append(c)
                todo.append(c)
    return found


def wait_gone(pids, seconds=20):
    """Waits until none of `pids` is alive; returns those still alive."""
    deadline = time.time() + seconds
    left = [p for p in pids if alive(p)]
    while left and time.time() < deadline:
        time.sleep(0.2)
        left = [p for p in left if alive(p)]
    return left
