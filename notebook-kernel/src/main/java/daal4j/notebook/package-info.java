/** The JJava kernel extension: the %daal4j and %%spmd magics, the multi-rank engine behind a notebook, and rank values brought back (Values) and shown (Html, Plot). */
package daal4j.notebook;
