package daal4j.algorithms.summaries;

import daal4j.algorithms.Fold;
import daal4j.algorithms.Summary;
import daal4j.data.Inputs;
import daal4j.data.Matrix;
import daal4j.linalg.HouseholderQr;
import daal4j.spmd.Communicator;
import java.util.ArrayList;
import java.util.List;

/**
 * Tall-and-skinny QR across chunks and ranks behind qr and svd ({@link CenteredR}, the R-only
 * summary of pca svdDense and linear regression qrDense, uses the same blocks and merge). Each
 * rank factors its rows in blocks (HouseholderQr), stacks the blocks' p x p R factors and
 * factors the stack again (without Q: each block under the running R, one factorization per
 * block); the ranks then allgather their
 * R factors and every rank factors the same stack, in rank order, to the global R. A rank's
 * part of Q is its blocks' Q times its rows of the stacks' Q, applied right to left.
 *
 * <p>Sign convention: R has a non-negative diagonal (the matching columns of Q are flipped
 * with it). For data of full column rank this makes R unique, so R, and everything computed
 * from it, is the same on every rank and whatever the split of rows, up to rounding.
 */
public final class Tsqr {

    /**
     * Rows factored at once: a block of 2048 x 50 doubles (0.8 MB) stays near the cache
     * while the per-block R factors stay few (a 1,000,000-row rank stacks 489 of them).
     */
    public static final int BLOCK_ROWS = 2048;

    private final String algorithm;
    private final boolean keepQ;
    private final List<HouseholderQr> blocks = new ArrayList<>();
    private Matrix mergedR; // R of the blocks so far when Q is not kept
    private HouseholderQr localMergeCache; // QR of the stacked block R's, once Q is asked for
    private int p = -1;
    private long rows;

    /**
     * An empty accumulator; {@code keepQ} keeps each block's reflectors so that the local
     * part of Q can be formed at the end. {@code algorithm} names the caller in errors.
     */
    public Tsqr(String algorithm, boolean keepQ) {
        this.algorithm = algorithm;
        this.keepQ = keepQ;
    }

    /** Adds rows of this rank (one chunk); rejects NaN/Inf and a change of column count. */
    public void add(Matrix chunk) {
        Inputs.requireFinite(chunk, algorithm + " data");
        if (p < 0) {
            p = chunk.cols();
        } else if (chunk.cols() != p) {
            throw new IllegalArgumentException(algorithm + ": this chunk has " + chunk.cols()
                    + " columns, the earlier ones had " + p);
        }
        double[] x = chunk.rowMajorView();
        for (int from = 0; from < chunk.rows(); from += BLOCK_ROWS) {
            int to = Math.min(chunk.rows(), from + BLOCK_ROWS);
            if (keepQ) {
                blocks.add(HouseholderQr.of(x, p, from, to));
            } else {
                // the running R stacked over the next block: one factorization per block
                mergedR = HouseholderQr.r(mergedR, x, p, from, to, null);
            }
        }
        rows += chunk.rows();
    }

    /** Runs {@code adding} (calls of {@link #add}); if it fails, the chunks it added are dropped again. */
    public void addAll(Runnable adding) {
        int blocksBefore = blocks.size();
        Matrix rBefore = mergedR;
        int pBefore = p;
        long rowsBefore = rows;
        try {
            adding.run();
        } catch (RuntimeException | Error e) {
            blocks.subList(blocksBefore, blocks.size()).clear();
            mergedR = rBefore;
            p = pBefore;
            rows = rowsBefore;
            throw e;
        }
    }

    /** Number of local rows added. */
    public long rows() {
        return rows;
    }

    /**
     * R (p x p, non-negative diagonal) of the rows of all given matrices stacked in order:
     * the merge step of every R-only use of TSQR.
     */
    public static Matrix stackedR(List<Matrix> parts) {
        return signFixed(HouseholderQr.of(Matrix.stack(parts))).r;
    }

    /**
     * Combines every rank's rows over {@code comm} (this rank alone in batch; the local work
     * runs inside the collective, so a rank's failure fails all ranks alike). {@code local}
     * runs first on this rank, e.g. to read and {@link #add} its data.
     */
    public Global combine(Communicator comm, Runnable local) {
        List<Part> all = Fold.gather(comm, () -> {
            local.run();
            return localPart();
        }, Part::decode);
        return global(all, comm.rank());
    }

    /** What a rank shares: its row count and R. */
    private Part localPart() {
        if (p < 0) {
            throw new IllegalArgumentException(algorithm + ": no data was given");
        }
        return new Part(rows, p, localR());
    }

    /**
     * The TSQR summary of some rows: their count and R (p x p, non-negative diagonal). Parts
     * merge by the R of their stacked R's; across ranks, {@link #combine} factors all ranks'
     * R's in one stack instead, as each rank's rows of Q need that stack's Q.
     */
    public record Part(long rows, int width, Matrix r) implements Summary<Part> {

        @Override
        public Part merge(Part later) {
            return new Part(rows + later.rows, width, stackedR(List.of(r, later.r)));
        }

        /** [rows, p, R row-major]. */
        @Override
        public double[] encode() {
            double[] s = new double[2 + width * width];
            s[0] = rows;
            s[1] = width;
            System.arraycopy(r.rowMajorView(), 0, s, 2, width * width);
            return s;
        }

        /** The part back from {@link #encode()}. */
        public static Part decode(double[] s) {
            int p = (int) s[1];
            double[] r = new double[p * p];
            System.arraycopy(s, 2, r, 0, r.length);
            return new Part((long) s[0], p, Matrix.wrap(p, p, r));
        }
    }

    /** R of this rank's blocks (p x p). */
    private Matrix localR() {
        if (!keepQ) {
            return mergedR == null ? Matrix.zeros(p, p) : withNonNegativeDiagonal(mergedR);
        }
        HouseholderQr merged = localMerge();
        return merged == null ? Matrix.zeros(p, p) : merged.r();
    }

    /** QR of this rank's stacked block R factors (null when there are no rows). */
    private HouseholderQr localMerge() {
        if (localMergeCache == null && !blocks.isEmpty()) {
            List<Matrix> rs = new ArrayList<>(blocks.size());
            for (HouseholderQr b : blocks) {
                rs.add(b.r());
            }
            localMergeCache = HouseholderQr.of(Matrix.stack(rs));
        }
        return localMergeCache;
    }

    private Global global(List<Part> parts, int me) {
        int cols = Fold.width(parts, algorithm);
        long total = 0;
        List<Matrix> rs = new ArrayList<>(parts.size());
        for (Part part : parts) {
            // a rank without rows adds zeros, so that every rank's block of the stack is p rows
            rs.add(part.rows() == 0 ? Matrix.zeros(cols, cols) : part.r());
            total += part.rows();
        }
        if (rows == 0) {
            p = cols; // this rank's Q is then 0 x cols
        }
        if (total == 0) {
            throw new IllegalArgumentException(algorithm + ": no rows on any rank");
        }
        if (total < cols) {
            throw new IllegalArgumentException(algorithm + " needs at least as many rows as columns: "
                    + total + " rows, " + cols + " columns");
        }
        Signed top = signFixed(HouseholderQr.of(Matrix.stack(rs)));
        return new Global(total, top, me);
    }

    /** A QR whose R has a non-negative diagonal: D R and Q D with D = sign(diag R). */
    private static Signed signFixed(HouseholderQr qr) {
        Matrix r = qr.r();
        double[] d = diagonalSigns(r);
        return new Signed(qr, scaleUpperRows(r, d), d);
    }

    /** D R with D = sign(diag R): the same R'R, non-negative diagonal. */
    static Matrix withNonNegativeDiagonal(Matrix r) {
        return scaleUpperRows(r, diagonalSigns(r));
    }

    private static double[] diagonalSigns(Matrix r) {
        double[] d = new double[r.rows()];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.get(i, i) < 0 ? -1.0 : 1.0;
        }
        return d;
    }

    private static Matrix scaleUpperRows(Matrix r, double[] d) {
        // scale the upper triangle only: the zeros below stay +0.0
        double[] fixed = r.toRowMajor();
        int p = r.cols();
        for (int i = 0; i < d.length; i++) {
            for (int j = i; j < p; j++) {
                fixed[i * p + j] *= d[i];
            }
        }
        return Matrix.wrap(p, p, fixed);
    }

    private record Signed(HouseholderQr qr, Matrix r, double[] signs) {
    }

    /** The combined factorization as seen by one rank: global R and this rank's rows of Q. */
    public final class Global {

        private final long totalRows;
        private final Signed top;
        private final int rank;

        private Global(long totalRows, Signed top, int rank) {
            this.totalRows = totalRows;
            this.top = top;
            this.rank = rank;
        }

        /** Number of rows over all ranks. */
        public long totalRows() {
            return totalRows;
        }

        /** R, p x p upper triangular with non-negative diagonal; the same on every rank. */
        public Matrix r() {
            return top.r;
        }

        /**
         * This rank's rows of Q times {@code f} (p x q): local rows x q. With f the identity
         * it is the local Q; with U of R's SVD, the local left singular vectors.
         */
        public Matrix qTimes(Matrix f) {
            if (!keepQ) {
                throw new IllegalStateException(algorithm + ": Q was not kept");
            }
            int q = f.cols();
            // this rank's p x p block of the top-level Q (sign-fixed), times f
            Matrix topQ = top.qr.qTimes(f.scaleRows(top.signs));
            Matrix mine = topQ.rowRange(rank * p, (rank + 1) * p);
            double[] out = new double[Math.toIntExact(rows * q)];
            HouseholderQr merged = localMerge();
            if (merged != null) {
                Matrix perBlock = merged.qTimes(mine);
                int at = 0;
                for (int b = 0; b < blocks.size(); b++) {
                    HouseholderQr block = blocks.get(b);
                    block.qTimes(perBlock.rowRange(b * p, (b + 1) * p), out, at);
                    at += block.rows();
                }
            }
            return Matrix.wrap((int) rows, q, out);
        }
    }
}
