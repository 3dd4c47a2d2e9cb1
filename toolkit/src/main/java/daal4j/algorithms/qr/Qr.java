package daal4j.algorithms.qr;

import daal4j.algorithms.summaries.Tsqr;
import daal4j.algorithms.summaries.TsqrAlgorithm;
import daal4j.data.Matrix;

/**
 * QR decomposition (daal4py's {@code qr}) of tall data: every rank gets R (p x p, non-negative
 * diagonal, see {@link Tsqr}) and Q for its own rows. Batch, distributed, streaming or both.
 */
public final class Qr extends TsqrAlgorithm<Qr, QrResult> {

    private String method = "defaultDense";

    /** Method: defaultDense (daal4py's only dense method). */
    public Qr method(String name) {
        if (!"defaultDense".equals(name)) {
            throw new IllegalArgumentException("qr: unknown method '" + name + "'; use defaultDense");
        }
        method = name;
        return this;
    }

    /** The method in use. */
    public String method() {
        return method;
    }

    @Override
    protected String name() {
        return "qr";
    }

    @Override
    protected boolean keepQ() {
        return true;
    }

    @Override
    protected QrResult finish(Tsqr.Global qr) {
        int p = qr.r().cols();
        return new QrResult(qr.qTimes(Matrix.identity(p)), qr.r());
    }
}
