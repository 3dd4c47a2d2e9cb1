/**
 * Launchers: run a .jsh script or a Java main on N ranks, as local threads or under mpirun.
 */
package daal4j.tools;
