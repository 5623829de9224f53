/* Vector math for the hottest float ufuncs (exp, log, sin, cos, tanh on contiguous
 * float32/float64, and power with a contiguous or scalar base and exponent): glibc's
 * libmvec AVX-512 or AVX2 functions (documented within 4 ulp), picked at run time by
 * CPU features when the build found libmvec (ND_HAVE_MVEC).  Elsewhere these return 0
 * and the kernels use libm.
 *
 * Floating-point flags: the vector functions may raise flags scalar libm would not
 * (and skip some it would), so only chunks whose arguments all lie where no flag but
 * inexact can arise go through them, and whatever they raised is discarded; other
 * chunks run scalar libm and keep its flags. */
#include "ufunc/vmath.h"

#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>


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

/* pow: vector chunks only where the base is a positive normal finite number, the
 * exponent finite and |y| (|exponent of x| + 1) below LIMIT, so |y log2 x| stays far
 * from overflow and underflow: there pow raises nothing but inexact and has no special
 * case (pow(x, 0) = 1 and pow(1, y) = 1 hold: exp2(0) is exact).  Negative bases,
 * zeros, inf, NaN and large results take scalar libm with its flags.  A partial last
 * vector is computed from a padded copy (in place is fine). */
#define VM_POW_TEMPLATE(NAME, T, UT, V, LANES, LOADU, STOREU, SET1, VFN, SFN, MANT, EMASK, BIAS, MINN, MAXN, LIMIT) \
    static inline __attribute__((always_inline)) int NAME##_powok(const T *px, int xs, const T *py, int ys, \
                                                                  int64_t m) {                      \
        int ok = 1;                                                                               \
        for (int64_t i = 0; i < m; i++) {                                                         \
            T a = px[i * xs], b = py[i * ys];                                                     \
            UT bits;                                                                              \
            memcpy(&bits, &a, sizeof bits);                                                       \
            int e = (int)((bits >> MANT) & EMASK) - BIAS;                                         \
            T w = (T)((e < 0 ? -e : e) + 1);                                                      \
            ok &= (a >= (T)(MINN)) & (a <= (T)(MAXN)) & ((b < 0 ? -b : b) * w < (T)(LIMIT));      \
        }                                                                                         \
        return ok;                                                                                \
    }                                                                                             \
    static int64_t NAME##_pow(const T *x, int64_t xs, const T *y, int64_t ys, T *o, int64_t n) {    \
        int keep = fetestexcept(FE_ALL_EXCEPT), scalar_flags = 0;                                 \
        for (int64_t c = 0; c < n; c += CHUNK) {                                                  \
            int64_t m = n - c < CHUNK ? n - c : CHUNK;                                            \
            const T *px = x + c * xs, *py = y + c * ys;                                           \
            T *po = o + c;                                                                        \
            /* the domain test, with constant strides so that it vectorizes */             \
            int ok = xs && ys ? NAME##_powok(px, 1, py, 1, m) : xs ? NAME##_powok(px, 1, py, 0, m)   \
                                                                   : NAME##_powok(px, 0, py, 1, m);  \
            if (!ok) {                                                                            \
                feclearexcept(FE_ALL_EXCEPT);                                                     \
                for (int64_t i = 0; i < m; i++) po[i] = SFN(px[i * xs], py[i * ys]);              \
                scalar_flags |= fetestexcept(FE_ALL_EXCEPT);                                      \
                continue;                                                                         \
            }                                                                                     \
            V vx = SET1(px[0]), vy = SET1(py[0]);                                                 \
            int64_t i = 0;                                                                        \
            for (; i + LANES <= m; i += LANES) {                                                  \
                if (xs) vx = LOADU(px + i);                                                       \
                if (ys) vy = LOADU(py + i);                                                       \
                STOREU(po + i, VFN(vx, vy));                                                      \
            }                                                                                     \
            if (i < m) {                                                                          \
                T tx[LANES], ty[LANES], to[LANES];                                                \
                for (int k = 0; k < LANES; k++) {                                                 \
                    tx[k] = i + k < m ? px[(i + k) * xs] : (T)1;                                  \
                    ty[k] = i + k < m ? py[(i + k) * ys] : (T)1;                                  \
                }                                                                                 \
                STOREU(to, VFN(LOADU(tx), LOADU(ty)));                                            \
                for (int k = 0; i + k < m; k++) po[i + k] = to[k];                                \
            }                                                                                     \
        }                                                                                         \
        feclearexcept(FE_ALL_EXCEPT);                                                             \
        feraiseexcept(keep | scalar_flags);                                                       \
        return n;                                                                                 \
    }
__m256d _ZGVdN4vv_pow(__m256d, __m256d);
__m256 _ZGVdN8vv_powf(__m256, __m256);
VM_POW_TEMPLATE(vm64, double, uint64_t, __m256d, 4, _mm256_loadu_pd, _mm256_storeu_pd, _mm256_set1_pd,
                _ZGVdN4vv_pow, pow, 52, 0x7ff, 1023, DBL_MIN, DBL_MAX, 1000.0)
VM_POW_TEMPLATE(vm32, float, uint32_t, __m256, 8, _mm256_loadu_ps, _mm256_storeu_ps, _mm256_set1_ps,
                _ZGVdN8vv_powf, powf, 23, 0xff, 127, FLT_MIN, FLT_MAX, 120.0f)

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
__m512d _ZGVeN8vv_pow(__m512d, __m512d);
__m512 _ZGVeN16vv_powf(__m512, __m512);
VM_POW_TEMPLATE(vm64e, double, uint64_t, __m512d, 8, _mm512_loadu_pd, _mm512_storeu_pd, _mm512_set1_pd,
                _ZGVeN8vv_pow, pow, 52, 0x7ff, 1023, DBL_MIN, DBL_MAX, 1000.0)
VM_POW_TEMPLATE(vm32e, float, uint32_t, __m512, 16, _mm512_loadu_ps, _mm512_storeu_ps, _mm512_set1_ps,
                _ZGVeN16vv_powf, powf, 23, 0xff, 127, FLT_MIN, FLT_MAX, 120.0f)
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

int64_t nd__vmath_pow_f64(const double *x, int64_t xs, const double *y, int64_t ys, double *o, int64_t n) {
    int l = vm_level();
    if (!l || n < 8) return 0;
    return l == 2 ? vm64e_pow(x, xs, y, ys, o, n) : vm64_pow(x, xs, y, ys, o, n);
}

int64_t nd__vmath_pow_f32(const float *x, int64_t xs, const float *y, int64_t ys, float *o, int64_t n) {
    int l = vm_level();
    if (!l || n < 16) return 0;
    return l == 2 ? vm32e_pow(x, xs, y, ys, o, n) : vm32_pow(x, xs, y, ys, o, n);
}

#else

int64_t nd__vmath_pow_f64(const double *x, int64_t xs, const double *y, int64_t ys, double *o, int64_t n) {
    (void)x; (void)xs; (void)y; (void)ys; (void)o; (void)n; return 0;
}
int64_t nd__vmath_pow_f32(const float *x, int64_t xs, const float *y, int64_t ys, float *o, int64_t n) {
    (void)x; (void)xs; (void)y; (void)ys; (void)o; (void)n; return 0;
}
int64_t nd__vmath_f64(int fn, const double *x, double *y, int64_t n) { (void)fn; (void)x; (void)y; (void)n; return 0; }
int64_t nd__vmath_f32(int fn, const float *x, float *y, int64_t n) { (void)fn; (void)x; (void)y; (void)n; return 0; }

#endif
