/**
 * Singular value decomposition (daal4py's svd) of tall data: TSQR, then the SVD of the small R;
 * each rank gets its own rows of the left singular vectors.
 */
package daal4j.algorithms.svd;
