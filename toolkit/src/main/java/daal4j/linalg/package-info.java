/**
 * The one door to native code: BLAS and LAPACK (dev.ludovic.netlib) for products, solves,
 * factorizations and distance kernels on the matrix types of data, and daal4j's own kernels
 * (libdaal4j_kernels) for the loops no BLAS routine expresses.
 */
package daal4j.linalg;
