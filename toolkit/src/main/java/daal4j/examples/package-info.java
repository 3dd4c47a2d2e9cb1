/**
 * Runnable examples, one per algorithm, as daal4py's examples run them (batch, distributed,
 * streaming); {@code RunExamples} runs them all.
 */
package daal4j.examples;
