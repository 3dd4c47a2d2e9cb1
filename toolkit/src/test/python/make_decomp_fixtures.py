"""Reference values for daal4j's QR, SVD and PCA tests (toolkit/src/test/resources/fixtures/decomp/).

NumPy gives the decompositions; daal4py 2024.7.0 (batch) gives PCA's own conventions (which
"eigenvalues" svdDense reports, doScale, centering-only normalization, pca_transform's
whitening). Signs are fixed as daal4j documents them: R with a non-negative diagonal; every
right singular vector / eigenvector with its largest-magnitude entry positive.

Run: python3 toolkit/src/test/python/make_decomp_fixtures.py   (from the repository root)
"""
import os
import sys
import types

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "fixtures", "decomp")


def daal4py():
    # daal4py 2024.7.0's package __init__ imports its sklearn patches, which fail against newer
    # scikit-learn; the algorithms themselves live in daal4py._daal4py and need neither.
    for name in ("daal4py.sklearn", "daal4py.mb"):
        sys.modules.setdefault(name, types.ModuleType(name))
    import daal4py as d4p
    return d4p


def save(name, a):
    a = np.atleast_2d(np.asarray(a, dtype=np.float64))
    np.savetxt(os.path.join(OUT, name + ".csv"), a, delimiter=",", fmt="%.17g")


def flip_rows(v):
    """Each row times the sign of its largest-magnitude entry (first one on ties)."""
    idx = np.argmax(np.abs(v), axis=1)
    s = np.sign(v[np.arange(v.shape[0]), idx])
    s[s == 0] = 1
    return v * s[:, None], s


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20261127)
    n, p = 1000, 7
    # correlated columns of different scales and offsets
    x = rng.standard_normal((n, p)) @ rng.standard_normal((p, p)) * np.arange(1, p + 1) + np.linspace(-50, 50, p)
    save("tall", x)

    q, r = np.linalg.qr(x)
    d = np.sign(np.diag(r))
    d[d == 0] = 1
    save("tall.matrixR", r * d[:, None])

    u, s, vt = np.linalg.svd(x, full_matrices=False)
    vt, signs = flip_rows(vt)
    save("tall.singularValues", s)
    save("tall.rightSingularMatrix", vt)

    mean = x.mean(axis=0)
    var = x.var(axis=0, ddof=1)
    save("tall.means", mean)
    save("tall.variances", var)

    # correlationDense: eigenpairs of the correlation matrix
    w, v = np.linalg.eigh(np.corrcoef(x.T))
    w, v = w[::-1], v[:, ::-1].T
    save("tall.correlation.eigenvalues", w)
    save("tall.correlation.eigenvectors", flip_rows(v)[0])

    # svdDense: singular values of the z-scored data (daal4py reports these as "eigenvalues")
    z = (x - mean) / np.sqrt(var)
    _, sz, vz = np.linalg.svd(z, full_matrices=False)
    save("tall.svd.eigenvalues", sz)
    save("tall.svd.eigenvectors", flip_rows(vz)[0])

    # daal4py's own PCA conventions on the same data
    d4p = daal4py()
    test = x[:20]
    save("tall.test", test)
    for method in ("correlationDense", "svdDense"):
        for label, kw in (("default", {}), ("doScale", {"doScale": True}),
                          ("center", {"normalization": d4p.normalization_zscore(doScale=False)})):
            if method == "correlationDense" and label != "default":
                continue
            res = d4p.pca(method=method, isDeterministic=True, resultsToCompute="mean|variance|eigenvalue",
                          **kw).compute(x)
            tag = "daal4py.%s.%s" % (method, label)
            save(tag + ".eigenvalues", res.eigenvalues)
            save(tag + ".eigenvectors", res.eigenvectors)
            save(tag + ".means", res.means)
            save(tag + ".variances", res.variances)
            for nc in (p, 3):
                t = d4p.pca_transform(nComponents=nc).compute(test, res.eigenvectors, res.dataForTransform)
                save("%s.transformedData%d" % (tag, nc), t.transformedData)
        # three leading components of the default method
        res = d4p.pca(method=method, isDeterministic=True, nComponents=3).compute(x)
        save("daal4py.%s.nComponents3.eigenvalues" % method, res.eigenvalues)
        save("daal4py.%s.nComponents3.eigenvectors" % method, res.eigenvectors)
    # transform without whitening (no eigenvalue), centering only, and nothing at all
    res = d4p.pca(method="correlationDense", isDeterministic=True, resultsToCompute="mean|variance|eigenvalue").compute(x)
    dft = res.dataForTransform
    for label, keys in (("meanVariance", ("mean", "variance")), ("mean", ("mean",)), ("none", ())):
        t = d4p.pca_transform(nComponents=p).compute(test, res.eigenvectors, {k: dft[k] for k in keys})
        save("daal4py.transform.%s" % label, t.transformedData)


if __name__ == "__main__":
    main()
