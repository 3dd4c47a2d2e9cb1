"""Reference values for the covariance tests.

Covariance (divisor n - 1), correlation and mean, computed exactly with rational arithmetic
(fractions.Fraction is exact for doubles) and rounded once, then cross-checked against
np.cov / np.corrcoef. Writes under toolkit/src/test/resources/fixtures/covariance/:
<case>.csv (the data, when generated here) and <case>.{covariance,correlation,mean}.csv.

Run from anywhere: python3 toolkit/src/test/python/make_covariance_fixtures.py
"""
from fractions import Fraction
from pathlib import Path
import math

import numpy as np

REPO = Path(__file__).resolve().parents[4]
OUT = REPO / "toolkit/src/test/resources/fixtures/covariance"


def exact(x):
    n, p = x.shape
    cols = [[Fraction(float(v)) for v in x[:, j]] for j in range(p)]
    means = [sum(c) / n for c in cols]
    dev = [[v - means[j] for v in cols[j]] for j in range(p)]
    ssc = [[sum(a * b for a, b in zip(dev[i], dev[j])) for j in range(p)] for i in range(p)]
    cov = np.array([[float(ssc[i][j] / (n - 1)) for j in range(p)] for i in range(p)])
    cor = np.empty((p, p))
    for i in range(p):
        for j in range(p):
            # correlation = ssc_ij / sqrt(ssc_ii ssc_jj): the square root rounded once via
            # Fraction -> float of the squared value keeps it within an ulp or two
            num = ssc[i][j]
            den2 = ssc[i][i] * ssc[j][j]
            if den2 == 0:
                cor[i, j] = float("nan")
            else:
                r2 = float(num * num / den2)
                cor[i, j] = math.copysign(math.sqrt(r2), float(num))
    for i in range(p):
        if ssc[i][i] != 0:
            cor[i, i] = 1.0
    return {"covariance": cov, "correlation": cor, "mean": np.array([[float(m) for m in means]])}


def write(name, x, generated, numpy_rtol=1e-12, numpy_atol=1e-300):
    if generated:
        np.savetxt(OUT / f"{name}.csv", x, delimiter=",", fmt="%.17g")
    ref = exact(x)
    np.testing.assert_allclose(ref["covariance"], np.cov(x, rowvar=False), rtol=numpy_rtol, atol=numpy_atol)
    with np.errstate(invalid="ignore", divide="ignore"):
        np.testing.assert_allclose(ref["correlation"], np.corrcoef(x, rowvar=False), rtol=numpy_rtol, atol=max(1e-13, numpy_atol / 100))
    np.testing.assert_allclose(ref["mean"][0], x.mean(axis=0), rtol=1e-12)
    for k, v in ref.items():
        path = OUT / f"{name}.{k}.csv"
        np.savetxt(path, v, delimiter=",", fmt="%.17g")
        path.write_text(path.read_text().replace("nan", "NaN"))  # as Java's Double.parseDouble reads it


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    example = np.genfromtxt(REPO / "data/daal4py-examples/batch/covcormoments_dense.csv", delimiter=",")
    example = example[:, ~np.isnan(example).all(axis=0)]  # drop the column a trailing comma makes
    write("covcormoments_dense", example, generated=False)

    rng = np.random.default_rng(20261127)
    # correlated columns with means far from zero and different scales
    z = rng.normal(size=(600, 6))
    mix = rng.normal(size=(6, 6))
    x = z @ mix * np.array([1, 10, 0.1, 1000, 1, 3]) + np.array([5, -300, 1e4, 0, 7, -2])
    write("random", x, generated=True)
    # a constant column: its correlations are undefined (NaN), as NumPy's
    const = np.column_stack([rng.normal(size=40), np.full(40, 2.5), rng.normal(size=40)])
    write("constant", const, generated=True)
    # values near 1e15 with a spread of about 30: raw sums of squares would lose everything;
    # NumPy's rounded mean costs it ~0.3 of covariances of ~800 here, so it is checked loosely
    big = np.genfromtxt(REPO / "toolkit/src/test/resources/fixtures/moments/near1e15.csv", delimiter=",")
    write("near1e15", big, generated=False, numpy_rtol=1e-2, numpy_atol=1.0)


if __name__ == "__main__":
    main()
