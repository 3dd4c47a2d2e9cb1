"""Reference values for the linear and ridge regression tests.

Least squares from np.linalg.lstsq, ridge from scikit-learn's Ridge (its alpha is the
penalty on the squared non-intercept coefficients, the intercept not penalized, as
daal4py's ridgeParameters), predictions from NumPy. Writes CSV files (full precision)
under toolkit/src/test/resources/fixtures/regression/: the data (<case>.x.csv, <case>.y.csv,
<case>.test.csv) and <case>.<reference>.beta.csv (responses x (features + 1), intercept
first, 0 when not fitted, as daal4py's Beta) and <case>.<reference>.prediction.csv.

Run from anywhere: python3 toolkit/src/test/python/make_regression_fixtures.py
"""
from pathlib import Path

import numpy as np
from sklearn.linear_model import Ridge

REPO = Path(__file__).resolve().parents[4]
OUT = REPO / "toolkit/src/test/resources/fixtures/regression"


def save(name, a):
    np.savetxt(OUT / f"{name}.csv", np.atleast_2d(a), delimiter=",", fmt="%.17g")


def lstsq_beta(x, y, intercept):
    n = x.shape[0]
    if intercept:
        b = np.linalg.lstsq(np.column_stack([np.ones(n), x]), y, rcond=None)[0]
        return b.T
    b = np.linalg.lstsq(x, y, rcond=None)[0]
    return np.column_stack([np.zeros(y.shape[1]), b.T])


def ridge_beta(x, y, alpha, intercept):
    r = Ridge(alpha=alpha, fit_intercept=intercept, solver="cholesky", tol=1e-15).fit(x, y)
    b0 = r.intercept_ if intercept else np.zeros(y.shape[1])
    return np.column_stack([b0, r.coef_])


def predict(beta, x):
    return x @ beta[:, 1:].T + beta[:, 0]


def write_case(name, x, y, test, refs):
    save(f"{name}.x", x)
    save(f"{name}.y", y)
    save(f"{name}.test", test)
    for ref, beta in refs.items():
        save(f"{name}.{ref}.beta", beta)
        save(f"{name}.{ref}.prediction", predict(beta, test))


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20261128)

    # correlated features of different scales and means, two responses with noise
    n, p = 500, 6
    x = rng.normal(size=(n, p)) @ rng.normal(size=(p, p)) * np.array([1, 5, 0.2, 3, 1, 0.5]) \
        + np.array([10, -4, 0, 2, 100, -7])
    true = rng.normal(size=(p, 2))
    y = x @ true + np.array([3.0, -1.5]) + 0.1 * rng.normal(size=(n, 2))
    test = x[:40] + rng.normal(size=(40, p))
    write_case("random", x, y, test, {
        "lstsq_intercept": lstsq_beta(x, y, True),
        "lstsq_nointercept": lstsq_beta(x, y, False),
        "ridge1_intercept": ridge_beta(x, y, 1.0, True),
        "ridge1_nointercept": ridge_beta(x, y, 1.0, False),
        "ridge25_intercept": ridge_beta(x, y, 25.0, True),
        "ridge_per_response_intercept": ridge_beta(x, y, np.array([0.5, 40.0]), True),
        "ridge_per_response_nointercept": ridge_beta(x, y, np.array([0.5, 40.0]), False),
    })

    # a rank-deficient design: column 3 = column 0 + column 1. The centered problem's
    # minimum-norm slopes (what the pseudo-inverse gives), intercept mean(y) - mean(x)'b;
    # its predictions equal those of any least-squares solution (checked here)
    xs = rng.normal(size=(80, 3)) + 2
    xs = np.column_stack([xs, xs[:, 0] + xs[:, 1]])
    ys = xs[:, :3] @ np.array([[1.0], [-2.0], [0.5]]) + 0.3 + 0.05 * rng.normal(size=(80, 1))
    mx, my = xs.mean(axis=0), ys.mean(axis=0)
    slopes = np.linalg.lstsq(xs - mx, ys - my, rcond=None)[0]
    singular = np.column_stack([my - mx @ slopes, slopes.T])
    np.testing.assert_allclose(predict(singular, xs), predict(lstsq_beta(xs, ys, True), xs), atol=1e-10)
    write_case("singular", xs, ys, xs[:10], {"lstsq_intercept": singular})

    # daal4py's 4-rank example: 10 features, 2 responses, the union of the four files
    parts = [np.genfromtxt(REPO / f"data/daal4py-examples/distributed/linear_regression_train_{i}.csv",
                           delimiter=",")[:, :12] for i in range(1, 5)]
    ex = np.vstack(parts)
    test = np.genfromtxt(REPO / "data/daal4py-examples/distributed/linear_regression_test.csv", delimiter=",")[:, :10]
    beta = lstsq_beta(ex[:, :10], ex[:, 10:], True)
    save("example.lstsq_intercept.beta", beta)
    save("example.lstsq_intercept.prediction", predict(beta, test))
    save("example.ridge1_intercept.beta", ridge_beta(ex[:, :10], ex[:, 10:], 1.0, True))


if __name__ == "__main__":
    main()
