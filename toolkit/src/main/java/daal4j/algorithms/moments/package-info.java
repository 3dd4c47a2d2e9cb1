/**
 * Low order moments (daal4py's low_order_moments): per-column extremes, sums, means and variances,
 * over the moments partial.
 */
package daal4j.algorithms.moments;
