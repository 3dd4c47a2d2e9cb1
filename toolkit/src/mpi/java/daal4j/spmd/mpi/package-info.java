/**
 * The Open MPI engine: a transport over Open MPI's Java bindings, loaded by ServiceLoader only when
 * launched by mpirun, so the toolkit builds and runs without Open MPI.
 */
package daal4j.spmd.mpi;
