/**
 * Covariance and correlation matrices with column means (daal4py's covariance), over the centered
 * cross-products summary.
 */
package daal4j.algorithms.covariance;
