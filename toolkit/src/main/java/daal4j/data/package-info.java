/**
 * The ground floor: the dense matrix type and the inputs (arrays, Tablesaw tables, CSV and Parquet
 * files, a file split across ranks) that become one.
 */
package daal4j.data;
