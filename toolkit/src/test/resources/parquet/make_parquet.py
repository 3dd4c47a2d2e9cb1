"""Writes the small Parquet files ParquetTest reads, and their expected values as CSV.

The files come from pyarrow, not from daal4j, so the reader is checked against an
independent writer. Run from anywhere: python3 make_parquet.py (writes next to this script).
The CSV files hold the values with repr() (shortest round-trip form), so Csv.read gives
back exactly the doubles Parquet holds.
"""
import os

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, table, row_group_size=None, row_group_sizes=None, **kw):
    path = os.path.join(HERE, name + ".parquet")
    if row_group_sizes is not None:
        # unequal row groups: one write_table call per group
        with pq.ParquetWriter(path, table.schema, **kw) as w:
            start = 0
            for n in row_group_sizes:
                w.write_table(table.slice(start, n), row_group_size=n)
                start += n
            assert start == table.num_rows
    else:
        pq.write_table(table, path, row_group_size=row_group_size, **kw)
    return path


def write_csv(name, table):
    cols = [table.column(i).to_pylist() for i in range(table.num_columns)]
    with open(os.path.join(HERE, name + ".csv"), "w") as f:
        for i in range(table.num_rows):
            f.write(",".join(repr(float(c[i])) for c in cols) + "\n")


def mixed(n, seed):
    rng = np.random.default_rng(seed)
    return pa.table({
        "i32": pa.array(rng.integers(-2**31, 2**31 - 1, n), pa.int32()),
        # int64 values that a double holds exactly (|v| <= 2**53)
        "i64": pa.array(rng.integers(-2**53, 2**53, n), pa.int64()),
        "f32": pa.array(rng.standard_normal(n).astype(np.float32), pa.float32()),
        "f64": pa.array(rng.standard_normal(n) * 1e3, pa.float64()),
        "flag": pa.array(rng.integers(0, 2, n).astype(bool), pa.bool_()),
    })


def main():
    # several equal row groups (the last one short), mixed types, nullable columns without nulls, zstd
    t = mixed(250, 1)
    write("mixed", t, row_group_size=40, compression="zstd")
    write_csv("mixed", t)

    # required (non-nullable) columns, row groups of unequal size, snappy, version 2 data pages
    t = mixed(300, 2)
    schema = pa.schema([pa.field(f.name, f.type, nullable=False) for f in t.schema])
    t = t.cast(schema)
    write("unequal", t, row_group_sizes=[7, 120, 1, 60, 90, 22], compression="snappy",
          data_page_version="2.0")
    write_csv("unequal", t)

    # one row group only, gzip
    t = mixed(20, 3).select(["f64", "i32"])
    write("single", t, compression="gzip")
    write_csv("single", t)

    # a string column among numeric ones
    t = pa.table({"x": pa.array([1.0, 2.0, 3.0]), "name": pa.array(["a", "b", "c"]),
                  "y": pa.array([4, 5, 6], pa.int32())})
    write("strings", t)

    # a null in the second row group: row 1 of group 1 (file row 4), column 'b'
    t = pa.table({"a": pa.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]),
                  "b": pa.array([1, 2, 3, 4, None, 6], pa.int64())})
    write("nulls", t, row_group_size=3)


if __name__ == "__main__":
    main()
