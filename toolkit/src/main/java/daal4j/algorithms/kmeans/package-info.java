/**
 * k-means (daal4py's kmeans_init and kmeans): seeding by row positions so results do not depend on
 * the split, and Lloyd's iterations with bounds, per-cluster sums merged over ranks each iteration.
 */
package daal4j.algorithms.kmeans;
