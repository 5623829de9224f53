/* The built-in kernels: kernels.inc instantiated per dtype, NumPy's pairwise sum, and
 * the string comparison loop.  Hot loops are compiled for several x86-64 levels and
 * picked at run time (target_clones); the installed library runs on any x86-64.
 * float16 has no kernels of its own: its loops run the float32 kernels through the
 * engine's chunked casts, which rounds every result once, as NumPy's half loops do. */
#include "ufunc/ufunc_internal.h"
#include "ufunc/vmath.h"

#include <complex.h>
#include <math.h>

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__ELF__) && !defined(ND_NO_CLONES)
#define ND__CLONES __attribute__((target_clones("default", "avx2", "avx512f")))
#else
#define ND__CLONES
#endif

/* kinds, as macros: kernels.inc selects code with #if */
#define K_B 1
#define K_I 2
#define K_U 3
#define K_F 4
#define K_C 5

/* ------------------------------------------------------------ pairwise sums */

/* NumPy's pairwise summation, bit for bit: below 8 elements a plain loop from 0;
 * up to 128 eight accumulators (here one 8-lane vector: the same eight sums) combined
 * as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) plus the tail; above, split at n/2 rounded
 * down to a multiple of 8.  NumPy sums a reduction in chunks of its buffer size
 * (8192) and adds each chunk's pairwise sum to the accumulator; nd__pairwise_* does
 * the same, so results are identical.  Complex sums run the same scheme over the
 * interleaved re/im stream of 2n reals, as NumPy: four complex per block of eight
 * lanes, the real parts (even lanes) and imaginary parts (odd lanes) combined
 * separately, below 4 complex a plain loop, split at the real split of 2n, halved.
 * The leaves are always_inline and the tree (ND__PW_TREE) is not recursive, so each
 * target_clones version runs its own vector code. */
typedef double nd__v4d __attribute__((vector_size(32)));
typedef float nd__v8f __attribute__((vector_size(32)));
#define ND__AI static inline __attribute__((always_inline))

/* The eight sums of a contiguous run of N reals of type T at A (N >= 8): lane j sums
 * the elements j, j + 8, ... below N - N % 8, into R[8].  Two vectors of four lanes
 * when V has four (double: one AVX register each), else one of eight; the vectors
 * stay in registers, and i leaves the loop at N - N % 8. */
#define PW_BLOCKS(T, V, A, N, R)                                                             \
    do {                                                                                     \
        enum { VL_ = sizeof(V) / sizeof(T) };                                                \
        V r0_, r1_ = { 0 };                                                                  \
        memcpy(&r0_, (A), sizeof r0_);                                                       \
        if (VL_ == 4) memcpy(&r1_, (A) + sizeof r0_, sizeof r1_);                            \
        for (i = 8; i < (N) - ((N) % 8); i += 8) {                                           \
            V x0_;                                                                           \
            memcpy(&x0_, (A) + i * sizeof(T), sizeof x0_);                                   \
            r0_ += x0_;                                                                      \
            if (VL_ == 4) {                                                                  \
                V x1_;                                                                       \
                memcpy(&x1_, (A) + i * sizeof(T) + sizeof x0_, sizeof x1_);                  \
                r1_ += x1_;                                                                  \
            }                                                                                \
        }                                                                                    \
        memcpy((R), &r0_, sizeof r0_);                                                       \
        if (VL_ == 4) memcpy((R) + 4, &r1_, sizeof r1_);                                     \
    } while (0)

#define PW_TEMPLATE(T, V, NAME)                                                              \
    ND__AI T NAME##_leaf(const char *a, int64_t n, int64_t s) {                              \
        T res;                                                                               \
        int64_t i;                                                                           \
        if (n < 8) {                                                                         \
            res = 0;                                                                         \
            for (i = 0; i < n; i++) res += *(const T *)(a + i * s);                          \
            return res;                                                                      \
        }                                                                                    \
        /* separate accumulators per branch: lane stores into a vector would keep it \
         * on the stack through the contiguous loop */                                     \
        if (s == (int64_t)sizeof(T)) {                                                       \
            T r[8];                                                                          \
            PW_BLOCKS(T, V, a, n, r);                                                        \
            res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));         \
        } else if (s == -(int64_t)sizeof(T)) { /* a[::-1]: a constant step vectorizes */     \
            T r[8];                                                                          \
            const T *q = (const T *)a;                                                       \
            for (int j = 0; j < 8; j++) r[j] = q[-j];                                        \
            for (i = 8; i < n - (n % 8); i += 8)                                             \
                for (int j = 0; j < 8; j++) r[j] += q[-(i + j)];                             \
            res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));         \
        } else {                                                                             \
            T r[8];                                                                          \
            for (int j = 0; j < 8; j++) r[j] = *(const T *)(a + j * s);                      \
            for (i = 8; i < n - (n % 8); i += 8)                                             \
                for (int j = 0; j < 8; j++) r[j] += *(const T *)(a + (i + j) * s);           \
            res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));         \
        }                                                                                    \
        for (; i < n; i++) res += *(const T *)(a + i * s);                                   \
        return res;                                                                          \
    }

/* n complex of part type RT at byte stride s (lanes 2j, 2j+1: re, im of element j) */
#define PWC_TEMPLATE(RT, V, NAME)                                                            \
    ND__AI _Complex RT NAME##_leaf(const char *a, int64_t n, int64_t s) {                    \
        RT rr = 0, ri = 0;                                                                   \
        int64_t i = 0;                                                                       \
        if (n >= 4) {                                                                        \
            if (s == 2 * (int64_t)sizeof(RT)) {                                              \
                RT r[8];                                                                     \
                PW_BLOCKS(RT, V, a, 2 * n, r);                                               \
                i = n - n % 4;                                                               \
                rr = (r[0] + r[2]) + (r[4] + r[6]);                                          \
                ri = (r[1] + r[3]) + (r[5] + r[7]);                                          \
            } else {                                                                         \
                RT r[8];                                                                     \
                for (int j = 0; j < 8; j++) r[j] = ((const RT *)(a + (j / 2) * s))[j % 2];   \
                for (i = 4; i < n - (n % 4); i += 4)                                         \
                    for (int j = 0; j < 8; j++) r[j] += ((const RT *)(a + (i + j / 2) * s))[j % 2]; \
                rr = (r[0] + r[2]) + (r[4] + r[6]);                                          \
                ri = (r[1] + r[3]) + (r[5] + r[7]);                                          \
            }                                                                                \
        }                                                                                    \
        for (; i < n; i++) {                                                                 \
            rr += ((const RT *)(a + i * s))[0];                                              \
            ri += ((const RT *)(a + i * s))[1];                                              \
        }                                                                                    \
        _Complex RT z;                                                                       \
        ((RT *)&z)[0] = rr;                                                                  \
        ((RT *)&z)[1] = ri;                                                                  \
        return z;                                                                            \
    }
/* NumPy splits the 2n reals at the real split, i.e. n - n % 8 reals: half as many complex */
#define PWC_SPLIT(n) (((n) - (n) % 8) / 2)

PW_TEMPLATE(double, nd__v4d, pw64)
PW_TEMPLATE(float, nd__v8f, pw32)
PWC_TEMPLATE(double, nd__v4d, pwc128)
PWC_TEMPLATE(float, nd__v8f, pwc64)

/* one driver per type: chunks of ND__BUFSIZE, each chunk's tree added to acc */
#define PW_DRIVER(T, NAME, SUF, LIMIT, SPLIT)                                                \
    ND__CLONES T nd__pairwise_##SUF(T acc, const char *a, int64_t n, int64_t s) {            \
        for (int64_t k = 0; k < n; k += ND__BUFSIZE) {                                       \
            int64_t c = n - k < ND__BUFSIZE ? n - k : ND__BUFSIZE;                           \
            T v;                                                                             \
            if (c <= (LIMIT)) v = NAME##_leaf(a + k * s, c, s);                              \
            else {                                                                           \
                _Pragma("GCC diagnostic push")                                               \
                _Pragma("GCC diagnostic ignored \"-Wmaybe-uninitialized\"")                  \
                ND__PW_TREE(T, v, a + k * s, c, s, LIMIT, SPLIT, PW_LEAF_##NAME);            \
                _Pragma("GCC diagnostic pop")                                                \
            }                                                                                \
            acc += v;                                                                        \
        }                                                                                    \
        return acc;                                                                          \
    }
#define PW_LEAF_pw64(p, m) pw64_leaf(p, m, s)
#define PW_LEAF_pw32(p, m) pw32_leaf(p, m, s)
#define PW_LEAF_pwc128(p, m) pwc128_leaf(p, m, s)
#define PW_LEAF_pwc64(p, m) pwc64_leaf(p, m, s)
PW_DRIVER(double, pw64, f64, 128, ND__PW_SPLIT)
PW_DRIVER(float, pw32, f32, 128, ND__PW_SPLIT)
PW_DRIVER(_Complex double, pwc128, c128, 64, PWC_SPLIT)
PW_DRIVER(_Complex float, pwc64, c64, 64, PWC_SPLIT)

/* ------------------------------------------------------------ instantiation */

#define TN bool_
#define T uint8_t
#define UT uint8_t
#define MT unsigned
#define RT uint8_t
#define KIND K_B
#define TBITS 8
#include "ufunc/kernels.inc"
#undef TN
#undef T
#undef UT
#undef MT
#undef RT
#undef KIND
#undef TBITS


#define TN int8
#define T int8_t
#define UT uint8_t
#define MT unsigned
#define RT int8_t
#define KIND K_I
#define TBITS 8
#define TMIN INT8_MIN
#include "ufunc/kernels.inc"
#undef TN
#undef T
#undef UT
#undef MT
#undef RT
#undef KIND
#undef TBITS
#undef TMIN

#define TN int16
#define T int16_t
#define UT uint16_t
#define MT unsigned
#define RT int16_t
#define KIND K_I
#define TBITS 16
#define TMIN INT16_MIN
#include "ufunc/kernels.inc"
#undef TN
#undef T
#undef UT
#undef MT
#undef RT
#undef KIND
#undef TBITS
#undef TMIN

#define TN int32
#define T int32_t
#define UT uint32_t
#define MT uint32_t
#define RT int32_t
#define KIND K_I
#define TBITS 32
#define TMIN INT32_MIN
#include "ufunc/kernels.inc"
#undef TN
#undef T
#undef UT
#undef MT
#undef RT
#undef KIND
#undef TBITS
#undef TMIN

#define TN int64
#define T int64_t
#define UT uint64_t
#define MT uint64_t
#define RT int64_t
#define KIND K_I
#define TBITS 64
#define TMIN INT64_MIN
#include "ufunc/kernels.inc"
#undef TN
#undef T
#undef UT
#undef MT
#undef RT
#undef KIND
#undef TBITS
#undef TMIN

#define TN uint8
#define T uint8_t
#define UT uint8_t
#define MT unsigned
#define RT uint8_t
#define KIND K_U
#define TBITS 8
#include "ufunc/kernels.inc"
#undef TN
#undef T
#undef UT
#undef MT
#undef RT
#undef KIND
#undef TBITS

#define TN uint16
#define T uint16_t
#define UT uint16_t
#define MT unsigned
#define RT uint16_t
#define KIND K_U
#define TBITS 16
#include "ufunc/kernels.inc"
#undef TN
#undef T
#undef UT
#undef MT
#undef RT
#undef KIND
#undef TBITS

#define TN uint32
#define T uint32_t
#define UT uint32_t
#define MT uint32_t
#define RT uint32_t
#define KIND K_U
#define TBITS 32
#include "ufunc/kernels.inc"
#undef TN
#undef T
#undef UT
#undef MT
#undef RT
#undef KIND
#undef TBITS

#define TN uint64
#define T uint64_t
#define UT uint64_t
#define MT uint64_t
#define RT uint64_t
#define KIND K_U
#define TBITS 64
#include "ufunc/kernels.inc"
#undef TN
#undef T
#undef UT
#undef MT
#undef RT
#undef KIND
#undef TBITS

#define TN float32
#define T float
#define RT float
#define KIND K_F
#define TBITS 32
#define FN(x) x##f
#define FSUF f32
#include "ufunc/kernels.inc"
#undef TN
#undef T
#undef RT
#undef KIND
#undef TBITS
#undef FN
#undef FSUF

#define TN float64
#define T double
#define RT double
#define KIND K_F
#define TBITS 64
#define FN(x) x
#define FSUF f64
#include "ufunc/kernels.inc"
#undef TN
#undef T
#undef RT
#undef KIND
#undef TBITS
#undef FN
#undef FSUF

#define TN complex64
#define T _Complex float
#define RT float
#define KIND K_C
#define FN(x) x##f
#define FSUF c64
#include "ufunc/kernels.inc"
#undef FSUF
#undef TN
#undef T
#undef RT
#undef KIND
#undef FN

#define TN complex128
#define T _Complex double
#define RT double
#define KIND K_C
#define FN(x) x
#define FSUF c128
#include "ufunc/kernels.inc"
#undef FSUF
#undef TN
#undef T
#undef RT
#undef KIND
#undef FN

/* float16 kernels where computing in float32 and rounding once would differ from
 * NumPy's half loops: nextafter and spacing step through half values (spacing of a
 * negative half is the positive gap towards zero, unlike float32/float64). */
static uint16_t half_next(uint16_t x, uint16_t y) {
    if ((x & 0x7fff) > 0x7c00 || (y & 0x7fff) > 0x7c00) return 0x7e00;
    if (x == y || ((x | y) & 0x7fff) == 0) return x;
    if ((x & 0x7fff) == 0) return (uint16_t)((y & 0x8000) | 1);
    bool up = nd__half_to_float(x) < nd__half_to_float(y);
    uint16_t r = (uint16_t)(((x & 0x8000) == 0) == up ? x + 1 : x - 1);
    if ((r & 0x7c00) == 0x7c00 && (x & 0x7c00) != 0x7c00) nd__fpe_raise(ND_FPE_OVERFLOW);
    return r;
}

static void loop_nextafter_half(char **args, const int64_t *n, const int64_t *s, void *d) {
    (void)d;
    for (int64_t i = 0; i < *n; i++)
        *(uint16_t *)(args[2] + i * s[2]) = half_next(*(const uint16_t *)(args[0] + i * s[0]),
                                                      *(const uint16_t *)(args[1] + i * s[1]));
}

static void loop_spacing_half(char **args, const int64_t *n, const int64_t *s, void *d) {
    (void)d;
    for (int64_t i = 0; i < *n; i++) {
        uint16_t h = *(const uint16_t *)(args[0] + i * s[0]), r;
        if ((h & 0x7c00) == 0x7c00) {
            nd__fpe_raise(ND_FPE_INVALID);
            r = 0x7e00;
        } else {
            uint16_t nx = half_next(h, 0x7c00); /* NumPy's half spacing steps towards +inf */
            r = nd__float_to_half(nd__half_to_float(nx) - nd__half_to_float(h));
        }
        *(uint16_t *)(args[1] + i * s[1]) = r;
    }
}

nd_loop_fn nd__kernel(int id, nd_type t) {
    if (id < 0 || id >= ND__NUFUNCS) return NULL;
    switch (t) {
    case ND_TYPE_FLOAT16:
        return id == ND__UF_nextafter ? loop_nextafter_half : id == ND__UF_spacing ? loop_spacing_half : NULL;
    case ND_TYPE_BOOL: return kernels_bool_[id];
    case ND_TYPE_INT8: return kernels_int8[id];
    case ND_TYPE_INT16: return kernels_int16[id];
    case ND_TYPE_INT32: return kernels_int32[id];
    case ND_TYPE_INT64: return kernels_int64[id];
    case ND_TYPE_UINT8: return kernels_uint8[id];
    case ND_TYPE_UINT16: return kernels_uint16[id];
    case ND_TYPE_UINT32: return kernels_uint32[id];
    case ND_TYPE_UINT64: return kernels_uint64[id];
    case ND_TYPE_FLOAT32: return kernels_float32[id];
    case ND_TYPE_FLOAT64: return kernels_float64[id];
    case ND_TYPE_COMPLEX64: return kernels_complex64[id];
    case ND_TYPE_COMPLEX128: return kernels_complex128[id];
    default: return NULL;
    }
}

/* ------------------------------------------------------------ strings */

/* NumPy compares S and U element by element as if the shorter were padded with NULs
 * (so trailing NULs never matter); characters compare unsigned. */
static inline uint32_t str_char(const char *p, int64_t k, int64_t w, bool u) {
    if (k >= w) return 0;
    if (u) { uint32_t c; memcpy(&c, p + 4 * k, 4); return c; }
    return (unsigned char)p[k];
}

void nd__string_compare_loop(char **args, const int64_t *n, const int64_t *steps, void *data) {
    const nd__strcmp_data *d = data;
    int64_t w = d->w0 > d->w1 ? d->w0 : d->w1;
    for (int64_t i = 0; i < *n; i++) {
        const char *a = args[0] + i * steps[0], *b = args[1] + i * steps[1];
        int c = 0;
        for (int64_t k = 0; k < w && !c; k++) {
            uint32_t x = str_char(a, k, d->w0, d->unicode), y = str_char(b, k, d->w1, d->unicode);
            c = (x > y) - (x < y);
        }
        bool r;
        switch (d->op) {
        case 0: r = c == 0; break;
        case 1: r = c != 0; break;
        case 2: r = c < 0; break;
        case 3: r = c <= 0; break;
        case 4: r = c > 0; break;
        default: r = c >= 0; break;
        }
        *(unsigned char *)(args[2] + i * steps[2]) = r;
    }
}
