"""File inputs (d4p.rows_of, d4p.csv_file, CSV and Parquet paths) and pyarrow inputs: the results
equal numpy's on the same file read by pandas or pyarrow; one file split across ranks under
mpirun -n 2 and -n 4 gives every rank the whole file's result; bad files name themselves."""
import bz2
import gzip
import lzma
import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import daal4j as d4p
from conftest import PYTHON_DIR, mpi_available, mpirun

RTOL = 1e-10
NAMES = ["a", "b", "c", "d", "y1", "y2"]


def _frame(rows=300, seed=7):
    """Features a-d and two responses y1, y2 linear in them plus noise (well-conditioned)."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((rows, 4)) * [1.0, 2.0, 0.5, 3.0] + [1.0, -2.0, 0.0, 5.0]
    beta = np.array([[0.5, -1.0, 2.0, 0.25], [1.5, 0.75, -0.5, 1.0]])
    y = x @ beta.T + [3.0, -1.0] + 0.1 * rng.standard_normal((rows, 2))
    return pd.DataFrame(np.hstack([x, y]), columns=NAMES)


def _write_csv(path, frame, header=True, opener=open, encoding="utf-8", prefix=""):
    text = prefix + frame.to_csv(index=False, header=header)  # shortest round-trip floats: exact
    with opener(path, "wt", encoding=encoding, newline="") as f:
        f.write(text)
    return str(path)


def _check_moments(result, x):
    np.testing.assert_allclose(result.mean, x.mean(axis=0, keepdims=True), rtol=RTOL)
    np.testing.assert_allclose(result.variance, x.var(axis=0, ddof=1, keepdims=True), rtol=RTOL)
    np.testing.assert_allclose(result.sum, x.sum(axis=0, keepdims=True), rtol=RTOL)
    np.testing.assert_allclose(result.sumSquares, (x * x).sum(axis=0, keepdims=True), rtol=RTOL)
    np.testing.assert_array_equal(result.minimum, x.min(axis=0, keepdims=True))
    np.testing.assert_array_equal(result.maximum, x.max(axis=0, keepdims=True))


def _check_covariance(result, x):
    np.testing.assert_allclose(result.covariance, np.cov(x, rowvar=False), rtol=RTOL)
    np.testing.assert_allclose(result.mean, x.mean(axis=0, keepdims=True), rtol=RTOL)


def _check_both(data, x):
    _check_moments(d4p.low_order_moments().compute(data), x)
    _check_covariance(d4p.covariance().compute(data), x)


def _lstsq_beta(x, y):
    """daal4py's Beta: one row per response, the intercept first."""
    ones = np.ones((x.shape[0], 1))
    return np.linalg.lstsq(np.hstack([ones, x]), y, rcond=None)[0].T


# ---- CSV and Parquet files ----------------------------------------------------------------

def test_csv_with_a_byte_order_mark_and_a_header(tmp_path):
    path = _write_csv(tmp_path / "bom.csv", _frame(), encoding="utf-8-sig")
    assert open(path, "rb").read(3) == b"\xef\xbb\xbf"
    reference = pd.read_csv(path, encoding="utf-8-sig")
    assert list(reference.columns) == NAMES
    x = reference.to_numpy()
    _check_both(d4p.csv_file(path, header=True), x)
    _check_both(d4p.rows_of(path, header=True), x)  # one process: the whole file


@pytest.mark.parametrize("suffix,module", [(".gz", gzip), (".bz2", bz2), (".xz", lzma)])
def test_compressed_csv_read_by_extension(tmp_path, suffix, module):
    frame = _frame(seed=len(suffix))
    with_header = _write_csv(tmp_path / ("header.csv" + suffix), frame, opener=module.open)
    plain = _write_csv(tmp_path / ("plain.csv" + suffix), frame, header=False, opener=module.open)
    x = pd.read_csv(with_header).to_numpy()  # pandas decompresses by the extension too
    np.testing.assert_array_equal(x, pd.read_csv(plain, header=None).to_numpy())
    _check_both(d4p.csv_file(with_header, header=True), x)
    _check_both(plain, x)  # a plain path, as daal4py takes it


def test_skip_rows_and_delimiter(tmp_path):
    frame = _frame(rows=120)
    path = str(tmp_path / "semi.csv")
    with open(path, "w") as f:
        f.write("# exported by something\n# on some day\n" + frame.to_csv(index=False, sep=";"))
    x = pd.read_csv(path, skiprows=2, sep=";").to_numpy()
    _check_both(d4p.csv_file(path, header=True, skip_rows=2, delimiter=";"), x)


def test_parquet_written_by_pyarrow(tmp_path):
    path = str(tmp_path / "data.parquet")
    pq.write_table(pa.Table.from_pandas(_frame(), preserve_index=False), path, row_group_size=64)
    assert pq.ParquetFile(path).metadata.num_row_groups == 5
    x = np.column_stack([c.to_numpy() for c in pq.read_table(path).columns])
    _check_both(path, x)
    _check_both(d4p.rows_of(path), x)
    result = d4p.low_order_moments(distributed=True).compute(d4p.rows_of(path, columns=(1, 3)))
    _check_moments(result, x[:, 1:3])


def test_rows_of_distributed_on_one_process_equals_batch(tmp_path):
    path = _write_csv(tmp_path / "train.csv", _frame())
    x = pd.read_csv(path).to_numpy()
    rows = d4p.rows_of(path, header=True)
    distributed = d4p.low_order_moments(distributed=True).compute(rows)
    batch = d4p.low_order_moments().compute(rows)
    for field in ("mean", "variance", "minimum", "maximum", "sum", "sumSquares"):
        np.testing.assert_allclose(getattr(distributed, field), getattr(batch, field), rtol=1e-14)
    _check_moments(distributed, x)
    data, responses = d4p.rows_of(path, header=True, columns=(0, 4)), d4p.rows_of(path, header=True, columns=(4, 6))
    model = d4p.linear_regression_training(interceptFlag=True, distributed=True).compute(data, responses).model
    assert model.Beta.shape == (2, 5)
    np.testing.assert_allclose(model.Beta, _lstsq_beta(x[:, :4], x[:, 4:]), rtol=RTOL)
    batch = d4p.linear_regression_training(interceptFlag=True).compute(data, responses).model
    np.testing.assert_allclose(model.Beta, batch.Beta, rtol=1e-12)


def test_file_inputs_are_small_python_objects(tmp_path):
    from py4j.java_gateway import JavaObject
    from daal4j._core import to_java
    rows = d4p.rows_of(tmp_path / "x.csv", header=True, columns=(0, 4))
    assert repr(rows) == "daal4j.rows_of(%r, header=True, columns=(0, 4))" % str(tmp_path / "x.csv")
    assert (repr(d4p.csv_file("p1.csv", skip_rows=2, delimiter="\t"))
            == "daal4j.csv_file('p1.csv', skip_rows=2, delimiter='\\t')")
    assert repr(d4p.csv_file("p1.csv")) == "daal4j.csv_file('p1.csv')"
    assert isinstance(rows, d4p.FileInput) and rows.split and rows.header and rows.columns == (0, 4)
    assert isinstance(to_java(rows), JavaObject) and to_java(rows) is rows._java
    with pytest.raises(AttributeError):
        rows.header = False
    with pytest.raises(ValueError, match=r"columns \[3, 1\) are empty"):
        d4p.rows_of("x.csv", columns=(3, 1))
    with pytest.raises(ValueError, match="pair"):
        d4p.rows_of("x.csv", columns=3)
    with pytest.raises(ValueError, match="one character"):
        d4p.csv_file("x.csv", delimiter=";;")
    with pytest.raises(ValueError, match="skip_rows"):
        d4p.csv_file("x.csv", skip_rows=-1)


# ---- errors name the file -----------------------------------------------------------------

def _raises_naming(path, data, *fragments):
    with pytest.raises(ValueError) as e:
        d4p.low_order_moments().compute(data)
    message = str(e.value)
    assert str(path) in message, message
    for fragment in fragments:
        assert fragment in message, message
    return message


def test_a_truncated_gzip_file(tmp_path):
    path = _write_csv(tmp_path / "cut.csv.gz", _frame(rows=2000), header=False, opener=gzip.open)
    whole = open(path, "rb").read()
    with open(path, "wb") as f:
        f.write(whole[:len(whole) // 2])
    _raises_naming(path, path, "gzip")
    _raises_naming(path, d4p.csv_file(path), "gzip")


def test_header_true_on_a_numeric_file(tmp_path):
    path = _write_csv(tmp_path / "numeric.csv", _frame(rows=10), header=False)
    _raises_naming(path, d4p.csv_file(path, header=True), "line 1", "not a header")


def test_a_header_without_header_true_says_so_in_pythons_spelling(tmp_path):
    path = _write_csv(tmp_path / "named.csv", _frame(rows=10))
    for data in (path, d4p.csv_file(path), d4p.rows_of(path)):
        message = _raises_naming(path, data, "line 1", "looks like a header: use header(true)", "header=True")
    assert message == "%s: line 1 looks like a header: use header(true) (header=True in Python)" % path


def test_a_parquet_file_with_a_string_column(tmp_path):
    path = str(tmp_path / "strings.parquet")
    pq.write_table(pa.table({"a": [1.0, 2.0], "name": ["x", "y"]}), path)
    _raises_naming(path, path, "name")
    _raises_naming(path, d4p.rows_of(path), "name")


def test_a_missing_file(tmp_path):
    path = str(tmp_path / "none.csv")
    _raises_naming(path, d4p.rows_of(path, header=True), "no such file")


# ---- pyarrow and pandas inputs ------------------------------------------------------------

def _arrow_table(rows=200):
    rng = np.random.default_rng(3)
    return pa.table({
        "f64": rng.standard_normal(rows),
        "f32": rng.standard_normal(rows).astype(np.float32),
        "i64": rng.integers(-1000, 1000, rows),
        "u8": pa.chunked_array([rng.integers(0, 255, 50).astype(np.uint8),
                                rng.integers(0, 255, rows - 50).astype(np.uint8)]),
        "flag": rng.random(rows) > 0.5,
    })


def _arrow_numpy(table):
    return np.column_stack([c.to_numpy().astype(np.float64) for c in table.columns])


def test_pyarrow_table_and_record_batch(transfer):
    table = _arrow_table()
    x = _arrow_numpy(table)
    _check_both(table, x)
    batch = table.combine_chunks().to_batches()[0]
    assert isinstance(batch, pa.RecordBatch) and batch.num_rows == table.num_rows
    _check_both(batch, x)
    model = d4p.linear_regression_training(interceptFlag=True).compute(
        table.select(["f64", "f32", "i64"]), table.select(["u8"])).model
    np.testing.assert_allclose(model.Beta, _lstsq_beta(x[:, :3], x[:, 3:4]), rtol=RTOL)


def test_pyarrow_arrays_are_one_column():
    table = _arrow_table()
    x = _arrow_numpy(table)
    _check_moments(d4p.low_order_moments().compute(table.column("u8")), x[:, 3:4])  # chunked
    _check_moments(d4p.low_order_moments().compute(table.column("f32").combine_chunks()), x[:, 1:2])
    _check_moments(d4p.low_order_moments().compute(pa.array(x[10:50, 0])[5:]), x[15:50, 0:1])  # a slice


def test_pyarrow_a_string_column_and_a_null_are_errors():
    with pytest.raises(ValueError, match="argument 1 of low_order_moments.compute: column 'name' has type string"):
        d4p.low_order_moments().compute(pa.table({"a": [1.0, 2.0], "name": ["x", "y"]}))
    with pytest.raises(ValueError, match="column 'b' has 1 null value"):
        d4p.low_order_moments().compute(pa.record_batch({"a": [1.0, 2.0, 3.0], "b": pa.array([1, None, 3])}))
    with pytest.raises(ValueError, match="argument 2 of .*column 'dt' has type timestamp"):
        d4p.linear_regression_training(interceptFlag=True).compute(
            np.ones((2, 1)), pa.table({"dt": pa.array([0, 1], type=pa.timestamp("s"))}))


def test_pandas_missing_values_name_the_column():
    frame = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [1.0, None, 2.0], "c": pd.array([1, 2, None], dtype="Int64")})
    with pytest.raises(ValueError, match="column 'b' has missing values \\(NaN or None\\), first at row 1"):
        d4p.low_order_moments().compute(frame)
    with pytest.raises(ValueError, match="column 'c' has missing values"):
        d4p.low_order_moments().compute(frame[["a", "c"]])
    _check_moments(d4p.low_order_moments().compute(frame[["a"]]), np.array([[1.0], [2.0], [3.0]]))


def test_the_package_works_without_pyarrow():
    code = ("import sys; sys.modules['pyarrow'] = None\n"
            "import numpy as np, daal4j\n"
            "from daal4j._core import _as_2d\n"
            "assert _as_2d(np.ones(3), 'x').shape == (3, 1)\n"
            "assert 'pyarrow' not in [m for m in sys.modules if sys.modules[m] is not None]\n"
            "print('ok')\n")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                       env=dict(os.environ, PYTHONPATH=PYTHON_DIR))
    assert p.stdout.strip() == "ok", p.stdout + p.stderr


# ---- one file split across ranks under mpirun ---------------------------------------------

SPLIT = r"""
import sys
import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import daal4j as d4p

csv, parquet, bad, packed, ranks, out = sys.argv[1:7]
d4p.daalinit()
r = d4p.my_procid()


def say(line):
    # each rank's own file: mpirun may split a long line of one rank's stdout around another's
    with open("%s/rank%d.txt" % (out, r), "a") as f:
        f.write(line + "\n")

assert d4p.num_procs() == int(ranks)
RTOL = 1e-10

def close(a, b):
    np.testing.assert_allclose(a, b, rtol=RTOL)

x = pd.read_csv(csv).to_numpy()
m = d4p.low_order_moments(distributed=True).compute(d4p.rows_of(csv, header=True))
close(m.mean, x.mean(0, keepdims=True)); close(m.variance, x.var(0, ddof=1, keepdims=True))
close(m.sum, x.sum(0, keepdims=True))
close(m.minimum, x.min(0, keepdims=True)); close(m.maximum, x.max(0, keepdims=True))
c = d4p.covariance(distributed=True).compute(d4p.rows_of(csv, header=True))
close(c.covariance, np.cov(x, rowvar=False))
model = d4p.linear_regression_training(interceptFlag=True, distributed=True).compute(
    d4p.rows_of(csv, header=True, columns=(0, 4)), d4p.rows_of(csv, header=True, columns=(4, 6))).model
ones = np.ones((x.shape[0], 1))
close(model.Beta, np.linalg.lstsq(np.hstack([ones, x[:, :4]]), x[:, 4:], rcond=None)[0].T)
say("rank %d csv OK" % r)

p = np.column_stack([col.to_numpy() for col in pq.read_table(parquet).columns])
m = d4p.low_order_moments(distributed=True).compute(d4p.rows_of(parquet))
close(m.mean, p.mean(0, keepdims=True)); close(m.variance, p.var(0, ddof=1, keepdims=True))
close(m.minimum, p.min(0, keepdims=True)); close(m.maximum, p.max(0, keepdims=True))
say("rank %d parquet OK" % r)

for name in (bad, packed):
    try:
        d4p.low_order_moments(distributed=True).compute(d4p.rows_of(name, header=True))
        say("rank %d no error for %s" % (r, name))
    except ValueError as e:
        say("rank %d error: %s" % (r, str(e).replace("\n", " ")))
say("rank %d OK" % r)
d4p.daalfini()
"""


@pytest.fixture(scope="module")
def split_files(tmp_path_factory):
    d = tmp_path_factory.mktemp("split")
    frame = _frame(rows=400, seed=11)
    csv = _write_csv(d / "train.csv", frame)
    parquet = str(d / "rows.parquet")
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), parquet, row_group_size=50)
    assert pq.ParquetFile(parquet).metadata.num_row_groups == 8
    bad = str(d / "bad.csv")
    lines = frame.to_csv(index=False).splitlines()
    lines.insert(len(lines) - 2, "1,2,3,oops,5,6")  # near the end: in the last rank's part
    with open(bad, "w") as f:
        f.write("\n".join(lines) + "\n")
    packed = _write_csv(d / "packed.csv.gz", frame, opener=gzip.open)
    script = d / "split.py"
    script.write_text(SPLIT)
    return [str(script), csv, parquet, bad, packed]


@pytest.mark.skipif(not mpi_available(), reason="needs mpirun and Open MPI's mpi.jar (scripts/setup)")
@pytest.mark.parametrize("ranks", [2, 4])
def test_one_file_split_across_ranks_under_mpirun(split_files, ranks, tmp_path):
    script, csv, parquet, bad, packed = split_files
    p = mpirun(ranks, script, csv, parquet, bad, packed, str(ranks), str(tmp_path), timeout=180)
    out = p.stdout + p.stderr
    assert p.returncode == 0, out
    said = [l for r in range(ranks) if (tmp_path / ("rank%d.txt" % r)).exists()
            for l in (tmp_path / ("rank%d.txt" % r)).read_text().splitlines()]
    out += "\n".join(said)
    for r in range(ranks):
        for what in ("csv", "parquet", ""):
            assert ("rank %d %s OK" % (r, what)).replace("  ", " ") in said, out
    errors = [l.split(" error: ", 1) for l in said if " error: " in l]
    assert sorted(rank for rank, _ in errors) == sorted(["rank %d" % r for r in range(ranks)] * 2), out
    for name in (bad, packed):
        messages = {rank: m for rank, m in errors if name in m}
        assert len(messages) == ranks and len(set(messages.values())) == 1, out
    bad_message = next(m for _, m in errors if bad in m)
    assert "oops" in bad_message and bad_message.startswith("rank %d: " % (ranks - 1)), bad_message
    assert "compressed" in next(m for _, m in errors if packed in m)
