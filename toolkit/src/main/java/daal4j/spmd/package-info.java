/**
 * The distribution engine: the communicator with its status-carrying collectives, and the engines
 * behind it (single, local ranks in this JVM, Open MPI), found at run time.
 */
package daal4j.spmd;
