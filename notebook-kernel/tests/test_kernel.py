"""Drives a real "Java (daal4j)" kernel through jupyter_client: the multi-rank engine behind
the notebook, started with 2 ranks as local ranks and under mpirun."""
import os
import shutil
import signal
import time

import numpy as np
import pytest

from conftest import REPO, alive, descendants, wait_gone

MODES = ["local", pytest.param("mpi", marks=pytest.mark.skipif(
    shutil.which("mpirun") is None, reason="mpirun is not installed"))]


def test_first_cell_has_the_toolkit(kernel):
    cell = kernel.ok("numProcs() + \":\" + myProcid()")
    assert cell.results[0]["text/plain"] == '1:0'
    cell = kernel.ok("Matrix.of(new double[][] {{1, 2.5}, {3, 4}})")
    html = cell.results[0]["text/html"]
    assert "<table" in html and "2.50000" in html and "2 × 2" in html


@pytest.mark.parametrize("mode", MODES)
def test_engine_runs_cells_on_every_rank(kernel, mode):
    start = kernel.ok(f"%daal4j start -n 2 --{mode}")
    assert "2 ranks" in start.out
    pids = kernel.rank_pids()
    assert sorted(pids) == [0, 1]
    if mode == "mpi":
        assert pids[0] != pids[1], "each MPI rank is its own JVM"
    else:
        assert pids[0] == pids[1], "local ranks are threads of one JVM"

    cell = kernel.ok('%%spmd\nint me = myProcid();\nSystem.out.println("hello from " + me + " of " + numProcs());\n'
                     'System.err.println("err of " + me);\nme * 10')
    for r in (0, 1):
        assert cell.lines(r) == [f"hello from {r} of 2", f"==> {r * 10}"]
        assert f"[rank {r}] err of {r}" in cell.err

    # state persists between cells, per rank; collectives meet across ranks
    kernel.ok("%%spmd\ndouble[] local = {me + 1.0, 10.0 * (me + 1)};")
    cell = kernel.ok("%%spmd\ndouble[] sum = daal4j.spmd.Spmd.current().allreduce(local, daal4j.spmd.Op.SUM);\n"
                     "Arrays.toString(sum)")
    for r in (0, 1):
        assert cell.lines(r) == ['==> "[3.0, 30.0]"']

    # pull: rank 1's own array and the reduced one come into the notebook's session
    pulled = kernel.ok("%daal4j pull local --rank 1 --as fromOne")
    assert "fromOne <- rank 1's local" in pulled.out
    cell = kernel.ok("Arrays.toString(fromOne)")
    assert cell.results[0]["text/plain"] == '[2.0, 20.0]'
    kernel.ok("%%spmd\nMatrix m = Matrix.of(new double[][] {{me, 1}, {2, 3}});\nString label = \"rank\" + me;")
    kernel.ok("%daal4j pull m --rank 1")
    cell = kernel.ok("m.get(0, 0) + m.get(1, 1)")
    assert cell.results[0]["text/plain"] == "4.0"
    kernel.ok("%daal4j pull label")
    assert kernel.ok("label").results[0]["text/plain"] == 'rank0'
    missing = kernel.run("%daal4j pull nothingHere")
    assert missing.status == "error" and "no variable 'nothingHere'" in missing.error["evalue"]

    # an exception on one rank fails the cell, naming that rank; the other rank goes on
    cell = kernel.run('%%spmd\nif (me == 1) throw new IllegalArgumentException("bad input on one");\n'
                      'System.out.println("after");')
    assert cell.status == "error"
    assert "rank 1: java.lang.IllegalArgumentException: bad input on one" in cell.error["evalue"]
    assert "rank 0" not in cell.error["evalue"]
    assert cell.lines(0) == ["after"]

    # a compile error is reported per rank, the session survives it
    cell = kernel.run("%%spmd\nint x = \"text\";")
    assert cell.status == "error" and "incompatible types" in cell.error["evalue"]
    assert kernel.ok("%%spmd\nme").lines(1) == ["==> 1"]

    kernel.ok("%daal4j stop")
    assert wait_gone(pids.values()) == []
    assert descendants(kernel.pid) == []
    assert "no daal4j engine running" in kernel.ok("%daal4j status").out


@pytest.mark.parametrize("mode", MODES)
def test_collective_error_reaches_every_rank(kernel, mode):
    kernel.ok(f"%daal4j start -n 2 --{mode}")
    cell = kernel.run("%%spmd\ndaal4j.spmd.Spmd.current().allreduce(() -> {\n"
                      "  if (myProcid() == 1) throw new IllegalArgumentException(\"no such file\");\n"
                      "  return new double[] {1};\n}, daal4j.spmd.Op.SUM);")
    assert cell.status == "error"
    for r in (0, 1):
        assert f"rank {r}: " in cell.error["evalue"]
    assert "no such file" in cell.error["evalue"]
    kernel.ok("%daal4j stop")


@pytest.mark.parametrize("mode", MODES)
def test_output_streams_while_the_cell_runs(kernel, mode):
    kernel.ok(f"%daal4j start -n 2 --{mode}")
    seen = {}
    t0 = time.time()

    def on_output(text):
        if "step 0" in text and "first" not in seen:
            seen["first"] = time.time() - t0

    cell = kernel.ok('%%spmd\nfor (int i = 0; i < 4; i++) { System.out.println("step " + i); Thread.sleep(1000); }',
                     on_output=on_output)
    total = time.time() - t0
    assert cell.lines(0) == [f"step {i}" for i in range(4)]
    assert seen["first"] < total - 2, "the first line must arrive while the cell still runs"
    kernel.ok("%daal4j stop")


@pytest.mark.parametrize("mode", MODES)
def test_interrupt_stops_the_cell_on_every_rank(kernel, mode):
    kernel.ok(f"%daal4j start -n 2 --{mode}")
    kernel.ok("%%spmd\nvar counter = new java.util.concurrent.atomic.AtomicLong();")
    t0 = time.time()
    # a busy loop that ignores interrupts, on every rank (an atomic counter: its writes are visible)
    cell = kernel.run("%%spmd\nwhile (true) { counter.incrementAndGet(); }", interrupt_after=3)
    assert cell.status == "error"
    assert time.time() - t0 < 30
    # the engine is usable again, state kept
    cell = kernel.ok("%%spmd\ncounter.get() > 0", timeout=60)
    assert cell.lines(0) == ["==> true"] and cell.lines(1) == ["==> true"]
    cell = kernel.run("%%spmd\nThread.sleep(600_000);", interrupt_after=3)
    assert cell.status == "error"
    assert kernel.ok("%%spmd\nmyProcid()", timeout=60).lines(1) == ["==> 1"]
    kernel.ok("%daal4j stop")


@pytest.mark.parametrize("mode", MODES)
def test_a_rank_that_dies_is_reported(kernel, mode):
    kernel.ok(f"%daal4j start -n 2 --{mode}")
    pids = kernel.rank_pids()
    import threading
    threading.Timer(3, lambda: os.kill(pids[1], signal.SIGKILL)).start()
    t0 = time.time()
    cell = kernel.run("%%spmd\nThread.sleep(600_000);", timeout=120)
    assert cell.status == "error"
    assert "died" in cell.error["evalue"] or "did not end" in cell.error["evalue"]
    assert time.time() - t0 < 60
    status = kernel.ok("%daal4j status").out
    assert "broken" in status or "stopped" in status
    broken = kernel.run("%%spmd\n1")
    assert broken.status == "error"
    kernel.ok("%daal4j stop")
    assert wait_gone(pids.values()) == []
    assert descendants(kernel.pid) == []
    # a new engine starts in the same kernel
    kernel.ok(f"%daal4j start -n 2 --{mode}")
    assert kernel.ok("%%spmd\nmyProcid()").lines(1) == ["==> 1"]
    kernel.ok("%daal4j stop")


@pytest.mark.parametrize("mode", MODES)
def test_kernel_shutdown_and_restart_leave_no_process(kernel, mode):
    kernel.ok(f"%daal4j start -n 2 --{mode}")
    pids = kernel.rank_pids()
    kernel_pid = kernel.pid
    below = descendants(kernel_pid)
    assert set(pids.values()) <= set(below)
    kernel.km.restart_kernel(now=False)
    assert wait_gone(below + [kernel_pid]) == []
    kernel.kc.wait_for_ready(timeout=120)
    kernel.ok(f"%daal4j start -n 2 --{mode}")
    pids = kernel.rank_pids()
    below = descendants(kernel.pid)
    kernel_pid = kernel.pid
    kernel.km.shutdown_kernel(now=False)
    assert wait_gone(below + [kernel_pid]) == []


@pytest.mark.parametrize("mode", MODES)
def test_killed_kernel_leaves_no_rank(kernel, mode):
    kernel.ok(f"%daal4j start -n 2 --{mode}")
    below = descendants(kernel.pid)
    os.kill(kernel.pid, signal.SIGKILL)
    # the ranks see their kernel's socket close and end by themselves
    assert wait_gone(below, seconds=30) == []


@pytest.mark.parametrize("mode", MODES)
def test_distributed_moments_pulled_into_the_notebook(kernel, mode):
    data = REPO / "data" / "daal4py-examples" / "batch" / "covcormoments_dense.csv"
    x = np.loadtxt(data, delimiter=",")
    kernel.ok(f"%daal4j start -n 2 --{mode}")
    # each rank reads its own half of the rows; moments merge across ranks
    kernel.ok(f'%%spmd\nMatrix all = Csv.read(java.nio.file.Path.of("{data}"));\n'
              "int half = all.rows() / 2;\n"
              "Matrix mine = myProcid() == 0 ? all.rowRange(0, half) : all.rowRange(half, all.rows());\n"
              "var moments = lowOrderMoments().distributed(true).compute(mine);\n"
              'System.out.println("rows here: " + mine.rows());')
    kernel.ok("%daal4j pull moments --rank 1")
    cell = kernel.ok("moments")
    assert "LowOrderMomentsResult" in cell.results[0]["text/html"] and "mean" in cell.results[0]["text/html"]
    cell = kernel.ok("Arrays.toString(moments.mean.rowMajorView()) + \"|\" "
                     "+ Arrays.toString(moments.variance.rowMajorView())")
    mean, var = (np.array([float(v) for v in part.strip("[]").split(",")])
                 for part in cell.results[0]["text/plain"].split("|"))
    np.testing.assert_allclose(mean, x.mean(axis=0), rtol=1e-12)
    np.testing.assert_allclose(var, x.var(axis=0, ddof=1), rtol=1e-10)
    kernel.ok("%daal4j stop")


def test_plot_renders_inline_svg(kernel):
    cell = kernel.ok("Plot.scatter(new double[] {0, 1, 2}, new double[] {1, 3, 2}, new int[] {0, 1, 1})"
                     ".title(\"three points\").labels(\"x\", \"y\")")
    svg = cell.results[0]["image/svg+xml"]
    assert svg.startswith("<svg") and svg.count("<circle") >= 3 and "three points" in svg


def test_kmeans_progress_shows_while_it_runs(kernel):
    # the iteration listener prints on every rank while k-means runs (local ranks keep it quick)
    kernel.ok("%daal4j start -n 2 --local")
    data = REPO / "data" / "daal4py-examples" / "batch" / "kmeans_dense.csv"
    cell = kernel.ok(f'%%spmd\nMatrix all = Csv.read(java.nio.file.Path.of("{data}"));\n'
                     "int half = all.rows() / 2;\n"
                     "Matrix mine = myProcid() == 0 ? all.rowRange(0, half) : all.rowRange(half, all.rows());\n"
                     "var init = kmeansInit(5).method(\"plusPlusDense\").distributed(true).compute(mine);\n"
                     "var km = kmeans(5, 10).distributed(true)\n"
                     "    .onIteration((it, obj) -> { if (myProcid() == 0) System.out.println(\"iteration \" + it + \" objective \" + obj); })\n"
                     "    .compute(mine, init.centroids);\n"
                     "km.nIterations")
    its = [l for l in cell.lines(0) if l.startswith("iteration ")]
    assert len(its) >= 2 and its[0].startswith("iteration 1 ")
    assert cell.lines(1) == [l for l in cell.lines(1) if l.startswith("==>")]
    kernel.ok("%daal4j stop")
