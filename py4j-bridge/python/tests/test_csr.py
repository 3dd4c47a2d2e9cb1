"""scipy.sparse CSR inputs (csr_matrix and csr_array) with daal4py's CSR methods: low order
moments and covariance (fastCSR, singlePassCSR, sumCSR), multinomial naive Bayes (fastCSR),
against NumPy on the densified matrix, scikit-learn's MultinomialNB, and under mpirun -n 2."""
import textwrap

import numpy as np
import pytest

from conftest import PYTHON_DIR, data, mpi_available, mpirun

import daal4j as d4p

sp = pytest.importorskip("scipy.sparse")

METHODS = ["fastCSR", "singlePassCSR", "sumCSR"]


def read_csr(rel):
    """A CSR file of daal4py's examples (1-based offsets and indices) as a scipy csr_matrix."""
    with open(data(rel)) as f:
        lines = [line.strip().rstrip(",") for line in f if line.strip()]
    offsets, indices, values = (np.array([float(x) for x in line.split(",")]) for line in lines)
    return sp.csr_matrix((values, indices.astype(np.int64) - 1, offsets.astype(np.int64) - 1))


@pytest.fixture(scope="module")
def kmeans_csr():
    return read_csr("distributed/kmeans_csr.csv")


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("kind", ["csr_matrix", "csr_array"])
def test_low_order_moments(kmeans_csr, method, kind):
    x = getattr(sp, kind)(kmeans_csr)
    a = kmeans_csr.toarray()
    r = d4p.low_order_moments(method=method).compute(x)
    expected = {"minimum": a.min(0), "maximum": a.max(0), "sum": a.sum(0), "sumSquares": (a * a).sum(0),
                "sumSquaresCentered": ((a - a.mean(0)) ** 2).sum(0), "mean": a.mean(0),
                "variance": a.var(0, ddof=1), "standardDeviation": a.std(0, ddof=1)}
    for name, value in expected.items():
        np.testing.assert_allclose(getattr(r, name)[0], value, rtol=1e-10, err_msg=name)


@pytest.mark.parametrize("method", METHODS)
def test_covariance(kmeans_csr, method):
    a = kmeans_csr.toarray()
    r = d4p.covariance(method=method).compute(kmeans_csr)
    np.testing.assert_allclose(r.covariance, np.cov(a.T), rtol=1e-10)
    np.testing.assert_allclose(r.mean[0], a.mean(0), rtol=1e-10)
    c = d4p.covariance(method=method, outputMatrixType="correlationMatrix").compute(sp.csr_array(kmeans_csr))
    np.testing.assert_allclose(c.correlation, np.corrcoef(a.T), rtol=1e-10, atol=1e-14)


def test_kmeans_csr_equals_dense():
    """k-means from Python on a scipy matrix: each CSR init method and lloydCSR give the dense
    methods' centroids on the densified matrix (same draws for the same seed)."""
    x = sp.random(600, 40, density=0.1, format="csr", random_state=3)
    dense = x.toarray()
    for method in ("deterministic", "random", "plusPlus", "parallelPlus"):
        init = d4p.kmeans_init(6, method=method + "CSR", seed=7).compute(x)
        ref = d4p.kmeans_init(6, method=method + "Dense", seed=7).compute(dense)
        np.testing.assert_allclose(init.centroids, ref.centroids, rtol=1e-10, atol=1e-12, err_msg=method)
    r = d4p.kmeans(6, 10, method="lloydCSR", assignFlag=True).compute(x, init.centroids)
    rd = d4p.kmeans(6, 10, assignFlag=True).compute(dense, init.centroids)
    np.testing.assert_allclose(r.centroids, rd.centroids, rtol=1e-10, atol=1e-12)
    np.testing.assert_array_equal(r.assignments, rd.assignments)
    np.testing.assert_allclose(r.objectiveFunction, rd.objectiveFunction, rtol=1e-10)


def test_index_types_and_non_canonical_input():
    a = np.array([[0, 2.5, 0, 1], [0, 0, 0, 0], [3, 0, -1, 0]])
    for dtype in (np.int32, np.int64):
        x = sp.csr_matrix(a)
        x.indptr = x.indptr.astype(dtype)
        x.indices = x.indices.astype(dtype)
        r = d4p.low_order_moments(method="fastCSR").compute(x)
        np.testing.assert_allclose(r.mean[0], a.mean(0), rtol=1e-14)
    # unsorted indices with a duplicate: summed and sorted before crossing
    x = sp.csr_matrix((np.array([1.0, 2.0, 4.0]), np.array([2, 0, 2]), np.array([0, 3])), shape=(1, 3))
    r = d4p.low_order_moments(method="fastCSR").compute(x)
    np.testing.assert_allclose(r.sum[0], [2.0, 0.0, 5.0])
    # float32 values and an empty matrix's shape
    r = d4p.low_order_moments(method="fastCSR").compute(sp.csr_matrix(a.astype(np.float32)))
    np.testing.assert_allclose(r.maximum[0], a.max(0))


def test_naive_bayes_against_sklearn():
    from sklearn.naive_bayes import MultinomialNB
    xtr = read_csr("distributed/naivebayes_train_csr.csv")
    y = np.loadtxt(data("distributed/naivebayes_train_labels.csv"), delimiter=",").reshape(-1, 1)
    xte = read_csr("distributed/naivebayes_test_csr.csv")
    model = d4p.multinomial_naive_bayes_training(20, method="fastCSR").compute(xtr, y).model
    sk = MultinomialNB(alpha=1.0, fit_prior=False).fit(xtr, y[:, 0])
    np.testing.assert_allclose(model.LogTheta, sk.feature_log_prob_, rtol=1e-10)
    pred = d4p.multinomial_naive_bayes_prediction(20, method="fastCSR").compute(sp.csr_array(xte), model)
    assert (pred.prediction[:, 0] == sk.predict(xte)).all()
    dense = d4p.multinomial_naive_bayes_prediction(20).compute(xte.toarray(), model)
    assert (pred.prediction == dense.prediction).all()


def test_errors_name_the_method_to_use(kmeans_csr):
    with pytest.raises(Exception, match="use method fastCSR"):
        d4p.low_order_moments().compute(kmeans_csr)
    with pytest.raises(Exception, match="use method defaultDense"):
        d4p.covariance(method="fastCSR").compute(kmeans_csr.toarray())
    with pytest.raises(Exception, match="must be CSR"):
        d4p.covariance(method="fastCSR").compute(kmeans_csr.tocsc())
    neg = sp.csr_matrix(np.array([[1.0, -2.0], [0.0, 3.0]]))
    with pytest.raises(Exception, match="non-negative"):
        d4p.multinomial_naive_bayes_training(2, method="fastCSR").compute(neg, np.array([[0.0], [1.0]]))
    with pytest.raises(Exception, match="labels has 3 rows, data has 2"):
        d4p.multinomial_naive_bayes_training(2, method="fastCSR").compute(abs(neg), np.array([[0.0], [1.0], [1.0]]))


SCRIPT = textwrap.dedent("""
    import sys
    import numpy as np
    import scipy.sparse as sp
    sys.path.insert(0, %(tests)r)
    from test_csr import read_csr
    import daal4j as d4p

    d4p.daalinit()
    rank, ranks = d4p.my_procid(), d4p.num_procs()
    x = read_csr("distributed/kmeans_csr.csv")
    a = x.toarray()
    mine = x[np.array_split(np.arange(x.shape[0]), ranks)[rank]]
    r = d4p.low_order_moments(method="fastCSR", distributed=True).compute(mine)
    np.testing.assert_allclose(r.variance[0], a.var(0, ddof=1), rtol=1e-10)
    np.testing.assert_allclose(r.maximum[0], a.max(0), rtol=0)
    c = d4p.covariance(method="singlePassCSR", distributed=True).compute(sp.csr_array(mine))
    np.testing.assert_allclose(c.covariance, np.cov(a.T), rtol=1e-10)
    t = read_csr("distributed/naivebayes_train_csr.csv")
    y = np.loadtxt(%(labels)r, delimiter=",").reshape(-1, 1)
    part = np.array_split(np.arange(t.shape[0]), ranks)[rank]
    m = d4p.multinomial_naive_bayes_training(20, method="fastCSR", distributed=True).compute(t[part], y[part]).model
    whole = d4p.multinomial_naive_bayes_training(20, method="fastCSR").compute(t, y).model
    np.testing.assert_allclose(m.LogTheta, whole.LogTheta, rtol=1e-12)
    print("rank %%d OK" %% rank, flush=True)
    d4p.daalfini()
""")


@pytest.mark.skipif(not mpi_available(), reason="needs mpirun and Open MPI's mpi.jar (scripts/setup)")
def test_distributed_under_mpirun(tmp_path):
    import os
    script = tmp_path / "csr_spmd.py"
    script.write_text(SCRIPT % {"tests": os.path.join(PYTHON_DIR, "tests"),
                                "labels": data("distributed/naivebayes_train_labels.csv")})
    p = mpirun(2, str(script), timeout=240)
    out = p.stdout + p.stderr
    assert p.returncode == 0, out
    for r in range(2):
        assert "rank %d OK" % r in p.stdout, out
