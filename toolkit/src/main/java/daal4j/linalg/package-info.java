/**
 * The one door to native BLAS and LAPACK (dev.ludovic.netlib): products, solves, factorizations and
 * distance kernels on the matrix types of data.
 */
package daal4j.linalg;
