/**
 * What every algorithm shares: the modes (batch, distributed, streaming), the {@link daal4j.algorithms.Summary}
 * of some rows that every family's partial implements, the folds over chunks and ranks, and the result base.
 */
package daal4j.algorithms;
