"""The JVM behind daal4j: started on first use, one per Python process, stopped at exit.

The JVM (daal4j.bridge.Gateway) prints its port and the path of a shared file on its first
stdout line. Bulk inputs are read by the JVM straight from this process's memory where Linux
allows it (process_vm_readv), and large results written straight into numpy arrays allocated
here (process_vm_writev); elsewhere, and for small results, arrays cross through that file
(memory-mapped on both sides, in /dev/shm); everything else goes through Py4J. The JVM
ends with this process: a clean "exit" line on its stdin at normal exit; stdin closing or this
process dying halts it.
"""
import atexit
import glob
import mmap
import os
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time

import numpy as np

from py4j.java_gateway import GatewayParameters, JavaGateway, JavaObject
from py4j.protocol import Py4JError, Py4JJavaError

_HERE = os.path.dirname(os.path.abspath(__file__))
_JARS = os.path.join(_HERE, "jars")
_GROWTH = 16 << 20  # the shared file grows in steps of 16 MB, as the JVM maps it
_ALIGN = 64  # byte alignment of arrays in the shared file
# Inputs reach the JVM a chunk of about _CHUNK_BYTES of rows at a time, at least _MIN_CHUNK_ROWS
# (measured: 1 MB chunks cost covariance-like summaries 20-40% more; a chunk summary's fixed
# cost, p x p for covariance, wants enough rows). Where Linux lets the JVM read this process's
# memory (process_vm_readv through the bridge's libdaal4j_bridge.so), it copies them straight
# out of numpy. Elsewhere, or with DAAL4J_TRANSFER=shared, large inputs cross through a ring in
# the shared file (Ring.java): the rows-written counter at byte 0, the JVM's rows-read counter at
# byte 64, then _SLOTS slots of one chunk each that numpy fills and the JVM empties in turn, so
# the file (in /dev/shm, often small in containers) holds a few chunks, not the input.
_CHUNK_BYTES = 4 << 20
_MIN_CHUNK_ROWS = 512
_HEADER = 128
_SLOTS = 4
_RING_BYTES = 4 << 20  # a single array of at least this size crosses through the ring
_DIRECT_RESULT_BYTES = 1 << 20  # smaller results cross in one call with the others, through the file
_PR_SET_PTRACER = 0x59616D61

_lock = threading.RLock()
_session = None
_failed = False


def under_mpirun():
    """Whether this process was started by Open MPI's mpirun/mpiexec."""
    return os.environ.get("OMPI_COMM_WORLD_SIZE") is not None


def _java():
    home = os.environ.get("JAVA_HOME")
    if home and os.path.exists(os.path.join(home, "bin", "java")):
        return os.path.join(home, "bin", "java")
    found = shutil.which("java")
    if not found:
        raise RuntimeError("daal4j needs Java 17 or newer: install a JDK and put java on PATH (or set JAVA_HOME)")
    return found


def _classpath():
    jars = sorted(glob.glob(os.path.join(_JARS, "*.jar")))
    if not any(os.path.basename(j).startswith("daal4j-py4j-bridge") for j in jars):
        raise RuntimeError("daal4j's jars are missing from %s: build them with `mvn -B package` at the "
                           "repository root (or install a built wheel)" % _JARS)
    if under_mpirun() and not any(os.path.basename(j).startswith("mpi-") for j in jars):
        jars += _mpi_jar()
    return os.pathsep.join(jars)


def _mpi_jar():
    """Open MPI's Java bindings when not bundled: $DAAL4J_MPI_JAR, else the local Maven repository."""
    explicit = os.environ.get("DAAL4J_MPI_JAR")
    if explicit:
        return [explicit]
    m2 = os.environ.get("MAVEN_REPO_LOCAL", os.path.expanduser("~/.m2/repository"))
    found = sorted(glob.glob(os.path.join(m2, "org", "open-mpi", "mpi", "*", "mpi-*.jar")))
    return found[-1:]


def _mpi_libdir():
    """The directory of libmpi_java.so: $DAAL4J_MPI_LIBDIR, the usual places, else ompi_info."""
    explicit = os.environ.get("DAAL4J_MPI_LIBDIR")
    if explicit:
        return explicit
    candidates = []
    mpirun = shutil.which("mpirun")
    if mpirun:
        candidates.append(os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(mpirun))), "lib"))
    candidates += glob.glob("/usr/lib/*-linux-gnu") + ["/usr/lib64/openmpi/lib", "/usr/local/lib", "/usr/lib"]
    for d in candidates:
        if os.path.exists(os.path.join(d, "libmpi_java.so")):
            return d
    try:
        out = subprocess.run(["ompi_info", "--path", "libdir", "--parsable"], capture_output=True,
                             text=True, timeout=30).stdout
        for line in out.splitlines():
            if line.startswith("path:libdir:"):
                return line.split(":", 2)[2]
    except (OSError, subprocess.SubprocessError):
        pass
    return None


class Session:
    """One running JVM: the Py4J gateway, the bridge entry point and the shared file."""

    def __init__(self):
        cmd = [_java(), "-Xss16m"]
        if under_mpirun():
            libdir = _mpi_libdir()
            if libdir:
                cmd.append("-Djava.library.path=" + libdir)
        extra = os.environ.get("DAAL4J_JAVA_OPTS")
        if extra:
            cmd += extra.split()
        cmd += ["-cp", _classpath(), "daal4j.bridge.Gateway"]
        token = secrets.token_hex(16)
        env = dict(os.environ, DAAL4J_GATEWAY_TOKEN=token)
        if under_mpirun():
            # several ranks share the machine: one BLAS thread each, as the toolkit's launcher does
            env.setdefault("OPENBLAS_NUM_THREADS", "1")
        # a new session: Ctrl-C goes to Python only; the JVM follows Python's exit, never orphaned
        self.process = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env,
                                        start_new_session=True)
        first = self.process.stdout.readline().decode("utf-8", "replace").strip()
        if not first.startswith("DAAL4J_GATEWAY "):
            self.process.wait(timeout=30)
            message = first[len("DAAL4J_ERROR "):] if first.startswith("DAAL4J_ERROR ") else first
            raise RuntimeError("daal4j: the JVM did not start (exit code %s)%s"
                               % (self.process.returncode, ": " + message if message else ""))
        _, port, path = first.split(" ", 2)
        threading.Thread(target=self._forward_stdout, name="daal4j-jvm-stdout", daemon=True).start()
        self.gateway = JavaGateway(gateway_parameters=GatewayParameters(
            port=int(port), auth_token=token, auto_convert=True, eager_load=True))
        self.bridge = self.gateway.entry_point
        self.jvm = self.gateway.jvm
        self._fd = os.open(path, os.O_RDWR)
        os.unlink(path)  # both processes hold it open; it vanishes with the last of them
        self._map = None
        self._mapped = 0
        # one transfer at a time through the shared file (threads may share this session)
        self.transfer = threading.RLock()
        self._direct = None  # whether the JVM reads numpy's memory itself (found on first use)
        self.direct_problem = None  # why not, when it cannot

    def direct(self):
        """Whether the JVM reads arrays straight from this process's memory (asked once)."""
        if self._direct is None:
            how = os.environ.get("DAAL4J_TRANSFER", "direct")
            if how not in ("direct", "shared"):
                raise ValueError("DAAL4J_TRANSFER must be 'direct' or 'shared', got %r" % how)
            if how == "shared":
                self.direct_problem = "DAAL4J_TRANSFER=shared"
            else:
                _allow_reads_by(self.process.pid)
                probe = np.array([1.5, -2.25, 3e300, float(os.getpid())])
                self.direct_problem = call(self.bridge.processMemoryProblem, os.getpid(), probe.ctypes.data,
                                           probe.tolist())
            self._direct = self.direct_problem is None
        return self._direct

    def _forward_stdout(self):
        for line in iter(self.process.stdout.readline, b""):
            sys.stdout.write(line.decode("utf-8", "replace"))
            sys.stdout.flush()

    # ---- the shared file -------------------------------------------------------------

    def _view(self, nbytes):
        """The shared file mapped over at least nbytes bytes."""
        size = os.fstat(self._fd).st_size
        if size < nbytes:
            size = -(-nbytes // _GROWTH) * _GROWTH
            os.ftruncate(self._fd, size)
        if self._map is None or self._mapped < size:
            if self._map is not None:
                self._map.close()
            self._map = mmap.mmap(self._fd, size)
            self._mapped = size
        return self._map

    def to_matrix(self, array):
        """A daal4j Matrix holding a 2-d float64 copy of array (any numeric dtype and order)."""
        rows, cols = array.shape
        nbytes = rows * cols * 8
        if nbytes and self.direct():
            source, kind = _direct_source(array)  # kept alive until the JVM has read it
            return call(self.bridge.matrixFromProcess, rows, cols, os.getpid(), source.ctypes.data, kind,
                        _chunk_rows(cols))
        if nbytes >= _RING_BYTES:
            return self._through_ring([array], lambda ring, offsets: call(self.bridge.matrixIncoming, rows, cols, ring))
        with self.transfer:
            if nbytes:
                view = np.frombuffer(self._view(nbytes), dtype="<f8", count=rows * cols).reshape(rows, cols)
                np.copyto(view, array, casting="unsafe")
                del view
            return call(self.bridge.matrix, 0, rows, cols)

    def compute_incoming(self, algorithm, args, arrays):
        """algorithm.compute(args) with arguments {position: 2-d array} copied through the ring
        by a background thread while the JVM reads, or computes on, the rows already there
        (Bridge.computeIncoming)."""
        positions = sorted(arrays)
        sources = [arrays[i] for i in positions]
        if self.direct():
            direct = [_direct_source(a) for a in sources]  # kept alive until the JVM has read them
            layout = ",".join("%d:%d:%d:%s" % (i, a.shape[1], a.ctypes.data, kind)
                              for i, (a, kind) in zip(positions, direct))
            # all arguments arrays (the usual case): their count, not a list to build in the JVM
            given = len(args) if all(a is None for a in args) else args
            return call(self.bridge.computeFromProcess, algorithm, given, layout, sources[0].shape[0], os.getpid(),
                        _chunk_rows(sum(a.shape[1] for a in sources)))
        return self._through_ring(sources, lambda ring, offsets: call(
            self.bridge.computeIncoming, algorithm, args, positions, [a.shape[1] for a in sources],
            sources[0].shape[0], ring, offsets))

    def _through_ring(self, sources, jvm_call):
        """jvm_call(ring, slot_offsets) while a background thread copies the rows of sources (2-d
        arrays, the same rows each) through the ring, slot by slot: it waits to reuse a slot
        until the JVM has read it, and publishes the rows written after each slot."""
        rows = sources[0].shape[0]
        width = sum(a.shape[1] for a in sources)
        slot_rows = max(1, min(rows, _chunk_rows(width)))
        offsets, slot_bytes = [], 0
        for a in sources:
            offsets.append(slot_bytes)
            slot_bytes += -(-slot_rows * a.shape[1] * 8 // _ALIGN) * _ALIGN
        slots = max(1, min(_SLOTS, -(-rows // slot_rows)))
        with self.transfer:
            mapped = self._view(_HEADER + slots * slot_bytes)
            counters = np.frombuffer(mapped, dtype="<i8", count=_HEADER // 8)
            counters[0] = 0  # rows written
            counters[8] = 0  # rows read by the JVM
            views = [[np.frombuffer(mapped, dtype="<f8", count=slot_rows * a.shape[1],
                                    offset=_HEADER + k * slot_bytes + o).reshape(slot_rows, a.shape[1])
                      for a, o in zip(sources, offsets)] for k in range(slots)]
            failed, ended = [], threading.Event()

            def copy():
                # copyto releases the GIL; the counter is stored after the rows it counts (x86-64
                # keeps stores in order; the JVM reads it with acquire semantics)
                try:
                    for block, start in enumerate(range(0, rows, slot_rows)):
                        stop = min(rows, start + slot_rows)
                        free_from = start - (slots - 1) * slot_rows  # the slot's previous rows read
                        waits = 0
                        while counters[8] < free_from:
                            if ended.is_set():
                                return
                            waits += 1
                            if waits > 200:
                                time.sleep(2e-5)
                        for t, a in zip(views[block % slots], sources):
                            np.copyto(t[:stop - start], a[start:stop], casting="unsafe")
                        counters[0] = stop
                except BaseException as e:  # noqa: B902 - reported to the caller below
                    failed.append(e)
                    counters[0] = -1

            copier = threading.Thread(target=copy, name="daal4j-copy", daemon=True)
            copier.start()
            try:
                return jvm_call([_HEADER, slots, slot_bytes, slot_rows], offsets)
            finally:
                ended.set()
                copier.join()
                del views, counters  # no view may outlive the mapping (remapped when it grows)
                if failed:
                    # the cause of the JVM's "failed while copying" error
                    raise failed[0]  # noqa: B012

    def export(self, java, single=False):
        """Bridge.export (or exportValue when single): result arrays of _DIRECT_RESULT_BYTES or
        more are left for array() to have written straight into numpy's memory, where the JVM
        can do that (one copy, and the shared file stays small)."""
        fn = self.bridge.exportValue if single else self.bridge.export
        return call(fn, java, _DIRECT_RESULT_BYTES) if self.direct() else call(fn, java)

    def array(self, kind, count, offset, rows=None, cols=None, owner=None, name=None):
        """A numpy array of what the JVM wrote into the shared file at offset, or (offset -1)
        of field name of the Java object owner, which the JVM writes into it straight."""
        dtype = {"M": "<f8", "d": "<f8", "i": "<i4", "l": "<i8"}[kind]
        n = rows * cols if kind == "M" else count
        end = offset + n * np.dtype(dtype).itemsize
        if n == 0:
            out = np.empty(n, dtype=dtype)
        elif offset < 0:
            out = np.empty(n, dtype=dtype)
            call(self.bridge.writeField, owner, name, os.getpid(), out.ctypes.data)
        else:
            mapped = self._view(end)
            out = np.frombuffer(mapped, dtype=dtype, count=n, offset=offset).copy()
        if kind == "M":
            out = out.reshape(rows, cols)
        return out.astype(np.dtype(dtype).newbyteorder("="), copy=False)

    # ---- lifecycle -------------------------------------------------------------------

    def close(self, clean=True):
        """Stops the JVM: cleanly (daalfini, then exit) or at once."""
        p = self.process
        if p.poll() is None:
            try:
                self.gateway.close(keep_callback_server=False, close_callback_server_connections=False)
            except Exception:
                pass
            try:
                if clean:
                    p.stdin.write(b"exit\n")
                    p.stdin.flush()
                p.stdin.close()
            except OSError:
                pass
            try:
                p.wait(timeout=30 if clean else 5)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        if self._map is not None:
            try:
                self._map.close()
            except BufferError:
                pass  # an array still views it; the OS frees the mapping at exit
            self._map = None
        try:
            os.close(self._fd)
        except OSError:
            pass


# numpy element types the JVM reads as they are (ProcessMemory.Kind), converting as it copies
_DIRECT_KINDS = {np.dtype("<f8"): "f8", np.dtype("<f4"): "f4", np.dtype("<i8"): "i8", np.dtype("<i4"): "i4"}


def _direct_source(array):
    """(array C-ordered, its element type for the JVM): array itself where it is already a
    C-ordered array of a type the JVM reads, else a float64 copy."""
    kind = _DIRECT_KINDS.get(array.dtype)
    if kind is None or not array.flags.c_contiguous:
        return np.ascontiguousarray(array, dtype=np.float64), "f8"
    return array, kind


def _chunk_rows(width):
    """Rows of a chunk of inputs totalling width columns: about _CHUNK_BYTES, at least 512."""
    return max(_MIN_CHUNK_ROWS, _CHUNK_BYTES // (8 * max(1, width)))


def _allow_reads_by(pid):
    """Lets process pid (the JVM) read this process's memory where Yama restricts that to
    ancestors (ptrace_scope 1); elsewhere the call fails harmlessly."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PTRACER, ctypes.c_ulong(pid), 0, 0, 0)
    except (OSError, AttributeError):
        pass


def session():
    """The running JVM session, starting it on first use."""
    global _session
    with _lock:
        if _session is None:
            _session = Session()
        return _session


def shutdown(clean=True):
    """Stops the JVM if one runs (called at exit)."""
    global _session
    with _lock:
        s, _session = _session, None
    if s is not None:
        s.close(clean=clean and not _failed)


def _on_uncaught(kind, value, tb):
    # an error ends this rank: do not wait for the others in MPI_Finalize
    global _failed
    _failed = True
    _previous_hook(kind, value, tb)


_previous_hook = sys.excepthook
sys.excepthook = _on_uncaught
atexit.register(shutdown)


def _sigterm(signum, frame):
    shutdown(clean=False)
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


if threading.current_thread() is threading.main_thread():
    try:
        if signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, None):
            signal.signal(signal.SIGTERM, _sigterm)
    except (ValueError, OSError):
        pass


# ---- calls -----------------------------------------------------------------------------

_EXCEPTIONS = {"ValueError": ValueError, "RuntimeError": RuntimeError, "AttributeError": AttributeError}


_LIST_OF = 6  # Bridge.listOf takes up to this many values


def call(fn, *args):
    """Calls the bridge, turning Java exceptions into Python ones with the same message."""
    given = args
    try:
        if any(isinstance(a, list) for a in args):
            # a short list in one call (Py4J's own conversion costs a round trip per element)
            bridge = session().bridge
            args = [bridge.listOf(*a) if isinstance(a, list) and len(a) <= _LIST_OF
                    and not any(isinstance(v, (list, dict)) for v in a) else a for a in args]
        return fn(*args)
    except Py4JJavaError as e:
        kind, message = _classify(e.java_exception)
        raise _EXCEPTIONS[kind](message) from None
    except Py4JError as e:
        raise RuntimeError("daal4j: lost the connection to its JVM (%s)" % str(e).splitlines()[0]) from None
    finally:
        _untangle(given)
        _untangle(args)


def _untangle(values):
    """Drops the members Py4J caches on the Java objects of a call: the one it adds to every
    object it sends (asking whether it is a Python proxy, protocol.is_python_proxy) and a Java
    list's own `remove`. Each points back to its object, and that cycle kept the object, and the
    Java one behind it (a QR result's Q, an input matrix), alive until Python's cyclic collector
    ran, which a loop of computes may not make it do before the JVM's heap is full. The cache
    refills on the next use of a member."""
    for v in values:
        if isinstance(v, JavaObject):
            methods = getattr(v, "_methods", None)
            if isinstance(methods, dict):
                methods.clear()
            if "java_remove" in getattr(v, "__dict__", ()):
                del v.java_remove
        elif isinstance(v, list):
            _untangle(v)


def _classify(java_exception):
    try:
        text = session().bridge.classify(java_exception)
        kind, message = text.split("\n", 1)
        # the CSV reader's advice in Python's spelling, after Java's own
        message = message.replace("use header(true)", "use header(true) (header=True in Python)")
        return kind, message
    except Exception:
        return "RuntimeError", str(java_exception)
