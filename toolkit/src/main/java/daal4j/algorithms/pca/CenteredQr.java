package daal4j.algorithms.pca;

import daal4j.algorithms.Algorithm;
import daal4j.algorithms.Summary;
import daal4j.algorithms.qr.CenteredR;

/** Count, means and centered R of all rows across chunks and ranks: svdDense's first stage. */
final class CenteredQr extends Algorithm<CenteredQr, CenteredR, CenteredR> {

    /** The merged summary of {@code data} (this rank's rows when distributed). */
    CenteredR compute(Object data) {
        return run(() -> CenteredR.of(input(data, "data"), true, "pca"));
    }

    @Override
    protected Summary.Decoder<CenteredR> decoder() {
        return CenteredR::decode;
    }

    @Override
    protected CenteredR finish(CenteredR all) {
        return all;
    }
}
