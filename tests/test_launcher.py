"""The README's first command on a bare machine: a fresh copy of the project and a local Maven
repository with no Open MPI bindings (as before scripts/setup ever ran). The launcher builds
the toolkit without its MPI engine, the examples print their results, and every way the
launcher and scripts fail is one line saying what is wrong and what to run."""
import os
import shutil
import subprocess

import numpy as np
import pytest

from conftest import REPO, run

M2 = os.environ.get("MAVEN_REPO_LOCAL", os.path.expanduser("~/.m2/repository"))


@pytest.fixture(scope="module")
def bare(tmp_path_factory):
    """A copy of the project's files (no build output) and a Maven repository without org/open-mpi."""
    root = tmp_path_factory.mktemp("bare")
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=REPO, capture_output=True,
                           text=True, check=True).stdout.split("\n")
    project = root / "daal4j"
    for f in files:
        if f and os.path.isfile(os.path.join(REPO, f)) and "/target/" not in "/" + f:
            os.makedirs(project / os.path.dirname(f), exist_ok=True)
            shutil.copy2(os.path.join(REPO, f), project / f, follow_symlinks=False)
    if not os.path.isdir(M2):
        pytest.fail("no local Maven repository at %s to seed from (build the project once)" % M2)
    repo = root / "m2"
    # hard links: fast, and Maven adds files rather than rewriting the ones it has
    shutil.copytree(M2, repo, copy_function=os.link, ignore=shutil.ignore_patterns("open-mpi"))
    assert not (repo / "org" / "open-mpi").exists()
    return {"project": str(project), "env": {"MAVEN_REPO_LOCAL": str(repo)}}


def one_error_line(p, *words):
    """The command failed with exactly one line on stderr that holds every word."""
    lines = [l for l in p.stderr.splitlines() if l.strip() and not l.startswith("daal4j: building")]
    assert p.returncode != 0, p.stdout + p.stderr
    assert len(lines) == 1, "expected one line of error, got:\n" + p.stderr
    for w in words:
        assert w in lines[0], lines[0]


def test_classpath_builds_without_mpi_bindings(bare):
    p = run([os.path.join(bare["project"], "bin", "daal4j"), "classpath"], env=bare["env"], cwd=bare["project"])
    assert p.returncode == 0, p.stdout + p.stderr
    classpath = p.stdout.strip().split(":")
    assert classpath[0] == os.path.join(bare["project"], "toolkit", "target", "classes")
    assert not any("open-mpi" in c for c in classpath), classpath
    assert all(c.startswith(bare["env"]["MAVEN_REPO_LOCAL"]) for c in classpath[1:]), classpath
    assert not os.path.exists(os.path.join(classpath[0], "daal4j", "spmd", "mpi"))


def test_examples_print_their_results(bare):
    p = run([os.path.join(bare["project"], "scripts", "examples"), "--ranks", "2", "low_order_moments"],
            env=bare["env"], cwd=bare["project"])
    assert p.returncode == 0, p.stdout + p.stderr
    assert "low_order_moments on 2 ranks (200 rows)" in p.stdout, p.stdout
    lines = p.stdout.splitlines()
    mean = np.array(lines[lines.index("mean: Matrix 1 x 10") + 1].split(), dtype=float)
    data = np.loadtxt(os.path.join(REPO, "data", "daal4py-examples", "batch", "covcormoments_dense.csv"),
                      delimiter=",")
    np.testing.assert_allclose(mean, data.mean(axis=0), rtol=1e-5, atol=1e-6)  # printed to 6 digits


def test_every_launcher_failure_is_one_line(bare, tmp_path):
    launcher = os.path.join(bare["project"], "bin", "daal4j")
    env, cwd = bare["env"], bare["project"]
    one_error_line(run([launcher, "run", "--mpi", "-n", "2", "daal4j.examples.LowOrderMomentsExample"], env=env,
                       cwd=cwd), "Open MPI", "scripts/setup")
    one_error_line(run([launcher, "bogus"], env=env, cwd=cwd), "unknown command bogus")
    one_error_line(run([launcher, "run", "-n", "0", "X"], env=env, cwd=cwd), "positive number")
    one_error_line(run([launcher, "run", "--frob"], env=env, cwd=cwd), "unknown option --frob")
    one_error_line(run([launcher, "run"], env=env, cwd=cwd), "main class")
    one_error_line(run([launcher, "run", "--hostfile", str(tmp_path / "none"), "X"], env=env, cwd=cwd),
                   "Open MPI", "scripts/setup")  # the missing bindings come first on a bare machine
    if shutil.which("mpirun"):  # with Open MPI (this clone, after scripts/setup): the hostfile itself
        real = os.path.join(REPO, "bin", "daal4j")
        one_error_line(run([real, "run", "--hostfile", str(tmp_path / "none"), "X"]), "hostfile", "not readable")
        empty = tmp_path / "empty"
        empty.write_text("# no hosts\n")
        one_error_line(run([real, "run", "--hostfile", str(empty), "X"]), "names no host")
    one_error_line(run([launcher, "run", "NoSuchMain"], env=env, cwd=cwd), "NoSuchMain")
    examples = os.path.join(bare["project"], "scripts", "examples")
    one_error_line(run([examples, "nosuch"], env=env, cwd=cwd), "unknown example 'nosuch'")
    one_error_line(run([examples, "--ranks", "x"], env=env, cwd=cwd), "--ranks")
    hosts = os.path.join(bare["project"], "scripts", "hosts")
    one_error_line(run([hosts, "up", "x"], env=env, cwd=cwd), "up needs a number")
    one_error_line(run([hosts, "env"], env=dict(env, DAAL4J_HOSTS_DIR=str(tmp_path / "nohosts")), cwd=cwd),
                   "no hosts")


def test_a_build_before_setup_is_redone_once_the_bindings_exist(bare, tmp_path):
    """The README's order on a fresh machine: scripts/examples builds without Open MPI's bindings,
    then scripts/test installs them and compiles the MPI engine with `mvn package`, which leaves
    the launcher's class path file as the first build wrote it. The launcher must then rebuild,
    not run ranks without the bindings on their class path."""
    real_bindings = os.path.join(M2, "org", "open-mpi")
    if not os.path.isdir(real_bindings):
        pytest.skip("Open MPI's Java bindings are not installed (scripts/setup)")
    project = tmp_path / "daal4j"
    shutil.copytree(bare["project"], project, symlinks=True, ignore=shutil.ignore_patterns("target"))
    repo = tmp_path / "m2"
    shutil.copytree(bare["env"]["MAVEN_REPO_LOCAL"], repo, copy_function=os.link)
    env = {"MAVEN_REPO_LOCAL": str(repo)}
    launcher = os.path.join(project, "bin", "daal4j")
    first = run([launcher, "classpath"], env=env, cwd=str(project))
    assert first.returncode == 0 and "open-mpi" not in first.stdout, first.stdout + first.stderr
    # scripts/setup installs the bindings; mvn package then compiles the engine into target/classes
    shutil.copytree(real_bindings, repo / "org" / "open-mpi", copy_function=os.link)
    run(["mvn", "-B", "-q", "-o", "-Popenmpi", "-Dmaven.repo.local=" + str(repo), "-pl", "toolkit", "compile"],
        cwd=str(project), check=True)
    assert os.path.isdir(os.path.join(project, "toolkit", "target", "classes", "daal4j", "spmd", "mpi"))
    second = run([launcher, "classpath"], env=env, cwd=str(project))
    assert second.returncode == 0, second.stdout + second.stderr
    assert any("/org/open-mpi/mpi/" in c for c in second.stdout.strip().split(":")), second.stdout
