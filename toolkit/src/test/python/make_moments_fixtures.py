"""Reference values for the low order moments tests.

Computes every estimate exactly with rational arithmetic (fractions.Fraction is exact for
doubles) and rounds once, so the reference does not share any rounding error with the
code under test; cross-checked against NumPy. Writes CSV files under
toolkit/src/test/resources/fixtures/moments/: <case>.csv (the data, when generated here)
and <case>.<estimate>.csv (1 x p).

Run from anywhere: python3 toolkit/src/test/python/make_moments_fixtures.py
"""
from fractions import Fraction
from pathlib import Path
import math

import numpy as np

REPO = Path(__file__).resolve().parents[4]
OUT = REPO / "toolkit/src/test/resources/fixtures/moments"


def exact_moments(x):
    n = x.shape[0]
    out = {k: [] for k in ("minimum", "maximum", "sum", "sumSquares", "sumSquaresCentered", "mean",
                           "secondOrderRawMoment", "variance", "standardDeviation", "variation")}
    for j in range(x.shape[1]):
        col = [Fraction(float(v)) for v in x[:, j]]
        s = sum(col)
        ss = sum(v * v for v in col)
        mean = s / n
        ssc = sum((v - mean) ** 2 for v in col)
        var = ssc / (n - 1)
        sd = math.sqrt(var)  # correctly rounded sqrt of the rounded variance is within 1 ulp
        out["minimum"].append(float(min(col)))
        out["maximum"].append(float(max(col)))
        out["sum"].append(float(s))
        out["sumSquares"].append(float(ss))
        out["sumSquaresCentered"].append(float(ssc))
        out["mean"].append(float(mean))
        out["secondOrderRawMoment"].append(float(ss / n))
        out["variance"].append(float(var))
        out["standardDeviation"].append(sd)
        out["variation"].append(sd / float(mean) if mean != 0 else float("inf"))
    return {k: np.array(v) for k, v in out.items()}


def check_against_numpy(x, ref):
    np.testing.assert_allclose(ref["mean"], x.mean(axis=0), rtol=1e-12, atol=1e-300)
    # NumPy's rounded mean costs it ~1e-3 of the variance near 1e15; the exact value is the reference
    np.testing.assert_allclose(ref["variance"], x.var(axis=0, ddof=1), rtol=1e-2)
    np.testing.assert_array_equal(ref["minimum"], x.min(axis=0))
    np.testing.assert_array_equal(ref["maximum"], x.max(axis=0))


def write(name, x, generated):
    if generated:
        np.savetxt(OUT / f"{name}.csv", x, delimiter=",", fmt="%.17g")
    ref = exact_moments(x)
    check_against_numpy(x, ref)
    for k, v in ref.items():
        np.savetxt(OUT / f"{name}.{k}.csv", v.reshape(1, -1), delimiter=",", fmt="%.17g")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    example = np.genfromtxt(REPO / "data/daal4py-examples/batch/covcormoments_dense.csv", delimiter=",")
    example = example[:, ~np.isnan(example).all(axis=0)]  # drop the column a trailing comma makes
    write("covcormoments_dense", example, generated=False)

    rng = np.random.default_rng(20261127)
    # constant columns next to varying ones: variance exactly 0, variation 0
    const = np.column_stack([np.full(50, 3.25), rng.normal(size=50), np.full(50, -7.0)])
    write("constant", const, generated=True)
    # values near 1e15 with a spread of about 30: naive sumSquares - n*mean^2 loses everything
    big = 1e15 + rng.uniform(-50, 50, size=(1000, 3)).round(3)
    write("near1e15", big, generated=True)


if __name__ == "__main__":
    main()
