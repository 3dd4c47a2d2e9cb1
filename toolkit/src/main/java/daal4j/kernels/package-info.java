/**
 * daal4j's own native loops (libdaal4j_kernels, from src/main/c), for work no BLAS routine
 * expresses, each with a Java twin giving the same values; depends on nothing else of daal4j.
 */
package daal4j.kernels;
