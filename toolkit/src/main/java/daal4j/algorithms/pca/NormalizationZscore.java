package daal4j.algorithms.pca;

/**
 * The z-score normalization that svdDense PCA applies to the data first (daal4py's
 * {@code normalization_zscore}, given as pca's {@code normalization}): centering, and with
 * {@code doScale(true)} also division by each column's standard deviation. Without one, pca
 * centers and scales, as daal4py's default.
 */
public final class NormalizationZscore {

    private final boolean doScale;

    /** Centering only (daal4py's default doScale=False). */
    public NormalizationZscore() {
        this(false);
    }

    private NormalizationZscore(boolean doScale) {
        this.doScale = doScale;
    }

    /** Whether to divide by the standard deviation too. */
    public NormalizationZscore doScale(boolean on) {
        return new NormalizationZscore(on);
    }

    /** Whether it divides by the standard deviation too. */
    public boolean isDoScale() {
        return doScale;
    }
}
