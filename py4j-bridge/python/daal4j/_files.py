"""File inputs with daal4py-style names: one file split across ranks (rows_of) or one whole file
read with options (csv_file), over the toolkit's daal4j.data.Inputs and daal4j.data.Csv."""
import numbers
import os

from ._core import JavaBacked
from ._gateway import call, session


def _check(path, header, skip_rows, delimiter, columns):
    if isinstance(path, os.PathLike):
        path = os.fspath(path)
    if not isinstance(path, str):
        raise TypeError("path must be a str or os.PathLike, not %s" % type(path).__name__)
    if not isinstance(header, bool):
        raise TypeError("header must be True or False, not %r" % (header,))
    if isinstance(skip_rows, bool) or not isinstance(skip_rows, numbers.Integral) or skip_rows < 0:
        raise ValueError("skip_rows must be an integer 0 or more, got %r" % (skip_rows,))
    if not isinstance(delimiter, str) or len(delimiter) != 1:
        raise ValueError("delimiter must be one character, got %r" % (delimiter,))
    if columns is not None:
        if (not isinstance(columns, (tuple, list)) or len(columns) != 2
                or any(isinstance(c, bool) or not isinstance(c, numbers.Integral) for c in columns)):
            raise ValueError("columns must be a pair (from, to) of integers, got %r" % (columns,))
        if columns[0] < 0 or columns[1] <= columns[0]:
            raise ValueError("%s: columns [%d, %d) are empty" % (path, columns[0], columns[1]))
        columns = (int(columns[0]), int(columns[1]))
    return path, int(skip_rows), columns


class FileInput(JavaBacked):
    """A file given as data (daal4j.data.Inputs.FileInput): from rows_of (one file split across
    ranks) or csv_file (a whole file); algorithms' compute takes it wherever it takes data."""

    __slots__ = ("path", "header", "skip_rows", "delimiter", "columns", "split")

    def __init__(self, split, path, header=False, skip_rows=0, delimiter=",", columns=None):
        path, skip_rows, columns = _check(path, header, skip_rows, delimiter, columns)
        s = session()
        data = s.jvm.daal4j.data
        reader = call(data.Csv.reader)
        if header:
            reader = call(reader.header, True)
        if skip_rows:
            reader = call(reader.skipRows, skip_rows)
        if delimiter != ",":
            reader = call(reader.delimiter, delimiter)
        java = call(data.Inputs.rowsOf if split else data.Inputs.file, path, reader)
        if columns is not None:
            java = call(java.columns, columns[0], columns[1])
        super().__init__(java)
        for k, v in (("path", path), ("header", header), ("skip_rows", skip_rows), ("delimiter", delimiter),
                     ("columns", columns), ("split", split)):
            object.__setattr__(self, k, v)

    def __setattr__(self, attr, value):
        raise AttributeError("daal4j file inputs are read-only")

    def __repr__(self):
        options = [repr(self.path)]
        if self.header:
            options.append("header=True")
        if self.skip_rows:
            options.append("skip_rows=%d" % self.skip_rows)
        if self.delimiter != ",":
            options.append("delimiter=%r" % self.delimiter)
        if self.columns is not None:
            options.append("columns=%r" % (self.columns,))
        return "daal4j.%s(%s)" % ("rows_of" if self.split else "csv_file", ", ".join(options))


def rows_of(path, header=False, skip_rows=0, delimiter=",", columns=None):
    """One file split across ranks: each rank of a distributed compute reads only its part (a CSV
    file's byte range cut at lines, a Parquet file's row groups); read whole elsewhere.

    header: the first line (after skip_rows skipped lines) names the columns; columns=(from, to)
    keeps columns from..to-1, so data and responses can come from the same rows::

        d4p.low_order_moments(distributed=True).compute(d4p.rows_of("big.csv", header=True))
        d4p.linear_regression_training(distributed=True).compute(
            d4p.rows_of(f, columns=(0, 10)), d4p.rows_of(f, columns=(10, 11)))

    Compressed files (.gz, .bz2, .xz, .zst) cannot be split: give one file per rank (csv_file).
    The CSV options do not apply to Parquet files (.parquet).
    """
    return FileInput(True, path, header, skip_rows, delimiter, columns)


def csv_file(path, header=False, skip_rows=0, delimiter=",", columns=None):
    """One whole file read with these options (every rank that gets it reads all of it), e.g.
    this rank's own file: ``d4p.csv_file("part{}.csv".format(d4p.my_procid()), header=True)``.
    Compressed files (.gz, .bz2, .xz, .zst) are decompressed by their extension."""
    return FileInput(False, path, header, skip_rows, delimiter, columns)
