/* The typed loops of src/sets: sets_typed.inc once per numeric dtype, plus the string
 * loops (variable element size), and the table the other files dispatch through. */
#include "sets/sets_priv.h"

#define NUM_EQ(a, b) ((a) == (b))
#define NO_NAN(a) ((void)(a), 0)
#define FLT_NAN(a) ((a) != (a))
#define BOOL_EQ(a, b) (!(a) == !(b))
#define H16_NAN(a) (((a) & 0x7fff) > 0x7c00)
#define H16_EQ(a, b) (!H16_NAN(a) && ((a) == (b) || (((a) | (b)) & 0x7fff) == 0))
#define CPLX_EQ(a, b) ((a).re == (b).re && (a).im == (b).im)
#define CPLX_NAN(a) ((a).re != (a).re || (a).im != (a).im)
#define NO_CANON(x) ((void)(x))
#define BOOL_CANON(x) ((x) = !!(x))
#define FLT_CANON(x) ((x) = (x) != (x) ? NAN : (x) == 0 ? 0 : (x))
#define H16_CANON(x) ((x) = H16_NAN(x) ? 0x7e00 : ((x) & 0x7fff) == 0 ? 0 : (x))
#define CPLX_CANON(x) do { if (CPLX_NAN(x)) { (x).re = NAN; (x).im = NAN; } \
                           else { if ((x).re == 0) (x).re = 0; if ((x).im == 0) (x).im = 0; } } while (0)
typedef struct { float re, im; } st_c64;
typedef struct { double re, im; } st_c128;

#define SFX b
#define T uint8_t
#define EQ BOOL_EQ
#define ISNAN NO_NAN
#define CANON BOOL_CANON
#include "sets/sets_typed.inc"
#define SFX i8
#define T int8_t
#define EQ NUM_EQ
#define ISNAN NO_NAN
#define CANON NO_CANON
#include "sets/sets_typed.inc"
#define SFX i16
#define T int16_t
#define EQ NUM_EQ
#define ISNAN NO_NAN
#define CANON NO_CANON
#include "sets/sets_typed.inc"
#define SFX i32
#define T int32_t
#define EQ NUM_EQ
#define ISNAN NO_NAN
#define CANON NO_CANON
#include "sets/sets_typed.inc"
#define SFX i64
#define T int64_t
#define EQ NUM_EQ
#define ISNAN NO_NAN
#define CANON NO_CANON
#include "sets/sets_typed.inc"
#define SFX u8
#define T uint8_t
#define EQ NUM_EQ
#define ISNAN NO_NAN
#define CANON NO_CANON
#include "sets/sets_typed.inc"
#define SFX u16
#define T uint16_t
#define EQ NUM_EQ
#define ISNAN NO_NAN
#define CANON NO_CANON
#include "sets/sets_typed.inc"
#define SFX u32
#define T uint32_t
#define EQ NUM_EQ
#define ISNAN NO_NAN
#define CANON NO_CANON
#include "sets/sets_typed.inc"
#define SFX u64
#define T uint64_t
#define EQ NUM_EQ
#define ISNAN NO_NAN
#define CANON NO_CANON
#include "sets/sets_typed.inc"
#define SFX f16
#define T uint16_t
#define EQ H16_EQ
#define ISNAN H16_NAN
#define CANON H16_CANON
#include "sets/sets_typed.inc"
#define SFX f32
#define T float
#define EQ NUM_EQ
#define ISNAN FLT_NAN
#define CANON FLT_CANON
#include "sets/sets_typed.inc"
#define SFX f64
#define T double
#define EQ NUM_EQ
#define ISNAN FLT_NAN
#define CANON FLT_CANON
#include "sets/sets_typed.inc"
#define SFX c64
#define T st_c64
#define EQ CPLX_EQ
#define ISNAN CPLX_NAN
#define CANON CPLX_CANON
#include "sets/sets_typed.inc"
#define SFX c128
#define T st_c128
#define EQ CPLX_EQ
#define ISNAN CPLX_NAN
#define CANON CPLX_CANON
#include "sets/sets_typed.inc"

/* S and U: equal when the bytes are (both are NUL padded to the same width) */
static void st_neq_adj_str(const void *vv, int64_t n, uint8_t *mask, int64_t es) {
    const char *v = vv;
    if (n > 0) mask[0] = 1;
    for (int64_t i = 1; i < n; i++) mask[i] = memcmp(v + i * es, v + (i - 1) * es, (size_t)es) != 0;
}
static int64_t st_first_nan_str(const void *v, int64_t n, int64_t es) { (void)v; (void)es; return n; }
static void st_eq_at_str(const void *tv, int64_t m, const void *kv, int64_t n, const int64_t *idx,
                         bool *out, bool invert, int64_t es) {
    const char *t = tv, *keys = kv;
    for (int64_t j = 0; j < n; j++)
        out[j] = (idx[j] < m && !memcmp(t + idx[j] * es, keys + j * es, (size_t)es)) != invert;
}
static bool st_row_neq_str(const void *x, const void *y, int64_t m, int64_t es) {
    return memcmp(x, y, (size_t)(m * es)) != 0;
}
static void st_canon_str(void *v, int64_t n, int64_t es) { (void)v; (void)n; (void)es; }

#define SET_OPS(s) { st_neq_adj_##s, st_first_nan_##s, st_eq_at_##s, st_row_neq_##s, st_canon_##s }
static const nd__set_ops table[] = {
    [ND_TYPE_BOOL] = SET_OPS(b), [ND_TYPE_INT8] = SET_OPS(i8), [ND_TYPE_INT16] = SET_OPS(i16),
    [ND_TYPE_INT32] = SET_OPS(i32), [ND_TYPE_INT64] = SET_OPS(i64), [ND_TYPE_UINT8] = SET_OPS(u8),
    [ND_TYPE_UINT16] = SET_OPS(u16), [ND_TYPE_UINT32] = SET_OPS(u32), [ND_TYPE_UINT64] = SET_OPS(u64),
    [ND_TYPE_FLOAT16] = SET_OPS(f16), [ND_TYPE_FLOAT32] = SET_OPS(f32), [ND_TYPE_FLOAT64] = SET_OPS(f64),
    [ND_TYPE_COMPLEX64] = SET_OPS(c64), [ND_TYPE_COMPLEX128] = SET_OPS(c128),
    [ND_TYPE_BYTES] = SET_OPS(str), [ND_TYPE_STR] = SET_OPS(str),
};

const nd__set_ops *nd__set_ops_for(const nd_dtype_t *d) {
    if (!d || d->type >= ND_TYPE_VOID || d->nfields || d->sub_base)
        return nd__err(ND_ERR_TYPE, "The set routines do not support dtype %s", d ? d->name : "NULL");
    return &table[d->type];
}

/* ------------------------------------------------------------ arrays */

nd_array *nd__set_flat(const nd_array *a, const nd_dtype_t *d) {
    if (!a) return nd__err(ND_ERR_VALUE, "the array must not be NULL");
    int64_t n = nd_size(a);
    nd_array *r = nd__new(d ? d : a->dtype, 1, &n, 'C', false);
    if (!r) return NULL;
    /* assign through a C-order view of r with a's shape */
    nd_array *v = nd_reshape_ex(r, nd_shape_of(a), 'C');
    int rc = v ? nd__assign(v, a) : -1;
    nd_free(v);
    if (rc < 0) { nd_free(r); return NULL; }
    return r;
}

/* one element copy with the size known to the compiler for the common widths */
static inline void copy_elem(char *dst, const char *src, int64_t es) {
    switch (es) {
    case 1: *dst = *src; break;
    case 2: memcpy(dst, src, 2); break;
    case 4: memcpy(dst, src, 4); break;
    case 8: memcpy(dst, src, 8); break;
    case 16: memcpy(dst, src, 16); break;
    default: memcpy(dst, src, (size_t)es); break;
    }
}

nd_array *nd__set_gather(const nd_dtype_t *d, const char *v, const int64_t *perm, int64_t n) {
    nd_array *r = nd__new(d, 1, &n, 'C', false);
    if (!r) return NULL;
    int64_t es = d->itemsize;
    for (int64_t i = 0; i < n; i++) copy_elem(r->data + i * es, v + perm[i] * es, es);
    return r;
}

nd_array *nd__set_compress(const nd_dtype_t *d, const char *v, const uint8_t *mask, int64_t n, int64_t u) {
    nd_array *r = nd__new(d, 1, &u, 'C', false);
    if (!r) return NULL;
    int64_t es = d->itemsize, k = 0;
    for (int64_t i = 0; i < n; i++)
        if (mask[i]) copy_elem(r->data + (k++) * es, v + i * es, es);
    return r;
}
