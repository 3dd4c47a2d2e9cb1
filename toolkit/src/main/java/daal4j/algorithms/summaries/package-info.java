/**
 * The summaries several families build on: centered cross-products, the centered R, TSQR and
 * the moments partial, each merging exactly across chunks and ranks.
 */
package daal4j.algorithms.summaries;
