"""Shared set-up of the launcher and multi-host tests: the repository, commands with a time
limit, and the network-namespace hosts of scripts/hosts (torn down even when a test fails)."""
import os
import shutil
import subprocess
import time

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOSTS = os.path.join(REPO, "scripts", "hosts")
HOSTS_DIR = "/run/daal4j-hosts-test"
# scripts/test sets this: a machine where the hosts cannot be made fails instead of skipping
REQUIRE_HOSTS = os.environ.get("DAAL4J_REQUIRE_HOSTS") == "1"


def run(cmd, timeout=300, env=None, cwd=REPO, check=False):
    """Runs a command, output captured as text; env adds to this process's environment."""
    e = dict(os.environ)
    e.update(env or {})
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=e, cwd=cwd)
    if check and p.returncode != 0:
        raise AssertionError("%s exited with %d\n%s%s" % (cmd, p.returncode, p.stdout, p.stderr))
    return p


def hosts_missing():
    """Why the namespace hosts cannot be made here, or None."""
    if os.geteuid() != 0:
        return "network namespaces need root"
    for tool, package in (("ip", "iproute2"), ("mpirun", "openmpi-bin"), ("ssh", "openssh-client")):
        if shutil.which(tool) is None:
            return "%s is not installed (Debian: %s; scripts/setup installs it)" % (tool, package)
    if not os.path.exists("/usr/sbin/sshd"):
        return "sshd is not installed (Debian: openssh-server; scripts/setup installs it)"
    return None


class Hosts:
    """Three test hosts of two slots each, and the environment mpirun needs to reach them."""

    def __init__(self, count):
        self.count = count
        self.env = {"DAAL4J_HOSTS_DIR": HOSTS_DIR}
        self.hostfile = os.path.join(HOSTS_DIR, "hostfile")
        self.addresses = ["10.213.0.%d" % (10 + i) for i in range(1, count + 1)]
        self.names = ["d4j-h%d" % i for i in range(1, count + 1)]

    def up(self):
        run([HOSTS, "up", str(self.count)], env=self.env, timeout=120, check=True)
        with open(os.path.join(HOSTS_DIR, "env")) as f:
            for line in f:
                if line.startswith("export "):
                    k, v = line[len("export "):].strip().split("=", 1)
                    self.env[k] = v.strip('"')

    def down(self):
        run([HOSTS, "down"], env=self.env, timeout=120)

    def processes(self, name):
        """The commands running on a host, its sshd daemon left out."""
        pids = run(["ip", "netns", "pids", name]).stdout.split()
        with open(os.path.join(HOSTS_DIR, name + ".sshd.pid")) as f:
            daemon = f.read().strip()
        out = []
        for pid in pids:
            if pid != daemon:
                try:
                    with open("/proc/%s/comm" % pid) as f:
                        out.append((int(pid), f.read().strip()))
                except OSError:
                    pass  # ended while we looked
        return out

    def wait_clean(self, seconds=30):
        """Waits until no host runs anything but its sshd; returns what is left on each after the wait."""
        deadline = time.time() + seconds
        while True:
            left = {n: self.processes(n) for n in self.names}
            if not any(left.values()) or time.time() > deadline:
                return {n: p for n, p in left.items() if p}
            time.sleep(0.5)

    def link(self, name, state):
        run(["ip", "-n", name, "link", "set", "eth0", state], check=True)


@pytest.fixture(scope="session")
def hosts():
    why = hosts_missing()
    if why:
        if REQUIRE_HOSTS:
            pytest.fail("multi-host tests are required (DAAL4J_REQUIRE_HOSTS=1) but " + why)
        pytest.skip(why)
    h = Hosts(3)
    try:
        h.up()
        yield h
    finally:
        h.down()
