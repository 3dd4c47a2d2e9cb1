package daal4j.algorithms.pca;

import daal4j.algorithms.Algorithm;
import daal4j.algorithms.qr.CenteredR;

/** Count, means and centered R of all rows across chunks and ranks: svdDense's first stage. */
final class CenteredQr extends Algorithm<CenteredQr, CenteredR, CenteredR> {

    /** The merged summary of {@code data} (this rank's rows when distributed). */
    CenteredR compute(Object data) {
        return run(() -> CenteredR.of(input(data, "data"), true, "pca"));
    }

    @Override
    protected CenteredR merge(CenteredR first, CenteredR second) {
        return CenteredR.merge(first, second);
    }

    @Override
    protected double[] encode(CenteredR partial) {
        return partial.encode();
    }

    @Override
    protected CenteredR decode(double[] encoded) {
        return CenteredR.decode(encoded);
    }

    @Override
    protected CenteredR finish(CenteredR all) {
        return all;
    }
}
