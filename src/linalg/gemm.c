/* The matrix-product engine: a cache-blocked GEMM with register-tiled micro-kernels
 * chosen at run time (AVX2+FMA when the CPU has it, else portable C), complex products
 * through the real kernels, and exact typed loops for integers and bool.  With BLAS in
 * use, float and complex products go to ?gemm. */
#include "linalg/la_internal.h"

#if defined(__x86_64__) && defined(__GNUC__)
#define ND_LA_X86 1
#include <immintrin.h>
#endif

/* --------------------------------------------------------- micro-kernels */

#ifdef ND_LA_X86
/* 6 x 8 doubles: 12 accumulators, two B vectors, one broadcast A. */
__attribute__((target("avx2,fma")))
static void kernel_avx2_f64(int64_t kc, const double *a, const double *b, double *ab) {
    __m256d c00 = _mm256_setzero_pd(), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00,
            c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
    for (int64_t p = 0; p < kc; p++) {
        __m256d b0 = _mm256_loadu_pd(b), b1 = _mm256_loadu_pd(b + 4), ai;
        ai = _mm256_broadcast_sd(a + 0); c00 = _mm256_fmadd_pd(ai, b0, c00); c01 = _mm256_fmadd_pd(ai, b1, c01);
        ai = _mm256_broadcast_sd(a + 1); c10 = _mm256_fmadd_pd(ai, b0, c10); c11 = _mm256_fmadd_pd(ai, b1, c11);
        ai = _mm256_broadcast_sd(a + 2); c20 = _mm256_fmadd_pd(ai, b0, c20); c21 = _mm256_fmadd_pd(ai, b1, c21);
        ai = _mm256_broadcast_sd(a + 3); c30 = _mm256_fmadd_pd(ai, b0, c30); c31 = _mm256_fmadd_pd(ai, b1, c31);
        ai = _mm256_broadcast_sd(a + 4); c40 = _mm256_fmadd_pd(ai, b0, c40); c41 = _mm256_fmadd_pd(ai, b1, c41);
        ai = _mm256_broadcast_sd(a + 5); c50 = _mm256_fmadd_pd(ai, b0, c50); c51 = _mm256_fmadd_pd(ai, b1, c51);
        a += 6;
        b += 8;
    }
    _mm256_storeu_pd(ab + 0, c00); _mm256_storeu_pd(ab + 4, c01);
    _mm256_storeu_pd(ab + 8, c10); _mm256_storeu_pd(ab + 12, c11);
    _mm256_storeu_pd(ab + 16, c20); _mm256_storeu_pd(ab + 20, c21);
    _mm256_storeu_pd(ab + 24, c30); _mm256_storeu_pd(ab + 28, c31);
    _mm256_storeu_pd(ab + 32, c40); _mm256_storeu_pd(ab + 36, c41);
    _mm256_storeu_pd(ab + 40, c50); _mm256_storeu_pd(ab + 44, c51);
}

/* 6 x 16 floats, the same shape of kernel. */
__attribute__((target("avx2,fma")))
static void kernel_avx2_f32(int64_t kc, const float *a, const float *b, float *ab) {
    __m256 c00 = _mm256_setzero_ps(), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00,
           c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
    for (int64_t p = 0; p < kc; p++) {
        __m256 b0 = _mm256_loadu_ps(b), b1 = _mm256_loadu_ps(b + 8), ai;
        ai = _mm256_broadcast_ss(a + 0); c00 = _mm256_fmadd_ps(ai, b0, c00); c01 = _mm256_fmadd_ps(ai, b1, c01);
        ai = _mm256_broadcast_ss(a + 1); c10 = _mm256_fmadd_ps(ai, b0, c10); c11 = _mm256_fmadd_ps(ai, b1, c11);
        ai = _mm256_broadcast_ss(a + 2); c20 = _mm256_fmadd_ps(ai, b0, c20); c21 = _mm256_fmadd_ps(ai, b1, c21);
        ai = _mm256_broadcast_ss(a + 3); c30 = _mm256_fmadd_ps(ai, b0, c30); c31 = _mm256_fmadd_ps(ai, b1, c31);
        ai = _mm256_broadcast_ss(a + 4); c40 = _mm256_fmadd_ps(ai, b0, c40); c41 = _mm256_fmadd_ps(ai, b1, c41);
        ai = _mm256_broadcast_ss(a + 5); c50 = _mm256_fmadd_ps(ai, b0, c50); c51 = _mm256_fmadd_ps(ai, b1, c51);
        a += 6;
        b += 16;
    }
    _mm256_storeu_ps(ab + 0, c00); _mm256_storeu_ps(ab + 8, c01);
    _mm256_storeu_ps(ab + 16, c10); _mm256_storeu_ps(ab + 24, c11);
    _mm256_storeu_ps(ab + 32, c20); _mm256_storeu_ps(ab + 40, c21);
    _mm256_storeu_ps(ab + 48, c30); _mm256_storeu_ps(ab + 56, c31);
    _mm256_storeu_ps(ab + 64, c40); _mm256_storeu_ps(ab + 72, c41);
    _mm256_storeu_ps(ab + 80, c50); _mm256_storeu_ps(ab + 88, c51);
}

bool nd__la_have_avx2(void) {
    static int cached = -1; /* benign race: every thread computes the same value */
    if (cached < 0) {
        __builtin_cpu_init();
        cached = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }
    return cached;
}
#endif

const char *nd__gemm_kernel_name(void) {
#ifdef ND_LA_X86
    if (nd__la_have_avx2()) return "avx2+fma";
#endif
    return "generic";
}

/* ------------------------------------------------------ blocked real GEMMs */

static void kernel_generic_f64(int64_t kc, const double *a, const double *b, double *ab);
static void kernel_generic_f32(int64_t kc, const float *a, const float *b, float *ab);

typedef void (*kfn_f64)(int64_t, const double *, const double *, double *);
typedef void (*kfn_f32)(int64_t, const float *, const float *, float *);
static kfn_f64 pick_kernel_f64(void) {
#ifdef ND_LA_X86
    if (nd__la_have_avx2()) return kernel_avx2_f64;
#endif
    return kernel_generic_f64;
}
static kfn_f32 pick_kernel_f32(void) {
#ifdef ND_LA_X86
    if (nd__la_have_avx2()) return kernel_avx2_f32;
#endif
    return kernel_generic_f32;
}

#define T double
#define SFX f64
#define MR 6
#define NR 8
#define KC 256
#define MC 96
#define NC 2048
#include "gemm_real.inc"
#undef T
#undef SFX
#undef NR
#undef KC
#undef MC
#undef NC

#define T float
#define SFX f32
#define NR 16
#define KC 384
#define MC 96
#define NC 2048
#include "gemm_real.inc"
#undef T
#undef SFX
#undef MR
#undef NR
#undef KC
#undef MC
#undef NC

/* ------------------------------------------------ exact loops for the rest */

/* Integers: products and sums in uint64 wrap exactly as the narrow type would
 * (everything is mod 2^bits), then truncate. */
#define INT_LOOP(ctype)                                                                        \
    for (int64_t i = 0; i < M; i++)                                                            \
        for (int64_t j = 0; j < N; j++) {                                                      \
            uint64_t acc = 0;                                                                  \
            for (int64_t p = 0; p < K; p++)                                                    \
                acc += (uint64_t)(int64_t) * (const ctype *)(A + i * rsa + p * csa) *          \
                       (uint64_t)(int64_t) * (const ctype *)(B + p * rsb + j * csb);           \
            *(ctype *)(C + i * rsc + j * csc) = (ctype)acc;                                    \
        }

#define UINT_LOOP(ctype)                                                                       \
    for (int64_t i = 0; i < M; i++)                                                            \
        for (int64_t j = 0; j < N; j++) {                                                      \
            uint64_t acc = 0;                                                                  \
            for (int64_t p = 0; p < K; p++)                                                    \
                acc += (uint64_t) * (const ctype *)(A + i * rsa + p * csa) *                   \
                       (uint64_t) * (const ctype *)(B + p * rsb + j * csb);                    \
            *(ctype *)(C + i * rsc + j * csc) = (ctype)acc;                                    \
        }

static int gemm_complex(bool single, int64_t M, int64_t N, int64_t K, const char *A, int64_t rsa, int64_t csa,
                        const char *B, int64_t rsb, int64_t csb, char *C, int64_t rsc, int64_t csc) {
    /* Cr = Ar Br - Ai Bi, Ci = Ar Bi + Ai Br on the interleaved parts (element strides
     * of the real type are twice the complex ones). */
    if (single) {
        int64_t e = 4;
        const float *ar = (const float *)A, *ai = ar + 1, *br = (const float *)B, *bi = br + 1;
        float *cr = (float *)C, *ci = cr + 1;
        rsa /= e; csa /= e; rsb /= e; csb /= e; rsc /= e; csc /= e;
        if (nd__gemm_f32(M, N, K, 1, ar, rsa, csa, br, rsb, csb, 0, cr, rsc, csc) < 0 ||
            nd__gemm_f32(M, N, K, -1, ai, rsa, csa, bi, rsb, csb, 1, cr, rsc, csc) < 0 ||
            nd__gemm_f32(M, N, K, 1, ar, rsa, csa, bi, rsb, csb, 0, ci, rsc, csc) < 0 ||
            nd__gemm_f32(M, N, K, 1, ai, rsa, csa, br, rsb, csb, 1, ci, rsc, csc) < 0)
            return -1;
        return 0;
    }
    int64_t e = 8;
    const double *ar = (const double *)A, *ai = ar + 1, *br = (const double *)B, *bi = br + 1;
    double *cr = (double *)C, *ci = cr + 1;
    rsa /= e; csa /= e; rsb /= e; csb /= e; rsc /= e; csc /= e;
    if (nd__gemm_f64(M, N, K, 1, ar, rsa, csa, br, rsb, csb, 0, cr, rsc, csc) < 0 ||
        nd__gemm_f64(M, N, K, -1, ai, rsa, csa, bi, rsb, csb, 1, cr, rsc, csc) < 0 ||
        nd__gemm_f64(M, N, K, 1, ar, rsa, csa, bi, rsb, csb, 0, ci, rsc, csc) < 0 ||
        nd__gemm_f64(M, N, K, 1, ai, rsa, csa, br, rsb, csb, 1, ci, rsc, csc) < 0)
        return -1;
    return 0;
}

/* Below this many multiply-adds the native small kernel beats a BLAS call (stacks of
 * small matrices). */
#ifndef ND_LA_SMALL_NATIVE
#define ND_LA_SMALL_NATIVE 4096
#endif

int nd__gemm(const nd_dtype_t *dt, int64_t M, int64_t N, int64_t K, const char *A, int64_t rsa, int64_t csa,
             const char *B, int64_t rsb, int64_t csb, char *C, int64_t rsc, int64_t csc) {
    nd_type t = dt->type;
    int64_t e = dt->itemsize;
#ifdef ND_HAVE_BLAS
    if ((t == ND_TYPE_FLOAT64 || t == ND_TYPE_FLOAT32 || t == ND_TYPE_COMPLEX128 || t == ND_TYPE_COMPLEX64) &&
        nd__la_use_blas() && M * N * K > ND_LA_SMALL_NATIVE && (M > 1 || N > 1) && /* small: a BLAS call costs more */
        nd__blas_gemm(t, M, N, K, A, rsa / e, csa / e, B, rsb / e, csb / e, C, rsc / e, csc / e))
        return 0;
#endif
    switch (t) {
    case ND_TYPE_FLOAT64:
        return nd__gemm_f64(M, N, K, 1, (const double *)A, rsa / e, csa / e, (const double *)B, rsb / e, csb / e,
                            0, (double *)C, rsc / e, csc / e);
    case ND_TYPE_FLOAT32:
        return nd__gemm_f32(M, N, K, 1, (const float *)A, rsa / e, csa / e, (const float *)B, rsb / e, csb / e,
                            0, (float *)C, rsc / e, csc / e);
    case ND_TYPE_COMPLEX128: return gemm_complex(false, M, N, K, A, rsa, csa, B, rsb, csb, C, rsc, csc);
    case ND_TYPE_COMPLEX64: return gemm_complex(true, M, N, K, A, rsa, csa, B, rsb, csb, C, rsc, csc);
    case ND_TYPE_FLOAT16:
        for (int64_t i = 0; i < M; i++)
            for (int64_t j = 0; j < N; j++) {
                float acc = 0;
                for (int64_t p = 0; p < K; p++)
                    acc += nd__half_to_float(*(const uint16_t *)(A + i * rsa + p * csa)) *
                           nd__half_to_float(*(const uint16_t *)(B + p * rsb + j * csb));
                *(uint16_t *)(C + i * rsc + j * csc) = nd__float_to_half(acc);
            }
        return 0;
    case ND_TYPE_BOOL:
        for (int64_t i = 0; i < M; i++)
            for (int64_t j = 0; j < N; j++) {
                bool acc = false;
                for (int64_t p = 0; p < K && !acc; p++)
                    acc = *(const bool *)(A + i * rsa + p * csa) && *(const bool *)(B + p * rsb + j * csb);
                *(bool *)(C + i * rsc + j * csc) = acc;
            }
        return 0;
    case ND_TYPE_INT8: INT_LOOP(int8_t) return 0;
    case ND_TYPE_INT16: INT_LOOP(int16_t) return 0;
    case ND_TYPE_INT32: INT_LOOP(int32_t) return 0;
    case ND_TYPE_INT64: INT_LOOP(int64_t) return 0;
    case ND_TYPE_UINT8: UINT_LOOP(uint8_t) return 0;
    case ND_TYPE_UINT16: UINT_LOOP(uint16_t) return 0;
    case ND_TYPE_UINT32: UINT_LOOP(uint32_t) return 0;
    case ND_TYPE_UINT64: UINT_LOOP(uint64_t) return 0;
    default:
        nd__err(ND_ERR_TYPE, "matmul: dtype %s is not supported", dt->name);
        return -1;
    }
}
