/** The rank side of a notebook's engine: one process (an MPI rank or a group of local ranks) running each rank's JShell, connected back to the kernel. */
package daal4j.notebook.agent;
