package daal4j.algorithms.svd;

import daal4j.algorithms.summaries.Tsqr;
import daal4j.algorithms.summaries.TsqrAlgorithm;
import daal4j.data.Matrix;
import daal4j.linalg.Signs;
import daal4j.linalg.ThinSvd;

/**
 * Singular value decomposition (daal4py's {@code svd}) of tall data X = U diag(s) V': the
 * tall-and-skinny QR of {@link Tsqr}, then the SVD of the small R (LAPACK dgesvd), U = Q U_R.
 * Every rank gets s and V'; U only for its own rows.
 *
 * <p>Sign convention: each right singular vector (row of V') has its largest-magnitude entry
 * positive (oneDAL's deterministic sign flip), U's columns flipped with it.
 */
public final class Svd extends TsqrAlgorithm<Svd, SvdResult> {

    /** daal4py's value for a matrix to compute. */
    public static final String REQUIRED = "requiredInPackedForm";
    /** daal4py's value for a matrix to skip. */
    public static final String NOT_REQUIRED = "notRequired";

    private String method = "defaultDense";
    private boolean left = true;
    private boolean right = true;

    /** Method: defaultDense (daal4py's only dense method). */
    public Svd method(String name) {
        if (!"defaultDense".equals(name)) {
            throw new IllegalArgumentException("svd: unknown method '" + name + "'; use defaultDense");
        }
        method = name;
        return this;
    }

    /** Whether to compute the left singular vectors: requiredInPackedForm (default) or notRequired. */
    public Svd leftSingularMatrix(String format) {
        left = required(format, "leftSingularMatrix");
        return this;
    }

    /** Whether to compute the right singular vectors: requiredInPackedForm (default) or notRequired. */
    public Svd rightSingularMatrix(String format) {
        right = required(format, "rightSingularMatrix");
        return this;
    }

    /** The method in use. */
    public String method() {
        return method;
    }

    private static boolean required(String format, String what) {
        if (REQUIRED.equals(format)) {
            return true;
        }
        if (NOT_REQUIRED.equals(format)) {
            return false;
        }
        throw new IllegalArgumentException("svd: unknown " + what + " '" + format + "'; use " + REQUIRED
                + " or " + NOT_REQUIRED);
    }

    @Override
    protected String name() {
        return "svd";
    }

    @Override
    protected boolean keepQ() {
        return left;
    }

    @Override
    protected SvdResult finish(Tsqr.Global qr) {
        ThinSvd svd = ThinSvd.of(qr.r(), left);
        double[] signs = Signs.largestEntryPositiveSigns(svd.vt());
        Matrix vt = svd.vt().scaleRows(signs);
        Matrix u = left ? qr.qTimes(svd.u().scaleColumns(signs)) : null;
        return new SvdResult(Matrix.row(svd.values()), right ? vt : null, u);
    }
}
