/* The typed sorting kernels: sort_value.inc and sort_arg.inc instantiated once per
 * dtype, and the table sort.c dispatches through. */
#include "sort/sort_priv.h"
#include "sort/np_argsort.h"

/* ------------------------------------------------------------ orderings */

/* NaNs after every number: a < b, or b is NaN and a is not. */
#define FLT_LT(a, b) ((a) < (b) || ((b) != (b) && (a) == (a)))

static inline bool half_lt(uint16_t a, uint16_t b) {
    bool an = (a & 0x7fff) > 0x7c00, bn = (b & 0x7fff) > 0x7c00;
    if (an) return false;
    if (bn) return true;
    if (a & 0x8000) /* a negative: below any non-negative b unless both are zeros */
        return (b & 0x8000) ? (a & 0x7fff) > (b & 0x7fff) : ((a | b) & 0x7fff) != 0;
    return (b & 0x8000) ? false : a < b;
}

/* Complex: real part first, then imaginary; a NaN part sorts after numbers, so the
 * order is [R + Rj, R + nanj, nan + Rj, nan + nanj] as NumPy. */
#define CPLX_LT_BODY(ar, ai, br, bi)                                      \
    if (ar < br) return ai == ai || bi != bi;                             \
    if (ar > br) return bi != bi && ai == ai;                             \
    if (ar == br || (ar != ar && br != br)) return ai < bi || (bi != bi && ai == ai); \
    return br != br;
typedef struct { float re, im; } nd__c64;
typedef struct { double re, im; } nd__c128;
static inline bool c64_lt(nd__c64 a, nd__c64 b) { CPLX_LT_BODY(a.re, a.im, b.re, b.im) }
static inline bool c128_lt(nd__c128 a, nd__c128 b) { CPLX_LT_BODY(a.re, a.im, b.re, b.im) }

/* Strings: S compares bytes unsigned (NUL padding sorts first), U compares UCS-4 code
 * points; es is the element size in bytes. */
static inline bool bytes_lt(const char *a, const char *b, int64_t es) {
    return memcmp(a, b, (size_t)es) < 0;
}
static inline bool ucs4_lt(const char *a, const char *b, int64_t es) {
    for (int64_t k = 0; k < es; k += 4) {
        uint32_t x, y;
        memcpy(&x, a + k, 4);
        memcpy(&y, b + k, 4);
        if (x != y) return x < y;
    }
    return false;
}

/* ------------------------------------------------------------ instances */

#define NUM_LT(a, b) ((a) < (b))
/* Floats against a non-NaN pivot p: x before p is x < p; p before x is "not x <= p",
 * which also puts NaNs after p.  One comparison each (see PLT in sort_value.inc). */
#define FLT_PLT(x, p) ((x) < (p))
#define FLT_PGT(p, x) (!((x) <= (p)))
#define FLT_PIV_OK(p) ((p) == (p))

/* Radix sorting from RMIN elements on (below, introsort and merge sort win): integers
 * from 256, floats (whose keys cost more) from 1024. */
#define ND__RADIX_MIN_INT 256
#define ND__RADIX_MIN_FLOAT 1024
/* Radix sort tuning (radix_rec.inc): ranges of at most RX_INS records are insertion
 * sorted; ranges whose two buffers fit in RX_LEAF_BYTES (about a core's L2 and L3
 * share) are sorted least significant digit first, with 11-bit digits from RX_WIDE_MIN
 * records on; larger ones split on their top byte first.  RX_HIST_BYTES holds the
 * 32-bit counts of every digit (6 digits of 11 bits). */
#define RX_INS 16
#define RX_LEAF_BYTES (4 << 20)
#define RX_WIDE_MIN 8192
#define RX_HIST_BYTES (6 * 2048 * sizeof(uint32_t))
/* searchsorted visits the keys in sorted order from this many keys on. */
#define ND__SEARCH_SORT_MIN 2048

/* Order-preserving unsigned keys for radix sorting (see radix.inc). */
#define SIGNED_KEY(x) ((KT)(x) ^ ((KT)1 << (8 * sizeof(KT) - 1)))
#define UNSIGNED_KEY(x) ((KT)(x))
/* Floats: flip every bit of negatives, only the sign bit of positives; -0.0 takes the
 * key of +0.0 and every NaN the largest key.  Branch-free: signs are unpredictable. */
static inline uint64_t f64_key(double x) {
    uint64_t u;
    memcpy(&u, &x, 8);
    uint64_t k = u ^ ((uint64_t)((int64_t)u >> 63) | (UINT64_C(1) << 63));
    k = x == 0 ? UINT64_C(1) << 63 : k;
    return x != x ? UINT64_MAX : k;
}
static inline uint32_t f32_key(float x) {
    uint32_t u;
    memcpy(&u, &x, 4);
    uint32_t k = u ^ ((uint32_t)((int32_t)u >> 31) | (UINT32_C(1) << 31));
    k = x == 0 ? UINT32_C(1) << 31 : k;
    return x != x ? UINT32_MAX : k;
}
static inline uint16_t f16_key(uint16_t u) {
    if ((u & 0x7fff) > 0x7c00) return UINT16_MAX;
    if ((u & 0x7fff) == 0) u = 0;
    return (uint16_t)((u >> 15) ? ~u : u | 0x8000);
}

#define SFX b1
#define T uint8_t
#define LT NUM_LT
#define KT uint8_t
#define RKEY UNSIGNED_KEY
#define RMIN ND__RADIX_MIN_INT
#include "sort/sort_typed.inc"
#define SFX int8
#define T int8_t
#define LT NUM_LT
#define KT uint8_t
#define RKEY SIGNED_KEY
#define RMIN ND__RADIX_MIN_INT
#include "sort/sort_typed.inc"
#define SFX int16
#define T int16_t
#define LT NUM_LT
#define KT uint16_t
#define RKEY SIGNED_KEY
#define RMIN ND__RADIX_MIN_INT
#include "sort/sort_typed.inc"
#define SFX int32
#define T int32_t
#define LT NUM_LT
#define KT uint32_t
#define RKEY SIGNED_KEY
#define RMIN ND__RADIX_MIN_INT
#include "sort/sort_typed.inc"
#define SFX int64
#define T int64_t
#define LT NUM_LT
#define KT uint64_t
#define RKEY SIGNED_KEY
#define RMIN ND__RADIX_MIN_INT
#include "sort/sort_typed.inc"
#define SFX uint8
#define T uint8_t
#define LT NUM_LT
#define KT uint8_t
#define RKEY UNSIGNED_KEY
#define RMIN ND__RADIX_MIN_INT
#include "sort/sort_typed.inc"
#define SFX uint16
#define T uint16_t
#define LT NUM_LT
#define KT uint16_t
#define RKEY UNSIGNED_KEY
#define RMIN ND__RADIX_MIN_INT
#include "sort/sort_typed.inc"
#define SFX uint32
#define T uint32_t
#define LT NUM_LT
#define KT uint32_t
#define RKEY UNSIGNED_KEY
#define RMIN ND__RADIX_MIN_INT
#include "sort/sort_typed.inc"
#define SFX uint64
#define T uint64_t
#define LT NUM_LT
#define KT uint64_t
#define RKEY UNSIGNED_KEY
#define RMIN ND__RADIX_MIN_INT
#include "sort/sort_typed.inc"
#define SFX float16
#define T uint16_t
#define LT half_lt
#define KT uint16_t
#define RKEY f16_key
#define RX_KEEP_KEY
#define RMIN ND__RADIX_MIN_FLOAT
#include "sort/sort_typed.inc"
#define SFX float32
#define PLT FLT_PLT
#define PGT FLT_PGT
#define PIV_OK FLT_PIV_OK
#define T float
#define LT FLT_LT
#define KT uint32_t
#define RKEY f32_key
#define RX_KEEP_KEY
#define RMIN ND__RADIX_MIN_FLOAT
#include "sort/sort_typed.inc"
#define SFX float64
#define PLT FLT_PLT
#define PGT FLT_PGT
#define PIV_OK FLT_PIV_OK
#define T double
#define LT FLT_LT
#define KT uint64_t
#define RKEY f64_key
#define RX_KEEP_KEY
#define RMIN ND__RADIX_MIN_FLOAT
#include "sort/sort_typed.inc"
#define SFX complex64
#define T nd__c64
#define LT c64_lt
#include "sort/sort_typed.inc"
#define SFX complex128
#define T nd__c128
#define LT c128_lt
#include "sort/sort_typed.inc"

/* strings: index sorts only (sort.c sorts values through them) */
#define V const char *
#define KEY(v, i) ((v) + (i) * es)
#define SFX bytes
#define LT(a, b) bytes_lt((a), (b), es)
#include "sort/sort_arg.inc"
#undef SFX
#undef LT
#define SFX ucs4
#define LT(a, b) ucs4_lt((a), (b), es)
#include "sort/sort_arg.inc"
#undef SFX
#undef LT
#undef V
#undef KEY

/* ------------------------------------------------------------ the table */

#define ND_SORT_ENTRY(sfx) { sv_sort_##sfx, sa_argsort_##sfx, sv_select_##sfx, sa_select_##sfx, sa_search_##sfx }
static const nd__sort_kernels table[] = {
    [ND_TYPE_BOOL] = ND_SORT_ENTRY(b1),
    [ND_TYPE_INT8] = ND_SORT_ENTRY(int8),
    [ND_TYPE_INT16] = ND_SORT_ENTRY(int16),
    [ND_TYPE_INT32] = ND_SORT_ENTRY(int32),
    [ND_TYPE_INT64] = ND_SORT_ENTRY(int64),
    [ND_TYPE_UINT8] = ND_SORT_ENTRY(uint8),
    [ND_TYPE_UINT16] = ND_SORT_ENTRY(uint16),
    [ND_TYPE_UINT32] = ND_SORT_ENTRY(uint32),
    [ND_TYPE_UINT64] = ND_SORT_ENTRY(uint64),
    [ND_TYPE_FLOAT16] = ND_SORT_ENTRY(float16),
    [ND_TYPE_FLOAT32] = ND_SORT_ENTRY(float32),
    [ND_TYPE_FLOAT64] = ND_SORT_ENTRY(float64),
    [ND_TYPE_COMPLEX64] = ND_SORT_ENTRY(complex64),
    [ND_TYPE_COMPLEX128] = ND_SORT_ENTRY(complex128),
    [ND_TYPE_BYTES] = { NULL, sa_argsort_bytes, NULL, sa_select_bytes, sa_search_bytes },
    [ND_TYPE_STR] = { NULL, sa_argsort_ucs4, NULL, sa_select_ucs4, sa_search_ucs4 },
};

const nd__sort_kernels *nd__sort_kernels_for(const nd_dtype_t *d) {
    if (!d) return nd__err(ND_ERR_VALUE, "dtype must not be NULL");
    if (d->type >= ND_TYPE_VOID || d->nfields || d->sub_base)
        return nd__err(ND_ERR_TYPE, "sorting is not supported for dtype %s", d->name);
    return &table[d->type];
}

/* NumPy's argsort order of (key, position) pairs (sort/np_argsort.h) */
static inline bool ck_lt(nd__c128_key a, nd__c128_key b) { CPLX_LT_BODY(a.re, a.im, b.re, b.im) }
#define HA_NAME nd__np_argsort_f64
#define HA_PAIR nd__f64_pos
#define HA_LESS FLT_LT
#include "sort/np_argsort.inc"
#define HA_NAME nd__np_argsort_i64
#define HA_PAIR nd__i64_pos
#define HA_LESS NUM_LT
#include "sort/np_argsort.inc"
#define HA_NAME nd__np_argsort_c128
#define HA_PAIR nd__c128_pos
#define HA_LESS ck_lt
#include "sort/np_argsort.inc"
