package daal4j.algorithms.pca;

import daal4j.algorithms.Algorithm;
import daal4j.algorithms.Summary;
import daal4j.algorithms.summaries.CenteredR;
import daal4j.algorithms.summaries.CrossProducts;
import daal4j.data.Matrix;
import java.util.function.Function;

/**
 * A method's first stage: the summary of all rows across chunks and ranks (centered R for
 * svdDense, centered cross-products for correlationDense), which {@link Pca} finishes.
 */
final class Stage<S extends Summary<S>> extends Algorithm<Stage<S>, S, S> {

    private final Function<Matrix, S> summarize;
    private final Summary.Decoder<S> decoder;

    private Stage(Function<Matrix, S> summarize, Summary.Decoder<S> decoder) {
        this.summarize = summarize;
        this.decoder = decoder;
    }

    /** svdDense's stage: count, means and centered R. */
    static Stage<CenteredR> centeredR() {
        return new Stage<>(x -> CenteredR.of(x, true, "pca"), CenteredR::decode);
    }

    /** correlationDense's stage: count, means and centered cross-products. */
    static Stage<CrossProducts> crossProducts() {
        return new Stage<>(x -> CrossProducts.of(x, "data"), CrossProducts::decode);
    }

    /** The merged summary of {@code data} (this rank's rows when distributed); null while streaming. */
    S compute(Object data) {
        return run(() -> summarize.apply(input(data, "data")));
    }

    @Override
    protected Summary.Decoder<S> decoder() {
        return decoder;
    }

    @Override
    protected S finish(S all) {
        return all;
    }
}
