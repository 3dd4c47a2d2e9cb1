/** The JVM side of the Python package daal4j over Py4J: the Gateway, the calls Python makes (Bridge), arrays in (Arguments) and results out (Exports). */
package daal4j.bridge;
