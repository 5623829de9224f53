/* Vector math for the hottest float ufuncs (exp, log, sin, cos, tanh on contiguous
 * float32/float64): glibc's libmvec AVX-512 or AVX2 functions (documented within
 * 4 ulp), picked at run time by CPU features when the build found libmvec
 * (ND_HAVE_MVEC).  Elsewhere these return 0 and the kernels use libm.
 *
 * Floating-point flags: the vector functions may raise flags scalar libm would not
 * (and skip some it would), so only chunks whose arguments all lie where no flag but
 * inexact can arise go through them, and whatever they raised is discarded; other
 * chunks run scalar libm and keep its flags. */
#include "ufunc/vmath.h"

#include <fenv.h>
#include <float.h>
#include <math.h>


#if defined(ND_HAVE_MVEC) && defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)

#pragma GCC push_options
#pragma GCC target("avx2,fma")
#include <immintrin.h>

/* the vector-ABI names of libmvec ('d': AVX2, N4/N8: lanes, v: one vector argument) */
__m256d _ZGVdN4v_exp(__m256d);
__m256d _ZGVdN4v_log(__m256d);
__m256d _ZGVdN4v_sin(__m256d);
__m256d _ZGVdN4v_cos(__m256d);
__m256d _ZGVdN4v_tanh(__m256d);
__m256 _ZGVdN8v_expf(__m256);
__m256 _ZGVdN8v_logf(__m256);
__m256 _ZGVdN8v_sinf(__m256);
__m256 _ZGVdN8v_cosf(__m256);
__m256 _ZGVdN8v_tanhf(__m256);

#define CHUNK 256

/* Where each function raises nothing but inexact (NaN fails every test). */
#define SAFE_DOMAIN(T, fn, x, LO_EXP, HI_EXP, MIN, MAX)                   \
    ((fn) == ND__VM_exp ? ((x) >= (T)(LO_EXP)) & ((x) <= (T)(HI_EXP))  \
     : (fn) == ND__VM_log ? ((x) >= (T)(MIN)) & ((x) <= (T)(MAX))      \
     : (fn) == ND__VM_tanh ? ((x) >= -(T)(MAX)) & ((x) <= (T)(MAX))     \
     : ((x) >= (T)-1e5) & ((x) <= (T)1e5))

#define VM_TEMPLATE(NAME, T, V, LANES, LOADU, STOREU, VFN, SFN, LO_EXP, HI_EXP, MIN, MAX)        \
    static int64_t NAME##_run(int fn, const T *x, T *y, int64_t n) {                              \
        int keep = fetestexcept(FE_ALL_EXCEPT), scalar_flags = 0;                                 \
        for (int64_t c = 0; c < n; c += CHUNK) {                                                  \
            int64_t m = n - c < CHUNK ? n - c : CHUNK;                                            \
            const T *px = x + c;                                                                  \
            T *py = y + c;                                                                        \
            int ok = 1;                                                                           \
            for (int64_t i = 0; i < m; i++) ok &= SAFE_DOMAIN(T, fn, px[i], LO_EXP, HI_EXP, MIN, MAX); \
            if (!ok || m < LANES) {                                                               \
                feclearexcept(FE_ALL_EXCEPT);                                                     \
                for (int64_t i = 0; i < m; i++) py[i] = SFN(fn, px[i]);                           \
                scalar_flags |= fetestexcept(FE_ALL_EXCEPT);                                      \
                continue;                                                                         \
            }                                                                                     \
            V (*vf)(V) = VFN(fn);                                                                 \
            int64_t i = 0;                                                                        \
            for (; i + LANES <= m; i += LANES) STOREU(py + i, vf(LOADU(px + i)));                 \
            if (i < m) { /* the tail: the last full vector again, overlapping */                 \
                i = m - LANES;                                                                    \
                STOREU(py + i, vf(LOADU(px + i)));                                                \
            }                                                                                     \
        }                                                                                         \
        feclearexcept(FE_ALL_EXCEPT);                                                             \
        feraiseexcept(keep | scalar_flags);                                                       \
        return n;                                                                                 \
    }

static __m256d (*vfn64(int fn))(__m256d) {
    switch (fn) {
    case ND__VM_exp: return _ZGVdN4v_exp;
    case ND__VM_log: return _ZGVdN4v_log;
    case ND__VM_sin: return _ZGVdN4v_sin;
    case ND__VM_cos: return _ZGVdN4v_cos;
    default: return _ZGVdN4v_tanh;
    }
}
static __m256 (*vfn32(int fn))(__m256) {
    switch (fn) {
    case ND__VM_exp: return _ZGVdN8v_expf;
    case ND__VM_log: return _ZGVdN8v_logf;
    case ND__VM_sin: return _ZGVdN8v_sinf;
    case ND__VM_cos: return _ZGVdN8v_cosf;
    default: return _ZGVdN8v_tanhf;
    }
}
static double sfn64(int fn, double x) {
    switch (fn) {
    case ND__VM_exp: return exp(x);
    case ND__VM_log: return log(x);
    case ND__VM_sin: return sin(x);
    case ND__VM_cos: return cos(x);
    default: return tanh(x);
    }
}
static float sfn32(int fn, float x) {
    switch (fn) {
    case ND__VM_exp: return expf(x);
    case ND__VM_log: return logf(x);
    case ND__VM_sin: return sinf(x);
    case ND__VM_cos: return cosf(x);
    default: return tanhf(x);
    }
}

/* in place (x == y), the overlapping tail would re-read outputs: such calls with a
 * tail are left to libm (see below) */
VM_TEMPLATE(vm64, double, __m256d, 4, _mm256_loadu_pd, _mm256_storeu_pd, vfn64, sfn64, -708.0, 709.0, DBL_MIN, DBL_MAX)
VM_TEMPLATE(vm32, float, __m256, 8, _mm256_loadu_ps, _mm256_storeu_ps, vfn32, sfn32, -87.0f, 88.0f, FLT_MIN, FLT_MAX)

#pragma GCC pop_options

/* the AVX-512 versions ('e': 8 doubles / 16 floats) */
#pragma GCC push_options
#pragma GCC target("avx512f,avx2,fma")
__m512d _ZGVeN8v_exp(__m512d);
__m512d _ZGVeN8v_log(__m512d);
__m512d _ZGVeN8v_sin(__m512d);
__m512d _ZGVeN8v_cos(__m512d);
__m512d _ZGVeN8v_tanh(__m512d);
__m512 _ZGVeN16v_expf(__m512);
__m512 _ZGVeN16v_logf(__m512);
__m512 _ZGVeN16v_sinf(__m512);
__m512 _ZGVeN16v_cosf(__m512);
__m512 _ZGVeN16v_tanhf(__m512);

static __m512d (*vfn64e(int fn))(__m512d) {
    switch (fn) {
    case ND__VM_exp: return _ZGVeN8v_exp;
    case ND__VM_log: return _ZGVeN8v_log;
    case ND__VM_sin: return _ZGVeN8v_sin;
    case ND__VM_cos: return _ZGVeN8v_cos;
    default: return _ZGVeN8v_tanh;
    }
}
static __m512 (*vfn32e(int fn))(__m512) {
    switch (fn) {
    case ND__VM_exp: return _ZGVeN16v_expf;
    case ND__VM_log: return _ZGVeN16v_logf;
    case ND__VM_sin: return _ZGVeN16v_sinf;
    case ND__VM_cos: return _ZGVeN16v_cosf;
    default: return _ZGVeN16v_tanhf;
    }
}
VM_TEMPLATE(vm64e, double, __m512d, 8, _mm512_loadu_pd, _mm512_storeu_pd, vfn64e, sfn64, -708.0, 709.0, DBL_MIN, DBL_MAX)
VM_TEMPLATE(vm32e, float, __m512, 16, _mm512_loadu_ps, _mm512_storeu_ps, vfn32e, sfn32, -87.0f, 88.0f, FLT_MIN, FLT_MAX)
#pragma GCC pop_options

/* 0: libm only, 1: AVX2, 2: AVX-512 (__builtin_cpu_supports reads flags libgcc set
 * up before main: cheap, and no state of ours to race on) */
static int vm_level(void) {
    if (!(__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))) return 0;
    return __builtin_cpu_supports("avx512f") ? 2 : 1;
}

int64_t nd__vmath_f64(int fn, const double *x, double *y, int64_t n) {
    int l = vm_level(), lanes = l == 2 ? 8 : 4;
    /* in place with a tail would re-read outputs: leave such calls to libm */
    if (!l || n < lanes || (x == y && n % lanes)) return 0;
    return l == 2 ? vm64e_run(fn, x, y, n) : vm64_run(fn, x, y, n);
}

int64_t nd__vmath_f32(int fn, const float *x, float *y, int64_t n) {
    int l = vm_level(), lanes = l == 2 ? 16 : 8;
    if (!l || n < lanes || (x == y && n % lanes)) return 0;
    return l == 2 ? vm32e_run(fn, x, y, n) : vm32_run(fn, x, y, n);
}

#else

int64_t nd__vmath_f64(int fn, const double *x, double *y, int64_t n) { (void)fn; (void)x; (void)y; (void)n; return 0; }
int64_t nd__vmath_f32(int fn, const float *x, float *y, int64_t n) { (void)fn; (void)x; (void)y; (void)n; return 0; }

#endif
