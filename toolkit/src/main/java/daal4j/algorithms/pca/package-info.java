/**
 * Principal component analysis and its transform (daal4py's pca, pca_transform): correlationDense over
 * centered cross-products, svdDense over the centered R; batch, distributed and streaming.
 */
package daal4j.algorithms.pca;
