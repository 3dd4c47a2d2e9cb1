package daal4j.algorithms;

/** The rule every merge of per-row summaries (moments, cross-products, class sums) shares. */
public final class RowSummaries {

    private RowSummaries() {
    }

    /**
     * The summary to keep as it is when one of the two covers no rows (a rank with no rows
     * adds nothing, whatever width its empty input had), else null once the widths are
     * checked to agree: then both must be combined.
     */
    public static <S> S eitherAlone(S a, long rowsA, int widthA, S b, long rowsB, int widthB) {
        if (rowsB == 0) {
            return a;
        }
        if (rowsA == 0) {
            return b;
        }
        if (widthA != widthB) {
            throw new IllegalArgumentException("feature counts differ: " + widthA + " and " + widthB + " columns");
        }
        return null;
    }
}
