"""Reference values for the multinomial naive Bayes tests, from scikit-learn's MultinomialNB.

daal4py's model is LogP = log(priorClassEstimates) (uniform 1/nClasses by default, i.e.
MultinomialNB(fit_prior=False)) and LogTheta = log((count + alpha) / (class total + sum alpha)),
MultinomialNB's feature_log_prob_. Classes with no rows are declared through partial_fit's
classes. Writes CSV files (full precision) under
toolkit/src/test/resources/fixtures/naivebayes/: the data (<case>.x.csv, <case>.labels.csv,
<case>.test.csv) and <case>.<reference>.{LogP,LogTheta,prediction,probabilities,logProbabilities}.csv.

Run from anywhere: python3 toolkit/src/test/python/make_naivebayes_fixtures.py
"""
from pathlib import Path

import numpy as np
from sklearn.naive_bayes import MultinomialNB

REPO = Path(__file__).resolve().parents[4]
OUT = REPO / "toolkit/src/test/resources/fixtures/naivebayes"


def save(name, a):
    a = np.asarray(a, dtype=float)
    np.savetxt(OUT / f"{name}.csv", a.reshape(a.shape[0], -1), delimiter=",", fmt="%.17g")


def reference(name, x, y, test, n_classes, alpha=1.0, prior=None):
    nb = MultinomialNB(alpha=alpha, fit_prior=False, class_prior=prior, force_alpha=True)
    nb.partial_fit(x, y, classes=np.arange(n_classes))
    save(f"{name}.LogP", nb.class_log_prior_.reshape(-1, 1))
    save(f"{name}.LogTheta", nb.feature_log_prob_)
    save(f"{name}.prediction", nb.predict(test).reshape(-1, 1))
    save(f"{name}.probabilities", nb.predict_proba(test))
    save(f"{name}.logProbabilities", nb.predict_log_proba(test))


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20261129)

    # 5 classes, class 4 without rows; counts drawn from class-dependent rates
    n, p, k = 700, 8, 5
    y = rng.integers(0, 4, size=n)
    rates = rng.uniform(0.5, 20, size=(k, p))
    x = rng.poisson(rates[y]).astype(float)
    test = rng.poisson(rates[rng.integers(0, 5, size=60)]).astype(float)
    save("random.x", x)
    save("random.labels", y.reshape(-1, 1))
    save("random.test", test)
    reference("random.default", x, y, test, k)
    reference("random.alpha_prior", x, y, test, k, alpha=np.linspace(0.25, 2.0, p),
              prior=np.array([0.1, 0.2, 0.3, 0.25, 0.15]))

    # daal4py's example: 20 features, 20 classes, the label in the last column
    train = np.genfromtxt(REPO / "data/daal4py-examples/batch/naivebayes_train_dense.csv", delimiter=",")
    ex_test = np.genfromtxt(REPO / "data/daal4py-examples/batch/naivebayes_test_dense.csv", delimiter=",")
    reference("example.default", train[:, :20], train[:, 20].astype(int), ex_test[:, :20], 20)


if __name__ == "__main__":
    main()
