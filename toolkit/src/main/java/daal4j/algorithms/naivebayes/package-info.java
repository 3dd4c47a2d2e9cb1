/**
 * Multinomial naive Bayes (daal4py's multinomial_naive_bayes_training and _prediction): per-class
 * feature sums as the partial, a model of log probabilities, and prediction.
 */
package daal4j.algorithms.naivebayes;
