/*
 * daal4j's native kernels: the loops no BLAS routine expresses that must still run at the
 * memory's speed. Each has a Java twin in daal4j.linalg.Kernels with the same order of
 * operations per column (built without fused multiply-adds), so both give the same sums.
 */
#include <jni.h>
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
