/*
 * daal4j's native kernels: the loops no BLAS routine expresses that must still run at the
 * memory's speed. Each has a Java twin in daal4j.linalg.Kernels with the same order of
 * operations per column (built without fused multiply-adds), so both give the same sums.
 */
#include <dlfcn.h>
#include <jni.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

/*
 * One row of the moments pass over columns [0, p): d = v - shift, sum d, sum d^2, min, max.
 * Extremes by compare: a NaN leaves them as they were (its column's sums turn NaN, and the
 * Java caller recomputes such a column); -0.0 and 0.0 compare equal, the first one seen stays.
 */
static void moments_row(const double *r, int from, int p, const double *shift, double *sd, double *m2,
                        double *mn, double *mx) {
    for (int j = from; j < p; j++) {
        double v = r[j];
        double d = v - shift[j];
        sd[j] += d;
        m2[j] += d * d;
        mn[j] = v < mn[j] ? v : mn[j];
        mx[j] = v > mx[j] ? v : mx[j];
    }
}

/* One row of the shifted sums over columns [from, p): sum += v - shift. */
static void sums_row(const double *r, int from, int p, const double *shift, double *sd) {
    for (int j = from; j < p; j++) {
        sd[j] += r[j] - shift[j];
    }
}

/* Squared distance of row r (p columns) to c: the differences' squares summed in column order. */
static double distance_row(const double *r, int p, const double *c) {
    double s = 0;
    for (int j = 0; j < p; j++) {
        double d = r[j] - c[j];
        s += d * d;
    }
    return s;
}

#if defined(__x86_64__)
/*
 * Two rows at a time, four columns a vector: the accumulators stay in L1 and are read and
 * written once per two rows, and the rows are read in address order, which the hardware
 * prefetcher follows (more rows at a time interleave more streams and measured slower).
 */
__attribute__((target("avx2")))
static void moments_avx2(const double *x, int p, int rows, const double *shift, double *sd, double *m2,
                         double *mn, double *mx) {
    int i = 0;
    for (; i + 2 <= rows; i += 2) {
        const double *r0 = x + (long) i * p;
        const double *r1 = r0 + p;
        int j = 0;
        for (; j + 4 <= p; j += 4) {
            __m256d s = _mm256_loadu_pd(shift + j);
            __m256d a = _mm256_loadu_pd(sd + j);
            __m256d q = _mm256_loadu_pd(m2 + j);
            __m256d lo = _mm256_loadu_pd(mn + j);
            __m256d hi = _mm256_loadu_pd(mx + j);
            __m256d v = _mm256_loadu_pd(r0 + j);
            __m256d d = _mm256_sub_pd(v, s);
            a = _mm256_add_pd(a, d);
            q = _mm256_add_pd(q, _mm256_mul_pd(d, d));
            lo = _mm256_min_pd(v, lo);
            hi = _mm256_max_pd(v, hi);
            v = _mm256_loadu_pd(r1 + j);
            d = _mm256_sub_pd(v, s);
            a = _mm256_add_pd(a, d);
            q = _mm256_add_pd(q, _mm256_mul_pd(d, d));
            lo = _mm256_min_pd(v, lo);
            hi = _mm256_max_pd(v, hi);
            _mm256_storeu_pd(sd + j, a);
            _mm256_storeu_pd(m2 + j, q);
            _mm256_storeu_pd(mn + j, lo);
            _mm256_storeu_pd(mx + j, hi);
        }
        moments_row(r0, j, p, shift, sd, m2, mn, mx);
        moments_row(r1, j, p, shift, sd, m2, mn, mx);
    }
    if (i < rows) {
        moments_row(x + (long) i * p, 0, p, shift, sd, m2, mn, mx);
    }
}

/* The shifted sums two rows at a time, as the moments pass reads them. */
__attribute__((target("avx2")))
static void sums_avx2(const double *x, int p, int rows, const double *shift, double *sd) {
    int i = 0;
    for (; i + 2 <= rows; i += 2) {
        const double *r0 = x + (long) i * p;
        const double *r1 = r0 + p;
        int j = 0;
        for (; j + 4 <= p; j += 4) {
            __m256d s = _mm256_loadu_pd(shift + j);
            __m256d a = _mm256_loadu_pd(sd + j);
            a = _mm256_add_pd(a, _mm256_sub_pd(_mm256_loadu_pd(r0 + j), s));
            a = _mm256_add_pd(a, _mm256_sub_pd(_mm256_loadu_pd(r1 + j), s));
            _mm256_storeu_pd(sd + j, a);
        }
        sums_row(r0, j, p, shift, sd);
        sums_row(r1, j, p, shift, sd);
    }
    if (i < rows) {
        sums_row(x + (long) i * p, 0, p, shift, sd);
    }
}

/*
 * Squared distances four rows a vector, one row a lane, so each lane adds its row's squares in
 * column order as distance_row does: a 4x4 tile of four rows' next four columns is loaded and
 * transposed in registers (measured faster than per-element inserts, 8-row groups and gathers,
 * which were slowest; four rows keep the fewest streams for the prefetcher).
 */
__attribute__((target("avx2")))
static void distances_avx2(const double *x, int p, int rows, const double *c, double *out) {
    int i = 0;
    for (; i + 4 <= rows; i += 4) {
        const double *r0 = x + (long) i * p;
        const double *r1 = r0 + p;
        const double *r2 = r1 + p;
        const double *r3 = r2 + p;
        __m256d s = _mm256_setzero_pd();
        int j = 0;
        for (; j + 4 <= p; j += 4) {
            __m256d t0 = _mm256_loadu_pd(r0 + j);
            __m256d t1 = _mm256_loadu_pd(r1 + j);
            __m256d t2 = _mm256_loadu_pd(r2 + j);
            __m256d t3 = _mm256_loadu_pd(r3 + j);
            __m256d lo01 = _mm256_unpacklo_pd(t0, t1); /* r0[j], r1[j], r0[j+2], r1[j+2] */
            __m256d hi01 = _mm256_unpackhi_pd(t0, t1); /* r0[j+1], r1[j+1], r0[j+3], r1[j+3] */
            __m256d lo23 = _mm256_unpacklo_pd(t2, t3);
            __m256d hi23 = _mm256_unpackhi_pd(t2, t3);
            __m256d d = _mm256_sub_pd(_mm256_permute2f128_pd(lo01, lo23, 0x20), _mm256_broadcast_sd(c + j));
            s = _mm256_add_pd(s, _mm256_mul_pd(d, d));
            d = _mm256_sub_pd(_mm256_permute2f128_pd(hi01, hi23, 0x20), _mm256_broadcast_sd(c + j + 1));
            s = _mm256_add_pd(s, _mm256_mul_pd(d, d));
            d = _mm256_sub_pd(_mm256_permute2f128_pd(lo01, lo23, 0x31), _mm256_broadcast_sd(c + j + 2));
            s = _mm256_add_pd(s, _mm256_mul_pd(d, d));
            d = _mm256_sub_pd(_mm256_permute2f128_pd(hi01, hi23, 0x31), _mm256_broadcast_sd(c + j + 3));
            s = _mm256_add_pd(s, _mm256_mul_pd(d, d));
        }
        for (; j < p; j++) {
            __m256d d = _mm256_sub_pd(_mm256_set_pd(r3[j], r2[j], r1[j], r0[j]), _mm256_broadcast_sd(c + j));
            s = _mm256_add_pd(s, _mm256_mul_pd(d, d));
        }
        _mm256_storeu_pd(out + i, s);
    }
    for (; i < rows; i++) {
        out[i] = distance_row(x + (long) i * p, p, c);
    }
}
#endif

/*
 * The accumulators go through memory every two rows, and a vector store that straddles a
 * cache line is not forwarded to the next load: Java arrays sit wherever the heap put them, so
 * the passes run on 64-byte aligned copies (measured 25 against 18 GB/s on fresh arrays).
 * Puts the `count` arrays of p doubles side by side in one aligned block, views[k] at array k's
 * copy; returns the block, or NULL (the views are then the arrays themselves) without memory.
 */
static double *aligned_copy(double *const *arrays, double **views, int count, int p) {
    size_t stride = ((size_t) p + 7) & ~(size_t) 7;
    double *block = aligned_alloc(64, count * stride * sizeof(double));
    for (int k = 0; k < count; k++) {
        views[k] = block == NULL ? arrays[k] : block + k * stride;
        if (block != NULL) {
            memcpy(views[k], arrays[k], p * sizeof(double));
        }
    }
    return block;
}

/* The values of the copies [from, count) of aligned_copy back into their arrays; frees the block. */
static void copy_back(double *block, double *const *arrays, double *const *views, int from, int count, int p) {
    if (block == NULL) {
        return;
    }
    for (int k = from; k < count; k++) {
        memcpy(arrays[k], views[k], p * sizeof(double));
    }
    free(block);
}

static void moments(const double *x, int p, int rows, const double *shift, double *sd, double *m2, double *mn,
                    double *mx) {
    double *const arrays[5] = {(double *) shift, sd, m2, mn, mx}; /* the shift is only read */
    double *v[5];
    double *block = aligned_copy(arrays, v, 5, p);
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx2")) {
        moments_avx2(x, p, rows, v[0], v[1], v[2], v[3], v[4]);
    } else
#endif
    {
        for (int i = 0; i < rows; i++) {
            moments_row(x + (long) i * p, 0, p, v[0], v[1], v[2], v[3], v[4]);
        }
    }
    copy_back(block, arrays, v, 1, 5, p);
}

static void sums(const double *x, int p, int rows, const double *shift, double *sd) {
    double *const arrays[2] = {(double *) shift, sd};
    double *v[2];
    double *block = aligned_copy(arrays, v, 2, p);
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx2")) {
        sums_avx2(x, p, rows, v[0], v[1]);
    } else
#endif
    {
        for (int i = 0; i < rows; i++) {
            sums_row(x + (long) i * p, 0, p, v[0], v[1]);
        }
    }
    copy_back(block, arrays, v, 1, 2, p);
}

/*
 * Pins the n arrays (critical: the JVM's own memory, no copies; nothing between pin and unpin
 * calls back into the JVM) into ptrs; false when one could not be (an OutOfMemoryError is then
 * pending, thrown on return to Java).
 */
static int pin(JNIEnv *env, const jdoubleArray *arrays, double **ptrs, int n) {
    int ok = 1;
    for (int k = 0; k < n; k++) {
        ptrs[k] = ok ? (*env)->GetPrimitiveArrayCritical(env, arrays[k], NULL) : NULL;
        ok = ok && ptrs[k] != NULL;
    }
    return ok;
}

/* Releases what pin took, in reverse order: arrays [0, written) were only read (no write-back). */
static void unpin(JNIEnv *env, const jdoubleArray *arrays, double **ptrs, int n, int written) {
    for (int k = n - 1; k >= 0; k--) {
        if (ptrs[k] != NULL) {
            (*env)->ReleasePrimitiveArrayCritical(env, arrays[k], ptrs[k], k < written ? JNI_ABORT : 0);
        }
    }
}

/*
 * Kernels.momentsPass: rows [from, to) of the row-major x with p columns into the four
 * accumulators (each of length p, added to). The caller has checked every bound.
 */
JNIEXPORT void JNICALL Java_daal4j_linalg_Kernels_momentsPassNative(JNIEnv *env, jclass cls, jdoubleArray x, jint p,
                                                                     jint from, jint to, jdoubleArray shift,
                                                                     jdoubleArray sumShifted, jdoubleArray sumSquares,
                                                                     jdoubleArray min, jdoubleArray max) {
    (void) cls;
    const jdoubleArray arrays[6] = {x, shift, sumShifted, sumSquares, min, max};
    double *a[6];
    if (pin(env, arrays, a, 6)) {
        moments(a[0] + (long) from * p, p, to - from, a[1], a[2], a[3], a[4], a[5]);
    }
    unpin(env, arrays, a, 6, 2);
}

/* Kernels.shiftedColumnSums: sums[j] += x[i][j] - shift[j] over rows [from, to); bounds checked by the caller. */
JNIEXPORT void JNICALL Java_daal4j_linalg_Kernels_shiftedColumnSumsNative(JNIEnv *env, jclass cls, jdoubleArray x,
                                                                           jint p, jint from, jint to,
                                                                           jdoubleArray shift, jdoubleArray sumShifted) {
    (void) cls;
    const jdoubleArray arrays[3] = {x, shift, sumShifted};
    double *a[3];
    if (pin(env, arrays, a, 3)) {
        sums(a[0] + (long) from * p, p, to - from, a[1], a[2]);
    }
    unpin(env, arrays, a, 3, 2);
}

/*
 * Kernels.squaredDistances: out[i - from] = sum over j of (x[i][j] - c[offset + j])^2 for rows
 * [from, to), in column order; the caller has checked every bound.
 */
JNIEXPORT void JNICALL Java_daal4j_linalg_Kernels_squaredDistancesNative(JNIEnv *env, jclass cls, jdoubleArray x,
                                                                          jint p, jint from, jint to,
                                                                          jdoubleArray c, jint offset,
                                                                          jdoubleArray out) {
    (void) cls;
    const jdoubleArray arrays[3] = {x, c, out};
    double *a[3];
    if (pin(env, arrays, a, 3)) {
        const double *rows = a[0] + (long) from * p;
        const double *cs = a[1];
        double *o = a[2];
#if defined(__x86_64__)
        if (__builtin_cpu_supports("avx2")) {
            distances_avx2(rows, p, to - from, cs + offset, o);
        } else
#endif
        {
            for (int i = 0; i < to - from; i++) {
                o[i] = distance_row(rows + (long) i * p, p, cs + offset);
            }
        }
    }
    unpin(env, arrays, a, 3, 2);
}

/* ---- the moments summary of many rows (MomentsPartial.of), for the JVM and for Python --------- */

/* Math.min and Math.max: a NaN wins, and -0.0 is below 0.0. */
static double java_min(double a, double b) {
    if (a != a) {
        return a;
    }
    if (a == 0.0 && b == 0.0 && signbit(b)) {
        return b;
    }
    return a <= b ? a : b;
}

static double java_max(double a, double b) {
    if (a != a) {
        return a;
    }
    if (a == 0.0 && b == 0.0 && signbit(a)) {
        return b;
    }
    return a >= b ? a : b;
}

/* A summary in MomentsPartial.encode's layout: p, n, then min, max, sum, sumSq, shift, offset, m2. */
enum { S_MIN, S_MAX, S_SUM, S_SUMSQ, S_SHIFT, S_OFFSET, S_M2, S_PARTS };

static double *part(double *s, int p, int k) {
    return s + 2 + (long) k * p;
}

static void empty_summary(double *s, int p) {
    s[0] = p;
    s[1] = 0;
    memset(s + 2, 0, (size_t) S_PARTS * p * sizeof(double));
    for (int j = 0; j < p; j++) {
        part(s, p, S_MIN)[j] = INFINITY;
        part(s, p, S_MAX)[j] = -INFINITY;
    }
}

/* MomentsPartial.block: rows [0, nb) of x into s (empty on entry), shifted by shift. */
static void block_summary(const double *x, int p, int nb, const double *shift, double *s) {
    double *mn = part(s, p, S_MIN), *mx = part(s, p, S_MAX), *sum = part(s, p, S_SUM);
    double *sumSq = part(s, p, S_SUMSQ), *offset = part(s, p, S_OFFSET), *m2 = part(s, p, S_M2);
    moments(x, p, nb, shift, offset, m2, mn, mx);
    int exact = 0;
    for (int j = 0; j < p; j++) {
        double squares = m2[j];
        m2[j] -= offset[j] * (offset[j] / nb);
        exact |= !(m2[j] >= 0.5 * squares);
    }
    for (int j = 0; j < p; j++) {
        sum[j] = nb * shift[j] + offset[j];
        offset[j] /= nb;
    }
    if (exact) {
        memset(m2, 0, (size_t) p * sizeof(double));
        for (int i = 0; i < nb; i++) {
            const double *r = x + (long) i * p;
            for (int j = 0; j < p; j++) {
                double d = (r[j] - shift[j]) - offset[j];
                m2[j] += d * d;
            }
        }
    }
    for (int j = 0; j < p; j++) {
        double mean = shift[j] + offset[j];
        sumSq[j] = nb * mean * mean + m2[j];
        if (!isfinite(m2[j])) {
            /* MomentsPartial.plainColumn: plain running sums, extremes by Math.min/max */
            double a = 0, a2 = 0, lo = INFINITY, hi = -INFINITY;
            for (int i = 0; i < nb; i++) {
                double v = x[(long) i * p + j];
                a += v;
                a2 += v * v;
                lo = java_min(lo, v);
                hi = java_max(hi, v);
            }
            sum[j] = a;
            sumSq[j] = a2;
            mn[j] = lo;
            mx[j] = hi;
        }
    }
    s[1] = nb;
    memcpy(part(s, p, S_SHIFT), shift, (size_t) p * sizeof(double));
}

/* MomentsPartial.merge of a (rows first) with b, into a; neither has zero rows. */
static void merge_summary(double *a, const double *b, int p) {
    long na = (long) a[1], nbr = (long) b[1];
    long n = na + nbr;
    double wb = (double) nbr / n;
    double cross = (double) na * nbr / n;
    const double *bs = b + 2;
    double *as = a + 2;
    for (int j = 0; j < p; j++) {
        as[S_MIN * p + j] = java_min(as[S_MIN * p + j], bs[S_MIN * p + j]);
        as[S_MAX * p + j] = java_max(as[S_MAX * p + j], bs[S_MAX * p + j]);
        as[S_SUM * p + j] = as[S_SUM * p + j] + bs[S_SUM * p + j];
        as[S_SUMSQ * p + j] = as[S_SUMSQ * p + j] + bs[S_SUMSQ * p + j];
        double delta = (bs[S_SHIFT * p + j] - as[S_SHIFT * p + j]) + (bs[S_OFFSET * p + j] - as[S_OFFSET * p + j]);
        as[S_OFFSET * p + j] = as[S_OFFSET * p + j] + delta * wb;
        as[S_M2 * p + j] = as[S_M2 * p + j] + bs[S_M2 * p + j] + delta * delta * cross;
    }
    a[1] = n;
}

/*
 * MomentsPartial.of: the summary of the rows of the row-major x (p columns) in blocks of
 * block_rows, each shifted by the mean so far (by its first row at first), merged in order
 * into out (2 + 7 p doubles, MomentsPartial.encode's layout: the summary of the rows before
 * x, or of none, with out[1] = 0). So rows summarized in slices of whole blocks, each call
 * continuing from the last, give exactly one call's summary. Returns 0, or -1 without memory.
 * A plain C entry point: Python calls it on numpy's memory (ctypes), the JVM through
 * Kernels.momentsSummary, so both get the same summary of the same rows.
 */
int daal4j_moments_summary(const double *x, long rows, int p, int block_rows, double *out) {
    out[0] = p;
    if (out[1] == 0) {
        empty_summary(out, p);
    }
    if (rows == 0 || p == 0) {
        out[1] += p == 0 ? rows : 0;
        return 0;
    }
    double *blk = malloc(((size_t) 2 + (size_t) S_PARTS * p) * sizeof(double));
    double *shift = malloc((size_t) p * sizeof(double));
    if (blk == NULL || shift == NULL) {
        free(blk);
        free(shift);
        return -1;
    }
    for (long b = 0; b < rows; b += block_rows) {
        int nb = (int) (rows - b < block_rows ? rows - b : block_rows);
        for (int j = 0; j < p; j++) {
            shift[j] = out[1] == 0 ? x[b * p + j] : part(out, p, S_SHIFT)[j] + part(out, p, S_OFFSET)[j];
        }
        empty_summary(blk, p);
        block_summary(x + b * p, p, nb, shift, blk);
        if (out[1] == 0) {
            memcpy(out, blk, ((size_t) 2 + (size_t) S_PARTS * p) * sizeof(double));
        } else {
            merge_summary(out, blk, p);
        }
    }
    free(blk);
    free(shift);
    return 0;
}

/* Kernels.momentsSummary: rows [from, to) of x merged into out (2 + 7 p doubles); false without memory. */
JNIEXPORT jboolean JNICALL Java_daal4j_linalg_Kernels_momentsSummaryNative(JNIEnv *env, jclass cls, jdoubleArray x,
                                                                            jint p, jint from, jint to,
                                                                            jint blockRows, jdoubleArray out) {
    (void) cls;
    const jdoubleArray arrays[2] = {x, out};
    double *a[2];
    int status = -1;
    if (pin(env, arrays, a, 2)) {
        status = daal4j_moments_summary(a[0] + (long) from * p, to - from, p, blockRows, a[1]);
    }
    unpin(env, arrays, a, 2, 1);
    return status == 0;
}


/* ---- the cross-products summary (CrossProducts.of), for the JVM and for Python -------------- */

/*
 * BLAS through the library the JVM's netlib binding loads (libblas.so.3, the system's OpenBLAS
 * here), looked up when first needed: the same dsyrk and dgemm give the same sums on both sides,
 * and a machine without it keeps the Java path (the library still loads).
 */
typedef void (*dsyrk_fn)(const char *, const char *, const int *, const int *, const double *, const double *,
                         const int *, const double *, double *, const int *);
typedef void (*dgemm_fn)(const char *, const char *, const int *, const int *, const int *, const double *,
                         const double *, const int *, const double *, const int *, const double *, double *,
                         const int *);
typedef void (*dgemv_fn)(const char *, const int *, const int *, const double *, const double *, const int *,
                         const double *, const int *, const double *, double *, const int *);
static dsyrk_fn blas_dsyrk;
static dgemm_fn blas_dgemm;
static dgemv_fn blas_dgemv;

static int blas_ready(void) {
    if (blas_dsyrk == NULL || blas_dgemm == NULL || blas_dgemv == NULL) {
        void *lib = dlopen("libblas.so.3", RTLD_NOW | RTLD_LOCAL);
        if (lib != NULL) {
            blas_dgemv = (dgemv_fn) dlsym(lib, "dgemv_");
            blas_dgemm = (dgemm_fn) dlsym(lib, "dgemm_");
            blas_dsyrk = (dsyrk_fn) dlsym(lib, "dsyrk_");
        }
    }
    return blas_dsyrk != NULL && blas_dgemm != NULL && blas_dgemv != NULL;
}

/* Products.addGram: C (column-major, leading dimension ldc) += X'X of the nb rows of x (q columns), upper triangle. */
static void add_gram(const double *x, int q, int nb, double *c, int ldc) {
    if (nb > 0 && q > 0) {
        const double one = 1.0;
        blas_dsyrk("U", "N", &q, &nb, &one, x, &q, &one, c, &ldc);
    }
}

/* CrossProducts.subtractOuter on full p x p column-major storage: u -= w v v', upper triangle. */
static void subtract_outer(double *u, int p, double w, const double *v) {
    for (int j = 0; j < p; j++) {
        double vj = w * v[j];
        double *c = u + (long) j * p;
        for (int i = 0; i <= j; i++) {
            c[i] -= vj * v[i];
        }
    }
}

/* The dense loop's running summary: its count, shift and offset (the mean), and u in full storage. */
typedef struct {
    double n;
    double *shift;
    double *offset;
    double *u;
} cross_acc;

/*
 * Products.addCrossProductAndSums: adds X'[later parts] of the nb rows of x (q columns) into the
 * column-major block of u at (row ca, column ca + q), leading dimension p, and writes X's column
 * sums to sums; w and xw are scratch of nb (later columns + 1) and q (later columns + 1) values.
 */
static void add_cross_product_and_sums(const double *x, int q, const double *const *ys, const int *qs, int nys,
                                       long from, int nb, double *u, long offset, int p, double *w, double *xw,
                                       double *sums) {
    int later = 0;
    for (int k = 0; k < nys; k++) {
        later += qs[k];
    }
    int k1 = later + 1;
    int col = 0;
    for (int k = 0; k < nys; k++) {
        const double *v = ys[k] + from * qs[k];
        for (int i = 0; i < nb; i++) {
            for (int j = 0; j < qs[k]; j++) {
                w[(long) i * k1 + col + j] = v[(long) i * qs[k] + j];
            }
        }
        col += qs[k];
    }
    for (int i = 0; i < nb; i++) {
        w[(long) i * k1 + later] = 1.0;
    }
    memset(xw, 0, (size_t) q * k1 * sizeof(double));
    if (nb > 0 && q > 0) {
        const double one = 1.0, zero = 0.0;
        blas_dgemm("N", "T", &q, &k1, &nb, &one, x + from * q, &q, w, &k1, &zero, xw, &q);
    }
    for (int j = 0; j < later; j++) {
        for (int i = 0; i < q; i++) {
            u[offset + (long) j * p + i] += xw[(long) j * q + i];
        }
    }
    memcpy(sums, xw + (long) later * q, (size_t) q * sizeof(double));
}

/* Whether every mean so far is within two standard deviations of zero (CrossProducts.nearZeroMeans). */
static int near_zero_means(const cross_acc *a, int p) {
    if (a->n < 2) {
        return 0;
    }
    for (int j = 0; j < p; j++) {
        double m = a->shift[j] + a->offset[j];
        if (!(m * m <= 4 * a->u[(long) j * p + j] / a->n)) {
            return 0;
        }
    }
    return 1;
}

/* CrossProducts.combine (full storage) of the summary so far with a block of nb rows, shift bs, offset bo. */
static void combine(cross_acc *a, int p, int nb, const double *bs, const double *bo, double *delta) {
    if (a->n == 0) {
        a->n = nb;
        memcpy(a->shift, bs, (size_t) p * sizeof(double));
        memcpy(a->offset, bo, (size_t) p * sizeof(double));
        return;
    }
    double n = a->n + nb;
    double wb = nb / n;
    double cross = a->n * nb / n;
    for (int j = 0; j < p; j++) {
        delta[j] = (bs[j] - a->shift[j]) + (bo[j] - a->offset[j]);
        a->offset[j] = a->offset[j] + delta[j] * wb;
    }
    for (int j = 0; j < p; j++) {
        double dj = cross * delta[j];
        double *c = a->u + (long) j * p;
        for (int i = 0; i <= j; i++) {
            c[i] += dj * delta[i];
        }
    }
    a->n = n;
}

/*
 * CrossProducts.of over the parts side by side (part k: rows x qs[k], row-major), rows
 * [from, to), merged into the running state (3 + 2 p + p p + p doubles: p, the block rows, n,
 * shift, offset, then the p x p column-major upper triangle u; n = 0 for none so far): so
 * slices of whole blocks, each call continuing from the last, give one call's sums. Returns 0;
 * 1 at a value that is not finite (the caller computes the Java way, which names it); -1
 * without memory; -2 without BLAS.
 */
int daal4j_cross_products_summary(int nparts, const double *const *xs, const int *qs, long from, long to,
                                  double *state) {
    int p = (int) state[0];
    int block_rows = (int) state[1];
    cross_acc a = {state[2], state + 3, state + 3 + p, state + 3 + 2 * p};
    if (p == 0 || to == from) {
        state[2] += p == 0 ? to - from : 0;
        return 0;
    }
    if (!blas_ready()) {
        return -2;
    }
    long most = to - from < block_rows ? to - from : block_rows;
    int widest = 0;
    for (int k = 0; k < nparts; k++) {
        widest = qs[k] > widest ? qs[k] : widest;
    }
    double *block = malloc((size_t) most * p * sizeof(double));
    double *w = malloc((size_t) most * (p + 1) * sizeof(double));
    double *xw = malloc(((size_t) widest * (p + 1) + 1) * sizeof(double));
    double *scratch = malloc((size_t) 4 * p * sizeof(double));
    int status = block == NULL || w == NULL || xw == NULL || scratch == NULL ? -1 : 0;
    double *bs = scratch, *bo = scratch + p, *delta = scratch + 2 * p, *colsum = scratch + 3 * p;
    for (long b = from; b < to && status == 0; b += block_rows) {
        int nb = (int) (to - b < block_rows ? to - b : block_rows);
        if (near_zero_means(&a, p)) {
            /* CrossProducts.rawBlock: each part's X'X and X'(later parts) straight on the data */
            int ca = 0;
            for (int k = 0; k < nparts && status == 0; k++) {
                int q = qs[k];
                if (k + 1 < nparts) {
                    add_cross_product_and_sums(xs[k], q, xs + k + 1, qs + k + 1, nparts - k - 1, b, nb, a.u,
                                               (long) (ca + q) * p + ca, p, w, xw, colsum);
                } else {
                    memset(colsum, 0, (size_t) q * sizeof(double));
                    memset(delta, 0, (size_t) q * sizeof(double)); /* the zero shift */
                    if (q > 0) {
                        sums(xs[k] + b * q, q, nb, delta, colsum);
                    }
                }
                for (int j = 0; j < q; j++) {
                    if (!isfinite(colsum[j])) {
                        status = 1;
                    }
                    bo[ca + j] = colsum[j] / nb;
                }
                add_gram(xs[k] + b * q, q, nb, a.u + (long) ca * p + ca, p);
                ca += q;
            }
            if (status == 0) {
                subtract_outer(a.u, p, nb, bo);
                memset(bs, 0, (size_t) p * sizeof(double));
            }
        } else {
            /* CrossProducts.centerBlock: the block shifted by the mean so far (its first row at first) */
            int first = a.n == 0;
            for (int j = 0; j < p; j++) {
                bs[j] = first ? 0.0 : a.shift[j] + a.offset[j];
                bo[j] = 0.0;
            }
            int col = 0;
            for (int k = 0; k < nparts; k++) {
                int q = qs[k];
                const double *x = xs[k];
                if (first) {
                    memcpy(bs + col, x + b * q, (size_t) q * sizeof(double));
                }
                for (int i = 0; i < nb; i++) {
                    const double *src = x + (b + i) * q;
                    double *dst = block + (long) i * p + col;
                    for (int j = 0; j < q; j++) {
                        double d = src[j] - bs[col + j];
                        dst[j] = d;
                        bo[col + j] += d;
                    }
                }
                col += q;
            }
            for (int j = 0; j < p; j++) {
                if (!isfinite(bo[j])) {
                    status = 1;
                }
                bo[j] /= nb;
            }
            if (status == 0) {
                if (first) {
                    for (int i = 0; i < nb; i++) {
                        for (int j = 0; j < p; j++) {
                            block[(long) i * p + j] -= bo[j];
                        }
                    }
                    add_gram(block, p, nb, a.u, p);
                } else {
                    add_gram(block, p, nb, a.u, p);
                    subtract_outer(a.u, p, nb, bo);
                }
            }
        }
        if (status == 0) {
            combine(&a, p, nb, bs, bo, delta);
        }
    }
    state[2] = a.n;
    free(block);
    free(w);
    free(xw);
    free(scratch);
    return status;
}

/*
 * Kernels.crossProductsSummary: rows [from, to) of the parts (double[] row-major, qs[k]
 * columns each; at most 4 parts) merged into state; the status of daal4j_cross_products_summary.
 */
JNIEXPORT jint JNICALL Java_daal4j_linalg_Kernels_crossProductsSummaryNative(JNIEnv *env, jclass cls,
                                                                             jobjectArray parts, jintArray qs,
                                                                             jint from, jint to, jdoubleArray state) {
    (void) cls;
    int nparts = (*env)->GetArrayLength(env, parts);
    if (nparts > 4) {
        return -1;
    }
    jdoubleArray arrays[5];
    for (int k = 0; k < nparts; k++) {
        arrays[k] = (jdoubleArray) (*env)->GetObjectArrayElement(env, parts, k);
    }
    arrays[nparts] = state;
    int widths[4];
    (*env)->GetIntArrayRegion(env, qs, 0, nparts, widths);
    double *a[5];
    int status = -1;
    if (pin(env, arrays, a, nparts + 1)) {
        status = daal4j_cross_products_summary(nparts, (const double *const *) a, widths, from, to, a[nparts]);
    }
    unpin(env, arrays, a, nparts + 1, nparts);
    return status;
}

/* ---- linear predictions (LinearModel.predict), for the JVM and for Python ------------------- */

/* Products.multiplyTransposedRows' FEW_COLUMNS: up to this many rows of B, a dgemv per row. */
#define FEW_COLUMNS 4

/*
 * Products.multiplyTransposedRows: c (row-major rows x n) = a b' for the rows of the row-major
 * a (k columns) and the row-major n x k b, with the same BLAS calls (blas_ready() is true).
 */
static void multiply_transposed_rows(const double *a, int k, int rows, const double *b, int n, double *c) {
    if (rows <= 0 || n == 0) {
        return;
    }
    const double one = 1.0, zero = 0.0;
    if (k == 0) {
        memset(c, 0, (size_t) rows * n * sizeof(double));
    } else if (n <= FEW_COLUMNS) {
        const int inc = 1;
        for (int j = 0; j < n; j++) {
            blas_dgemv("T", &k, &rows, &one, a, &k, b + (long) j * k, &inc, &zero, c + j, &n);
        }
    } else {
        blas_dgemm("T", "N", &n, &rows, &k, &one, b, &k, a, &k, &zero, c, &n);
    }
}

/*
 * LinearModel.predict for the rows [from, to) of the row-major x (p columns): y (row-major,
 * q values a row, from row `from`) = x slopes' + intercepts, block by block of block_rows
 * (each block checked for values that are not finite while it is in cache, then multiplied as
 * Products.multiplyTransposedRows does). Returns 0; 1 at a value that is not finite (nothing
 * is reported: the caller computes the Java way, which names it); -2 without BLAS.
 */
int daal4j_linear_predict(const double *x, long from, long to, int p, const double *slopes,
                          const double *intercepts, int q, int block_rows, double *y) {
    if (!blas_ready()) {
        return -2;
    }
    for (long b = from; b < to; b += block_rows) {
        int nb = (int) (to - b < block_rows ? to - b : block_rows);
        const double *xb = x + b * p;
        for (long k = 0; k < (long) nb * p; k++) {
            if (!isfinite(xb[k])) {
                return 1;
            }
        }
        double *c = y + (b - from) * q;
        multiply_transposed_rows(xb, p, nb, slopes, q, c);
        for (long i = 0; i < (long) nb * q; i += q) {
            for (int r = 0; r < q; r++) {
                c[i + r] += intercepts[r];
            }
        }
    }
    return 0;
}

/* Kernels.linearPredict: rows [from, to) of x into y from its row `from`; the status of daal4j_linear_predict. */
JNIEXPORT jint JNICALL Java_daal4j_linalg_Kernels_linearPredictNative(JNIEnv *env, jclass cls, jdoubleArray x,
                                                                      jint from, jint to, jint p,
                                                                      jdoubleArray slopes, jdoubleArray intercepts,
                                                                      jint q, jint blockRows, jdoubleArray y) {
    (void) cls;
    const jdoubleArray arrays[4] = {x, slopes, intercepts, y};
    double *a[4];
    int status = -1;
    if (pin(env, arrays, a, 4)) {
        status = daal4j_linear_predict(a[0], from, to, p, a[1], a[2], q, blockRows, a[3] + (long) from * q);
    }
    unpin(env, arrays, a, 4, 3);
    return status;
}


/* ---- multinomial naive Bayes: class sums (ClassSums.of) and labels, for the JVM and Python ---- */

/*
 * ClassSums.of for the rows [from, to) of the row-major counts x (p columns) and their labels:
 * adds each row to its class's row of sums (row-major n_classes x p), checking a block of
 * block_rows at a time. Returns 0; 1 at a label that is not a class, a negative count, or a
 * value that is not finite (the caller computes the Java way, which names it).
 */
int daal4j_class_sums(const double *x, const double *labels, long from, long to, int p, int n_classes,
                      int block_rows, double *sums) {
    for (long b = from; b < to; b += block_rows) {
        long end = to - b < block_rows ? to : b + block_rows;
        int negative = 0;
        for (long i = b; i < end; i++) {
            double label = labels[i];
            if (!(label >= 0 && label < n_classes && label == (int) label)) {
                return 1;
            }
            const double *src = x + i * p;
            double *dst = sums + (long) (int) label * p;
            for (int j = 0; j < p; j++) {
                double c = src[j];
                dst[j] += c;
                negative |= c < 0;
            }
        }
        double s = 0;
        for (long k = 0; k < (long) n_classes * p; k++) {
            s += sums[k] * 0; /* NaN for NaN or infinity, else 0 */
        }
        if (negative || s != 0) {
            return 1;
        }
    }
    return 0;
}

/*
 * MultinomialNaiveBayesPrediction's dense scores when only labels are asked for: per block of
 * block_rows rows of the counts x (p columns), checked (finite, non-negative), the joint log
 * likelihoods x log_theta' (n_classes x p) plus log_prior, and each row's first best class
 * into labels. Returns 0; 1 at a bad count (the caller computes the Java way, which names it);
 * -1 without memory; -2 without BLAS.
 */
int daal4j_naive_bayes_labels(const double *x, long from, long to, int p, const double *log_theta,
                              const double *log_prior, int n_classes, int block_rows, double *labels) {
    if (!blas_ready()) {
        return -2;
    }
    long most = to - from < block_rows ? to - from : block_rows;
    double *jll = malloc(((size_t) most * n_classes + 1) * sizeof(double));
    if (jll == NULL) {
        return -1;
    }
    int status = 0;
    for (long b = from; b < to && status == 0; b += block_rows) {
        int nb = (int) (to - b < block_rows ? to - b : block_rows);
        const double *xb = x + b * p;
        for (long k = 0; k < (long) nb * p; k++) {
            if (!(xb[k] >= 0) || xb[k] == INFINITY) {
                status = 1;
                break;
            }
        }
        if (status != 0) {
            break;
        }
        multiply_transposed_rows(xb, p, nb, log_theta, n_classes, jll);
        for (int i = 0; i < nb; i++) {
            double *o = jll + (long) i * n_classes;
            int best = 0;
            double max = -INFINITY;
            for (int c = 0; c < n_classes; c++) {
                o[c] += log_prior[c];
                if (o[c] > max) {
                    max = o[c];
                    best = c;
                }
            }
            labels[b - from + i] = best;
        }
    }
    free(jll);
    return status;
}

/* Kernels.classSums: the class sums of rows [from, to) added into sums; the status of daal4j_class_sums. */
JNIEXPORT jint JNICALL Java_daal4j_linalg_Kernels_classSumsNative(JNIEnv *env, jclass cls, jdoubleArray x,
                                                                  jdoubleArray labels, jint from, jint to, jint p,
                                                                  jint nClasses, jint blockRows, jdoubleArray sums) {
    (void) cls;
    const jdoubleArray arrays[3] = {x, labels, sums};
    double *a[3];
    int status = -1;
    if (pin(env, arrays, a, 3)) {
        status = daal4j_class_sums(a[0], a[1], from, to, p, nClasses, blockRows, a[2]);
    }
    unpin(env, arrays, a, 3, 2);
    return status;
}

/* Kernels.naiveBayesLabels: rows [from, to) into labels from index from; the status of daal4j_naive_bayes_labels. */
JNIEXPORT jint JNICALL Java_daal4j_linalg_Kernels_naiveBayesLabelsNative(JNIEnv *env, jclass cls, jdoubleArray x,
                                                                         jint from, jint to, jint p,
                                                                         jdoubleArray logTheta, jdoubleArray logPrior,
                                                                         jint nClasses, jint blockRows,
                                                                         jdoubleArray labels) {
    (void) cls;
    const jdoubleArray arrays[4] = {x, logTheta, logPrior, labels};
    double *a[4];
    int status = -1;
    if (pin(env, arrays, a, 4)) {
        status = daal4j_naive_bayes_labels(a[0], from, to, p, a[1], a[2], nClasses, blockRows, a[3] + from);
    }
    unpin(env, arrays, a, 4, 3);
    return status;
}
