package daal4j.linalg;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import dev.ludovic.netlib.lapack.JavaLAPACK;
import dev.ludovic.netlib.lapack.LAPACK;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one door to BLAS and LAPACK: the system's native library (OpenBLAS) through
 * dev.ludovic.netlib when it loads, its pure-Java implementation otherwise.
 */
public final class Linalg {

    private static final Logger LOG = Logger.getLogger(Linalg.class.getName());

    /**
     * netlib warns that its Vector API build is unusable without jdk.incubator.vector even
     * when the native library loads; only its choice matters, which {@link #describe()} tells.
     */
    private static final Logger NETLIB_BUILDER = quiet("dev.ludovic.netlib.blas.InstanceBuilder");

    private static final BLAS BLAS_INSTANCE = loadBlas();
    private static final LAPACK LAPACK_INSTANCE = loadLapack();

    static {
        LOG.info(() -> "daal4j linalg: " + describe());
    }

    private Linalg() {
    }

    /** The BLAS in use. */
    public static BLAS blas() {
        return BLAS_INSTANCE;
    }

    /** The LAPACK in use. */
    public static LAPACK lapack() {
        return LAPACK_INSTANCE;
    }

    /** Whether both BLAS and LAPACK are the native library. */
    public static boolean isNative() {
        return BLAS_INSTANCE instanceof NativeBLAS && LAPACK_INSTANCE instanceof NativeLAPACK;
    }

    /**
     * Which implementations are in use, e.g. "BLAS JNIBLAS (native), LAPACK JNILAPACK (native),
     * native kernels".
     */
    public static String describe() {
        return "BLAS " + BLAS_INSTANCE.getClass().getSimpleName()
                + (BLAS_INSTANCE instanceof NativeBLAS ? " (native)" : " (pure Java)")
                + ", LAPACK " + LAPACK_INSTANCE.getClass().getSimpleName()
                + (LAPACK_INSTANCE instanceof NativeLAPACK ? " (native)" : " (pure Java)")
                + ", " + Kernels.describe();
    }

    private static Logger quiet(String name) {
        Logger l = Logger.getLogger(name);
        l.setLevel(Level.SEVERE);
        return l;
    }

    private static BLAS loadBlas() {
        try {
            return NativeBLAS.getInstance();
        } catch (Throwable e) {
            LOG.warning(() -> "native BLAS not available (" + e.getMessage() + "); using pure Java");
            return JavaBLAS.getInstance();
        }
    }

    private static LAPACK loadLapack() {
        try {
            return NativeLAPACK.getInstance();
        } catch (Throwable e) {
            LOG.warning(() -> "native LAPACK not available (" + e.getMessage() + "); using pure Java");
            return JavaLAPACK.getInstance();
        }
    }
}
