package daal4j.linalg;

/** How many rows of a row-major matrix make a block that stays in a core's cache. */
public final class RowBlocks {

    /**
     * Values per block: 256 KiB, a quarter of this machine's 1 MiB L2 per core, so that a block
     * checked in Java is still in L2 when BLAS reads it, with room for BLAS's packed panels.
     */
    private static final int BLOCK_VALUES = 1 << 15;

    /** Rows per block for rows of {@code cols} values (at least 1). */
    public static int rows(int cols) {
        return Math.max(1, BLOCK_VALUES / Math.max(1, cols));
    }

    private RowBlocks() {
    }
}
