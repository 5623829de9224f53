/* np.correlate and np.convolve: NumPy's output layout (valid / same / full, swapping
 * the inputs when the second is longer and reversing the result then), computed by a
 * register-blocked kernel (conv_kernel.inc) per dtype. */
#include "numeric/numeric_priv.h"

typedef struct { float re, im; } conv_cf;
typedef struct { double re, im; } conv_cd;

/* bool: any(a & v), as NumPy's bool dot */
#define CONV_ACC unsigned
#define CONV_ZERO 0u
#define CONV_MAC(s, x, y) ((s) |= (unsigned)((x) & (y)))
#define CONV_STORE(s) ((uint8_t)((s) != 0))
#define CONV_B 16
#define CONV_FN conv_bool
#define CONV_T uint8_t
#include "conv_kernel.inc"
#undef CONV_ACC
#undef CONV_ZERO
#undef CONV_MAC
#undef CONV_STORE
#undef CONV_B

/* integers: products summed modulo 2^64 then truncated, which is NumPy's wrapped
 * result (it sums in a long and casts back) */
#define CONV_ACC uint64_t
#define CONV_ZERO 0u
#define CONV_MAC(s, x, y) ((s) += (uint64_t)(x) * (uint64_t)(y))
#define CONV_STORE(s) ((CONV_T)(s))
#define CONV_B 8
#define CONV_FN conv_i8
#define CONV_T int8_t
#include "conv_kernel.inc"
#define CONV_FN conv_i16
#define CONV_T int16_t
#include "conv_kernel.inc"
#define CONV_FN conv_i32
#define CONV_T int32_t
#include "conv_kernel.inc"
#define CONV_FN conv_i64
#define CONV_T int64_t
#include "conv_kernel.inc"
#define CONV_FN conv_u8
#define CONV_T uint8_t
#include "conv_kernel.inc"
#define CONV_FN conv_u16
#define CONV_T uint16_t
#include "conv_kernel.inc"
#define CONV_FN conv_u32
#define CONV_T uint32_t
#include "conv_kernel.inc"
#define CONV_FN conv_u64
#define CONV_T uint64_t
#include "conv_kernel.inc"
#undef CONV_ACC
#undef CONV_ZERO
#undef CONV_MAC
#undef CONV_STORE
#undef CONV_B

/* float16 sums in float, rounded once at the end (NumPy's half dot) */
#define CONV_ACC float
#define CONV_ZERO 0.0f
#define CONV_MAC(s, x, y) ((s) += nd__half_to_float(x) * nd__half_to_float(y))
#define CONV_STORE(s) nd__float_to_half(s)
#define CONV_B 8
#define CONV_FN conv_f16
#define CONV_T uint16_t
#include "conv_kernel.inc"
#undef CONV_ACC
#undef CONV_ZERO
#undef CONV_MAC
#undef CONV_STORE
#undef CONV_B

#define CONV_ZERO 0
#define CONV_MAC(s, x, y) ((s) += (x) * (y))
#define CONV_STORE(s) (s)
#define CONV_ACC float
#define CONV_B 64
#define CONV_FN conv_f32
#define CONV_T float
#include "conv_kernel.inc"
#undef CONV_ACC
#undef CONV_B
#define CONV_ACC double
#define CONV_B 32
#define CONV_FN conv_f64
#define CONV_T double
#include "conv_kernel.inc"
#undef CONV_ACC
#undef CONV_ZERO
#undef CONV_MAC
#undef CONV_STORE
#undef CONV_B

/* complex: the real and imaginary sums of NumPy's complex dot */
#define CONV_ZERO ((CONV_ACC){ 0, 0 })
#define CONV_MAC(s, x, y) ((s).re += (x).re * (y).re - (x).im * (y).im, \
                           (s).im += (x).re * (y).im + (x).im * (y).re)
#define CONV_STORE(s) (s)
#define CONV_B 4
#define CONV_ACC conv_cf
#define CONV_FN conv_c64
#define CONV_T conv_cf
#include "conv_kernel.inc"
#undef CONV_ACC
#define CONV_ACC conv_cd
#define CONV_FN conv_c128
#define CONV_T conv_cd
#include "conv_kernel.inc"
#undef CONV_ACC
#undef CONV_ZERO
#undef CONV_MAC
#undef CONV_STORE
#undef CONV_B

static void conv_run(nd_type t, const void *a, int64_t n1, const void *v, int64_t n2, void *out,
                     int64_t nl, int64_t nr) {
    switch (t) {
#define CASE(T, fn, ct) case T: fn((const ct *)a, n1, (const ct *)v, n2, (ct *)out, nl, nr); break;
    CASE(ND_TYPE_BOOL, conv_bool, uint8_t)
    CASE(ND_TYPE_INT8, conv_i8, int8_t)
    CASE(ND_TYPE_INT16, conv_i16, int16_t)
    CASE(ND_TYPE_INT32, conv_i32, int32_t)
    CASE(ND_TYPE_INT64, conv_i64, int64_t)
    CASE(ND_TYPE_UINT8, conv_u8, uint8_t)
    CASE(ND_TYPE_UINT16, conv_u16, uint16_t)
    CASE(ND_TYPE_UINT32, conv_u32, uint32_t)
    CASE(ND_TYPE_UINT64, conv_u64, uint64_t)
    CASE(ND_TYPE_FLOAT16, conv_f16, uint16_t)
    CASE(ND_TYPE_FLOAT32, conv_f32, float)
    CASE(ND_TYPE_FLOAT64, conv_f64, double)
    CASE(ND_TYPE_COMPLEX64, conv_c64, conv_cf)
    CASE(ND_TYPE_COMPLEX128, conv_c128, conv_cd)
#undef CASE
    default: break;
    }
}

/* Reverse n items of `size` bytes in place. */
static void reverse_items(char *p, int64_t n, int64_t size) {
    char tmp[16];
    for (int64_t i = 0, j = n - 1; i < j; i++, j--) {
        memcpy(tmp, p + i * size, (size_t)size);
        memcpy(p + i * size, p + j * size, (size_t)size);
        memcpy(p + j * size, tmp, (size_t)size);
    }
}

/* NumPy's correlate core on 1-d a, v: v conjugated first (correlate) or reversed
 * (convolve), the shorter sequence slides along the longer, the result reversed when
 * they were swapped. */
static nd_array *correlate_core(const nd_array *a, const nd_array *v, nd_conv_mode mode, bool conj, bool rev) {
    const nd_dtype_t *dt = nd_promote_types(a->dtype, v->dtype);
    if (!dt) return NULL;
    if (!nd__is_numeric(dt)) {
        nd__err(ND_ERR_TYPE, "correlate: dtype %s is not supported", nd_dtype_name(dt));
        nd_dtype_free(dt);
        return NULL;
    }
    int64_t n1 = a->shape[0], n2 = v->shape[0];
    if (n1 == 0) { nd_dtype_free(dt); return nd__err(ND_ERR_VALUE, "first array argument cannot be empty"); }
    if (n2 == 0) { nd_dtype_free(dt); return nd__err(ND_ERR_VALUE, "second array argument cannot be empty"); }
    nd_array *ac = nd_astype(a, dt, .order = 'C', .no_copy = true);
    nd_array *vc = ac ? nd_astype(v, dt, .order = 'C') : NULL; /* our copy: changed in place */
    nd_array *res = NULL;
    nd_dtype_free(dt);
    if (!vc) goto done;
    if (conj && nd_dtype_is_complex(vc->dtype) && !nd_conjugate(vc, .out = vc)) goto done;
    if (rev) reverse_items(vc->data, n2, vc->dtype->itemsize);
    bool inverted = n1 < n2;
    if (inverted) {
        nd_array *t = ac; ac = vc; vc = t;
        int64_t tn = n1; n1 = n2; n2 = tn;
    }
    int64_t len = n1, nl = 0, nr = 0;
    switch (mode) {
    case ND_CONV_VALID: len = n1 - n2 + 1; break;
    case ND_CONV_SAME: nl = n2 / 2; nr = n2 - nl - 1; break;
    case ND_CONV_FULL: nl = nr = n2 - 1; len = n1 + n2 - 1; break;
    default: break;
    }
    res = nd__new(ac->dtype, 1, &len, 'C', false);
    if (!res) goto done;
    conv_run(ac->dtype->type, ac->data, n1, vc->data, n2, res->data, nl, nr);
    if (inverted) reverse_items(res->data, len, res->dtype->itemsize);
done:
    nd_free(ac);
    nd_free(vc);
    return res;
}

static int check_mode(nd_conv_mode *mode, nd_conv_mode dflt) {
    if (*mode == ND_CONV_DEFAULT) *mode = dflt;
    if (*mode < ND_CONV_VALID || *mode > ND_CONV_FULL) {
        nd__err(ND_ERR_VALUE, "mode must be one of 'valid', 'same', or 'full' (got %d)", (int)*mode);
        return -1;
    }
    return 0;
}

/* PyArray_FromAny(op, ..., min_depth 1, max_depth 1)'s complaints. */
static int check_1d(const nd_array *x) {
    if (x->ndim == 0) { nd__err(ND_ERR_VALUE, "object of too small depth for desired array"); return -1; }
    if (x->ndim > 1) { nd__err(ND_ERR_VALUE, "object too deep for desired array"); return -1; }
    return 0;
}

nd_array *nd_correlate_ex(const nd_array *a, const nd_array *v, const nd_convolve_opts *o) {
    if (!a || !v) return nd__err(ND_ERR_VALUE, "correlate: array must not be NULL");
    nd_conv_mode mode = o ? o->mode : ND_CONV_DEFAULT;
    if (check_mode(&mode, ND_CONV_VALID) < 0 || check_1d(a) < 0 || check_1d(v) < 0) return NULL;
    return correlate_core(a, v, mode, true, false);
}

nd_array *nd_convolve_ex(const nd_array *a, const nd_array *v, const nd_convolve_opts *o) {
    if (!a || !v) return nd__err(ND_ERR_VALUE, "convolve: array must not be NULL");
    nd_conv_mode mode = o ? o->mode : ND_CONV_DEFAULT;
    if (check_mode(&mode, ND_CONV_FULL) < 0) return NULL;
    /* np.array(x, ndmin=1): 0-d inputs become 1-element sequences */
    nd_array *a1 = a->ndim == 0 ? nd_reshape(a, ND_SHAPE(1)) : nd_ref((nd_array *)a);
    nd_array *v1 = a1 ? (v->ndim == 0 ? nd_reshape(v, ND_SHAPE(1)) : nd_ref((nd_array *)v)) : NULL;
    nd_array *res = NULL;
    if (!v1) goto done;
    /* NumPy swaps by len() and checks for emptiness before the depth */
    if (v1->shape[0] > a1->shape[0]) { nd_array *t = a1; a1 = v1; v1 = t; }
    if (a1->shape[0] == 0) { nd__err(ND_ERR_VALUE, "a cannot be empty"); goto done; }
    if (v1->shape[0] == 0) { nd__err(ND_ERR_VALUE, "v cannot be empty"); goto done; }
    if (check_1d(a1) < 0 || check_1d(v1) < 0) goto done;
    res = correlate_core(a1, v1, mode, false, true);
done:
    nd_free(a1);
    nd_free(v1);
    return res;
}
