/**
 * Linear and ridge regression (daal4py's linear_regression_*, ridge_regression_*): normal equations
 * or a centered R as the partial, solved once merged; models and prediction.
 */
package daal4j.algorithms.regression;
