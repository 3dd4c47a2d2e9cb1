// daal4j's JShell imports: the daal4py-named facade, the matrix and input types, the engines
import static daal4j.Daal4j.*;
import daal4j.data.*;
import daal4j.spmd.*;
