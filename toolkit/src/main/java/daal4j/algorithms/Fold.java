package daal4j.algorithms;

import daal4j.spmd.Communicator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * How summaries combine, written once for every family: over chunks in row order, over
 * ranks in rank order, and the rule that a part with no rows has no say in the width (an
 * empty file or an empty rank may have had any number of columns).
 */
public final class Fold {

    private Fold() {
    }

    /**
     * The summary of {@code first}'s rows followed by {@code second}'s: either one alone when
     * the other has no rows, else, once their widths agree, {@link Summary#merge}.
     */
    public static <S extends Summary<S>> S merge(S first, S second) {
        if (second.rows() == 0) {
            return first;
        }
        if (first.rows() == 0) {
            return second;
        }
        if (first.width() != second.width()) {
            throw new IllegalArgumentException("feature counts differ: " + first.width() + " and " + second.width()
                    + " " + first.widthName());
        }
        return first.merge(second);
    }

    /**
     * Every rank's summary merged in rank order, the same on every rank (a collective:
     * {@code local} runs inside it, so a rank's failure fails every rank alike).
     */
    public static <S extends Summary<S>> S acrossRanks(Communicator comm, Supplier<S> local,
                                                       Summary.Decoder<S> decoder) {
        double[][] all = comm.allgatherDoubles(() -> local.get().encode());
        S acc = decoder.decode(all[0]);
        for (int r = 1; r < all.length; r++) {
            try {
                acc = merge(acc, decoder.decode(all[r]));
            } catch (IllegalArgumentException e) {
                // every rank merges the same summaries, so every rank raises this same error
                throw new IllegalArgumentException("rank " + r + " does not match ranks 0.." + (r - 1)
                        + ": " + e.getMessage(), e);
            }
        }
        return acc;
    }

    /**
     * Every rank's summary by rank, for the algorithms that need each rank's own part and not
     * only their merge (a collective, as {@link #acrossRanks}).
     */
    public static <S extends Summary<S>> List<S> gather(Communicator comm, Supplier<S> local,
                                                        Summary.Decoder<S> decoder) {
        double[][] all = comm.allgatherDoubles(() -> local.get().encode());
        List<S> out = new ArrayList<>(all.length);
        for (double[] e : all) {
            out.add(decoder.decode(e));
        }
        return out;
    }

    /**
     * The width of the ranks' summaries: the first one's with rows (the last one's when none
     * has rows); any other with rows and another width is an error naming {@code what}.
     */
    public static int width(List<? extends Summary<?>> byRank, String what) {
        int first = byRank.size() - 1;
        for (int r = 0; r < byRank.size(); r++) {
            if (byRank.get(r).rows() > 0) {
                first = r;
                break;
            }
        }
        int width = byRank.get(first).width();
        for (int r = first + 1; r < byRank.size(); r++) {
            Summary<?> s = byRank.get(r);
            if (s.rows() > 0 && s.width() != width) {
                throw new IllegalArgumentException(what + ": feature counts differ between ranks: rank " + r + " has "
                        + s.width() + " columns, rank " + first + " has " + width);
            }
        }
        return width;
    }
}
