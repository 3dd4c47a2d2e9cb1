"""Every algorithm through the Python package, batch, against daal4py 2024.7.0 (same names,
shapes, dtypes and values), NumPy/scikit-learn, and the Java toolkit called directly."""
import numpy as np
import pytest
from py4j.java_gateway import get_field

from conftest import data, needs

import daal4j as d4p
from daal4j import _gateway

daal4py = pytest.importorskip("daal4py")


def load(name, ncols):
    return np.loadtxt(data(name), delimiter=",", usecols=range(ncols), ndmin=2)


def java():
    """The Java facade, called directly over Py4J (no daal4j Python code in between)."""
    return _gateway.session().jvm.daal4j.Daal4j


def same_as_java(ours, java_result, samples=40):
    """Every field equals the Java result's, entry by entry over Py4J (a few sampled entries)."""
    rng = np.random.default_rng(0)
    for name in ours._values:
        theirs = get_field(java_result, name)
        mine = getattr(ours, name)
        if isinstance(theirs, (int, float)):
            assert mine.item() == theirs, name
        elif theirs is not None and theirs.getClass().getSimpleName() == "Matrix":
            assert mine.shape == (theirs.rows(), theirs.cols()), name
            if mine.size:
                for k in rng.integers(0, mine.size, samples):
                    i, j = divmod(int(k), mine.shape[1])
                    assert mine[i, j] == theirs.get(i, j), (name, i, j)


def same_as_daal4py(ours, theirs, names, rtol=1e-9, atol=1e-9, signs=()):
    """Same shapes, dtypes and values as daal4py's result (columns of `signs` fields up to sign)."""
    for n in names:
        a, b = getattr(ours, n), getattr(theirs, n)
        assert a.shape == b.shape, (n, a.shape, b.shape)
        assert a.dtype == b.dtype, (n, a.dtype, b.dtype)
        if n in signs:
            a, b = np.abs(a), np.abs(b)
        np.testing.assert_allclose(a, b, rtol=rtol, atol=atol, err_msg=n)


def test_low_order_moments():
    needs("lowOrderMoments")
    x = load("batch/covcormoments_dense.csv", 10)
    ours = d4p.low_order_moments().compute(x)
    names = ["minimum", "maximum", "sum", "sumSquares", "sumSquaresCentered", "mean",
             "secondOrderRawMoment", "variance", "standardDeviation", "variation"]
    same_as_daal4py(ours, daal4py.low_order_moments().compute(x), names)
    np.testing.assert_allclose(ours.variance[0], x.var(axis=0, ddof=1), rtol=1e-12)
    np.testing.assert_allclose(ours.mean[0], x.mean(axis=0), rtol=1e-12)
    same_as_java(ours, java().lowOrderMoments().compute(data("batch/covcormoments_dense.csv")))


def test_covariance():
    needs("covariance")
    x = load("batch/covcormoments_dense.csv", 10)
    ours = d4p.covariance().compute(x)
    same_as_daal4py(ours, daal4py.covariance().compute(x), ["covariance", "correlation", "mean"])
    np.testing.assert_allclose(ours.covariance, np.cov(x, rowvar=False), rtol=1e-12)
    # as in daal4py, correlation is the same result as covariance unless outputMatrixType asks for it
    corr = d4p.covariance(outputMatrixType="correlationMatrix").compute(x)
    same_as_daal4py(corr, daal4py.covariance(outputMatrixType="correlationMatrix").compute(x), ["correlation"])
    np.testing.assert_allclose(corr.correlation, np.corrcoef(x, rowvar=False), rtol=1e-12, atol=1e-14)
    same_as_java(ours, java().covariance().compute(data("batch/covcormoments_dense.csv")))


def test_kmeans_init_and_kmeans():
    needs("kmeans")
    x = load("batch/kmeans_dense.csv", 20)
    init = d4p.kmeans_init(10, method="defaultDense").compute(x)
    same_as_daal4py(init, daal4py.kmeans_init(10, method="defaultDense").compute(x), ["centroids"])
    assert np.array_equal(init.centroids, x[:10])
    plus = d4p.kmeans_init(nClusters=10, method="plusPlusDense").compute(x)
    assert plus.centroids.shape == (10, 20) and all(any((c == r).all() for r in x) for c in plus.centroids)

    ours = d4p.kmeans(10, 5).compute(x, init.centroids)
    theirs = daal4py.kmeans(10, 5).compute(x, init.centroids)
    same_as_daal4py(ours, theirs, ["centroids", "assignments", "objectiveFunction", "nIterations"])
    assert ours.assignments.dtype == np.int32 and ours.nIterations.dtype == np.int32
    from sklearn.cluster import KMeans
    sk = KMeans(10, init=init.centroids, n_init=1, max_iter=5, tol=0, algorithm="lloyd").fit(x)
    np.testing.assert_allclose(ours.centroids, sk.cluster_centers_, rtol=1e-9)
    same_as_java(ours, java().kmeans(10, 5).compute(data("batch/kmeans_dense.csv"), _to_java(init.centroids)))


def _to_java(a):
    from daal4j import _core
    return _core.to_java(a)


def regression(kind, **params):
    train = load("batch/linear_regression_train.csv", 12)
    test = load("batch/linear_regression_test.csv", 12)
    x, y = train[:, :10], train[:, 10:]
    ours = getattr(d4p, kind + "_regression_training")(**params).compute(x, y)
    theirs = getattr(daal4py, kind + "_regression_training")(**params).compute(x, y)
    assert ours.model.Beta.shape == (2, 11) and ours.model.Beta.dtype == np.float64
    np.testing.assert_allclose(ours.model.Beta, theirs.model.Beta, rtol=1e-8, atol=1e-9)
    for attr in ("NumberOfBetas", "NumberOfResponses", "NumberOfFeatures"):
        assert getattr(ours.model, attr) == getattr(theirs.model, attr), attr
    pred = getattr(d4p, kind + "_regression_prediction")().compute(test[:, :10], ours.model)
    tpred = getattr(daal4py, kind + "_regression_prediction")().compute(test[:, :10], theirs.model)
    same_as_daal4py(pred, tpred, ["prediction"], rtol=1e-8, atol=1e-8)
    return ours, pred, x, y, test


@pytest.mark.parametrize("intercept", [False, True])
def test_linear_regression(intercept):
    needs("linearRegressionTraining")
    ours, pred, x, y, test = regression("linear", interceptFlag=intercept)
    x1 = np.hstack([np.ones((len(x), 1)), x]) if intercept else x
    beta = np.linalg.lstsq(x1, y, rcond=None)[0].T
    if not intercept:
        beta = np.hstack([np.zeros((2, 1)), beta])
    np.testing.assert_allclose(ours.model.Beta, beta, rtol=1e-8, atol=1e-9)
    from sklearn.linear_model import LinearRegression
    sk = LinearRegression(fit_intercept=intercept).fit(x, y)
    np.testing.assert_allclose(pred.prediction, sk.predict(test[:, :10]), rtol=1e-8)
    # the Java toolkit called directly, and its model used by Python's prediction
    jt = java().linearRegressionTraining().interceptFlag(intercept).compute(_to_java(x), _to_java(y))
    jm = d4p.Model(get_field(jt, "model"))
    np.testing.assert_array_equal(jm.Beta, ours.model.Beta)
    same_as_java(d4p.linear_regression_prediction().compute(test[:, :10], jm),
                 java().linearRegressionPrediction().compute(_to_java(test[:, :10]), get_field(jt, "model")))


@pytest.mark.parametrize("intercept", [False, True])
def test_ridge_regression(intercept):
    needs("ridgeRegressionTraining")
    ours, pred, x, y, test = regression("ridge", interceptFlag=intercept)
    b = ours.model.Beta
    np.testing.assert_allclose(pred.prediction, test[:, :10] @ b[:, 1:].T + b[:, 0], rtol=1e-10)
    if not intercept:  # the closed form (X'X + I) beta = X'y, NumPy
        beta = np.linalg.solve(x.T @ x + np.eye(10), x.T @ y).T
        np.testing.assert_allclose(b[:, 1:], beta, rtol=1e-8)
    jt = java().ridgeRegressionTraining().interceptFlag(intercept).compute(_to_java(x), _to_java(y))
    np.testing.assert_array_equal(d4p.Model(get_field(jt, "model")).Beta, b)
    same_as_java(pred, java().ridgeRegressionPrediction().compute(_to_java(test[:, :10]), get_field(jt, "model")))


def test_multinomial_naive_bayes():
    needs("multinomialNaiveBayesTraining")
    train = load("batch/naivebayes_train_dense.csv", 21)
    test = load("batch/naivebayes_test_dense.csv", 21)
    ours = d4p.multinomial_naive_bayes_training(20).compute(train[:, :20], train[:, 20:])
    theirs = daal4py.multinomial_naive_bayes_training(20).compute(train[:, :20], train[:, 20:])
    pred = d4p.multinomial_naive_bayes_prediction(20).compute(test[:, :20], ours.model)
    tpred = daal4py.multinomial_naive_bayes_prediction(20).compute(test[:, :20], theirs.model)
    same_as_daal4py(pred, tpred, ["prediction"])
    from sklearn.naive_bayes import MultinomialNB
    sk = MultinomialNB(alpha=1.0).fit(train[:, :20], train[:, 20])
    assert (pred.prediction[:, 0] == sk.predict(test[:, :20])).all()
    for attr in ("LogP", "LogTheta"):
        np.testing.assert_allclose(getattr(ours.model, attr), getattr(theirs.model, attr), rtol=1e-10, err_msg=attr)
    jt = java().multinomialNaiveBayesTraining(20).compute(_to_java(train[:, :20]), _to_java(train[:, 20:]))
    same_as_java(pred, java().multinomialNaiveBayesPrediction(20).compute(_to_java(test[:, :20]),
                                                                         get_field(jt, "model")))


def test_qr():
    needs("qr")
    x = load("batch/qr.csv", 18)
    ours = d4p.qr().compute(x)
    theirs = daal4py.qr().compute(x)
    same_as_daal4py(ours, theirs, ["matrixR", "matrixQ"], rtol=1e-7, atol=1e-9, signs=("matrixR", "matrixQ"))
    np.testing.assert_allclose(ours.matrixQ @ ours.matrixR, x, atol=1e-9)
    np.testing.assert_allclose(np.abs(ours.matrixR), np.abs(np.linalg.qr(x, mode="r")), rtol=1e-7, atol=1e-9)
    same_as_java(ours, java().qr().compute(data("batch/qr.csv")))


def test_svd():
    needs("svd")
    x = load("batch/svd.csv", 18)
    ours = d4p.svd().compute(x)
    theirs = daal4py.svd().compute(x)
    same_as_daal4py(ours, theirs, ["singularValues", "rightSingularMatrix", "leftSingularMatrix"],
                    rtol=1e-7, atol=1e-9, signs=("rightSingularMatrix", "leftSingularMatrix"))
    np.testing.assert_allclose(ours.singularValues[0], np.linalg.svd(x, compute_uv=False), rtol=1e-10)
    u, s, vt = ours.leftSingularMatrix, ours.singularValues[0], ours.rightSingularMatrix
    np.testing.assert_allclose((u * s) @ vt, x, atol=1e-9)
    same_as_java(ours, java().svd().compute(data("batch/svd.csv")))


@pytest.mark.parametrize("method", ["correlationDense", "svdDense"])
def test_pca_and_pca_transform(method):
    needs("pca")
    x = load("batch/pca_normalized.csv", 10)
    ours = d4p.pca(method=method, resultsToCompute="mean|variance|eigenvalue", isDeterministic=True).compute(x)
    theirs = daal4py.pca(method=method, resultsToCompute="mean|variance|eigenvalue",
                         isDeterministic=True).compute(x)
    same_as_daal4py(ours, theirs, ["eigenvalues", "eigenvectors", "means", "variances"],
                    rtol=1e-7, atol=1e-9, signs=("eigenvectors",))
    w = np.linalg.eigvalsh(np.corrcoef(x, rowvar=False))[::-1]
    if method == "svdDense":  # daal4py reports the singular values of the z-scored data there
        w = np.sqrt(w * (len(x) - 1))
    np.testing.assert_allclose(ours.eigenvalues[0], w, rtol=1e-9)
    assert set(ours.dataForTransform) == {"mean", "variance", "eigenvalue"}

    same_as_java(ours, java().pca().method(method).resultsToCompute("mean|variance|eigenvalue")
                 .isDeterministic(True).compute(data("batch/pca_normalized.csv")))
    t = d4p.pca_transform(nComponents=2).compute(x, ours.eigenvectors, ours.dataForTransform)
    tt = daal4py.pca_transform(nComponents=2).compute(x, theirs.eigenvectors, theirs.dataForTransform)
    same_as_daal4py(t, tt, ["transformedData"], rtol=1e-7, atol=1e-8, signs=("transformedData",))
