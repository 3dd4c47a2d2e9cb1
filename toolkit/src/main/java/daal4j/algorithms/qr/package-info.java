/**
 * QR decomposition (daal4py's qr) of tall data: the global R on every rank and each rank's own rows
 * of Q, by TSQR.
 */
package daal4j.algorithms.qr;
