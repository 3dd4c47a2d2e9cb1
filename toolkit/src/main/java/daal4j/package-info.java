/**
 * The facade: {@code import static daal4j.Daal4j.*;} gives daalinit, daalfini and one factory per
 * algorithm, named after daal4py's in camelCase.
 */
package daal4j;
