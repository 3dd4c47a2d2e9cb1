package daal4j.algorithms.pca;

import daal4j.algorithms.LocalRows;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import daal4j.linalg.Products;
import java.util.Map;

/**
 * Projects rows onto principal components (daal4py's {@code pca_transform}), row by row so
 * each rank transforms its own rows: ((x - mean) / sqrt(variance)) E_k' / sqrt(eigenvalue_k),
 * each of mean, variance and eigenvalue (whitening) applied only when dataForTransform has it.
 */
public final class PcaTransform {

    private int nComponents;

    /** Number of leading components to keep; 0 (default) for all rows of the eigenvectors. */
    public PcaTransform nComponents(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("pca_transform: nComponents must be 0 (all) or positive, got " + k);
        }
        nComponents = k;
        return this;
    }

    /**
     * The transformed rows of {@code data}, given pca's {@code eigenvectors} and
     * {@code dataForTransform} (keys mean, variance, eigenvalue; any may be absent or null).
     */
    public PcaTransformResult compute(Object data, Object eigenvectors, Map<String, ?> dataForTransform) {
        Matrix x = Inputs.requireFinite(LocalRows.of(data, "data", true), "pca_transform data");
        Matrix e = Inputs.matrix(eigenvectors, "eigenvectors");
        int p = x.cols();
        if (e.cols() != p) {
            throw new IllegalArgumentException("pca_transform: eigenvectors have " + e.cols() + " columns, data has " + p);
        }
        int k = nComponents == 0 ? e.rows() : nComponents;
        if (k > e.rows()) {
            throw new IllegalArgumentException("pca_transform: nComponents " + k + " exceeds the " + e.rows()
                    + " eigenvectors given");
        }
        Map<String, ?> d = dataForTransform == null ? Map.of() : dataForTransform;
        for (String key : d.keySet()) {
            if (!key.equals("mean") && !key.equals("variance") && !key.equals("eigenvalue")) {
                throw new IllegalArgumentException("pca_transform: unknown dataForTransform key '" + key
                        + "'; use mean, variance, eigenvalue");
            }
        }
        double[] mean = vector(d.get("mean"), "mean", p);
        double[] variance = vector(d.get("variance"), "variance", p);
        double[] eigenvalue = vector(d.get("eigenvalue"), "eigenvalue", -k);
        Matrix z = x;
        if (mean != null || variance != null) {
            double[] v = x.toRowMajor();
            double[] scale = new double[p];
            for (int j = 0; j < p; j++) {
                if (variance != null && !(variance[j] > 0)) {
                    throw new IllegalArgumentException("pca_transform: variance of column " + j + " is " + variance[j]
                            + "; cannot scale by it");
                }
                scale[j] = variance == null ? 1 : 1 / Math.sqrt(variance[j]);
            }
            for (int i = 0; i < v.length; i++) {
                int j = i % p;
                v[i] = (mean == null ? v[i] : v[i] - mean[j]) * scale[j];
            }
            z = Matrix.wrap(x.rows(), p, v);
        }
        Matrix t = Products.multiplyTransposed(z, e.rowRange(0, k));
        if (eigenvalue != null) {
            double[] w = new double[k];
            for (int c = 0; c < k; c++) {
                if (!(eigenvalue[c] > 0)) {
                    throw new IllegalArgumentException("pca_transform: eigenvalue " + c + " is " + eigenvalue[c]
                            + "; cannot whiten by it");
                }
                w[c] = 1 / Math.sqrt(eigenvalue[c]);
            }
            t = t.scaleColumns(w);
        }
        return new PcaTransformResult(t);
    }

    /** A 1 x len vector (at least -len values when len is negative), or null when absent. */
    private static double[] vector(Object value, String key, int len) {
        if (value == null) {
            return null;
        }
        Matrix m = Inputs.matrix(value, "dataForTransform['" + key + "']");
        double[] v = m.toRowMajor();
        boolean ok = len >= 0 ? v.length == len : v.length >= -len;
        if (!ok || (m.rows() != 1 && m.cols() != 1)) {
            throw new IllegalArgumentException("pca_transform: dataForTransform['" + key + "'] has " + m.rows() + " x "
                    + m.cols() + " values, expected " + (len >= 0 ? "1 x " + len : "at least " + -len));
        }
        return v;
    }
}
