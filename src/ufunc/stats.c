/* Statistics built on the reductions (NumPy's _methods.py and nanfunctions.py):
 * mean, var, std, average, argmax, argmin, ptp, count_nonzero and the nan-ignoring
 * family.  They compose nd_sum / nd_divide / ... exactly as NumPy composes its
 * ufuncs, so dtypes, rounding and floating-point flags come out the same; only
 * argmax/argmin have kernels of their own (stats_arg.inc). */
#include "ufunc/ufunc_internal.h"
#include "nd/index.h"

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__ELF__) && !defined(ND_NO_CLONES)
#define ND__CLONES __attribute__((target_clones("default", "avx2", "avx512f")))
#else
#define ND__CLONES
#endif

#define K_B 1
#define K_I 2
#define K_F 4
#define K_C 5
#define ARG_BLOCK 512

typedef double v4d_ __attribute__((vector_size(32)));
typedef int64_t VI_float64 __attribute__((vector_size(32)));
typedef float v8f_ __attribute__((vector_size(32)));
typedef int32_t VI_float32 __attribute__((vector_size(32)));

#define TN bool_
#define T uint8_t
#define KIND K_B
#include "ufunc/stats_arg.inc"
#undef TN
#undef T
#undef KIND
#define TN int8
#define T int8_t
#define KIND K_I
#include "ufunc/stats_arg.inc"
#undef TN
#undef T
#define TN int16
#define T int16_t
#include "ufunc/stats_arg.inc"
#undef TN
#undef T
#define TN int32
#define T int32_t
#include "ufunc/stats_arg.inc"
#undef TN
#undef T
#define TN int64
#define T int64_t
#include "ufunc/stats_arg.inc"
#undef TN
#undef T
#define TN uint8
#define T uint8_t
#include "ufunc/stats_arg.inc"
#undef TN
#undef T
#define TN uint16
#define T uint16_t
#include "ufunc/stats_arg.inc"
#undef TN
#undef T
#define TN uint32
#define T uint32_t
#include "ufunc/stats_arg.inc"
#undef TN
#undef T
#define TN uint64
#define T uint64_t
#include "ufunc/stats_arg.inc"
#undef TN
#undef T
#undef KIND
#define KIND K_F
#define TN float32
#define T float
#define VT v8f_
#define VN 8
#include "ufunc/stats_arg.inc"
#undef TN
#undef T
#undef VT
#undef VN
#define TN float64
#define T double
#define VT v4d_
#define VN 4
#include "ufunc/stats_arg.inc"
#undef TN
#undef T
#undef VT
#undef VN
#undef KIND
#define KIND K_C
#define TN complex64
#define T _Complex float
#define RT float
#include "ufunc/stats_arg.inc"
#undef TN
#undef T
#undef RT
#define TN complex128
#define T _Complex double
#define RT double
#include "ufunc/stats_arg.inc"
#undef TN
#undef T
#undef RT
#undef KIND

#define TN f64
#define T double
#include "ufunc/stats_sqdev.inc"
#undef TN
#undef T
#define TN f32
#define T float
#include "ufunc/stats_sqdev.inc"
#undef TN
#undef T

typedef int64_t (*arg_one_fn)(const char *p, int64_t n, int64_t s, bool is_max);
typedef void (*arg_cols_fn)(char *out, int64_t so, const char *p, int64_t sj, int64_t ncol, int64_t si, int64_t m,
                            bool is_max);

static int arg_kernels(nd_type t, arg_one_fn *one, arg_cols_fn *cols) {
    switch (t) {
#define C_(E, N) case E: *one = arg_one_##N; *cols = arg_cols_##N; return 0;
    C_(ND_TYPE_BOOL, bool_) C_(ND_TYPE_INT8, int8) C_(ND_TYPE_INT16, int16) C_(ND_TYPE_INT32, int32)
    C_(ND_TYPE_INT64, int64) C_(ND_TYPE_UINT8, uint8) C_(ND_TYPE_UINT16, uint16) C_(ND_TYPE_UINT32, uint32)
    C_(ND_TYPE_UINT64, uint64) C_(ND_TYPE_FLOAT32, float32) C_(ND_TYPE_FLOAT64, float64)
    C_(ND_TYPE_COMPLEX64, complex64) C_(ND_TYPE_COMPLEX128, complex128)
#undef C_
    default: return -1;
    }
}

/* ------------------------------------------------------------ helpers */

/* axis option -> mask of reduced axes (n <= 0: all).  Returns the count or -1. */
static int axes_mask(nd_axes ax, int ndim, bool *mask) {
    memset(mask, 0, sizeof(bool) * ND_MAXDIMS);
    if (ax.n <= 0) {
        for (int i = 0; i < ndim; i++) mask[i] = true;
        return ndim;
    }
    if (ax.n > ND_MAXDIMS) return nd_error_set(ND_ERR_VALUE, "too many axes");
    for (int k = 0; k < ax.n; k++) {
        int a = nd__check_axis(ax.v[k], ndim);
        if (a < 0) return -1;
        if (mask[a]) return nd_error_set(ND_ERR_VALUE, "duplicate value in 'axis'");
        mask[a] = true;
    }
    return ax.n;
}

static bool is_inexact(const nd_array *a) { return a->dtype->kind == 'f' || a->dtype->kind == 'c'; }

/* An array's result from a reduction helper is either `out` (borrowed) or new. */
static void drop(nd_array *r, const nd_array *out) {
    if (r != out) nd_free(r);
}

/* The number of elements each result element reduces: a C number without where,
 * else an int64 array (np.add.reduce of the broadcast mask), kept dims as asked. */
typedef struct count_t {
    int64_t n;
    nd_array *arr;
} count_t;

static int count_items(const nd_array *a, nd_axes axis, const nd_array *where, bool keepdims, count_t *c) {
    bool mask[ND_MAXDIMS];
    c->arr = NULL;
    c->n = 1;
    if (axes_mask(axis, a->ndim, mask) < 0) return -1;
    for (int i = 0; i < a->ndim; i++)
        if (mask[i]) c->n *= a->shape[i];
    if (!where) return 0;
    nd_array *w = nd_broadcast_to(where, (nd_shape_t){ a->ndim, a->shape });
    if (!w) return -1;
    nd_reduce_opts so = { .axis = axis.n > 0 ? axis : ND_AXIS_ALL, .keepdims = keepdims, .dtype = ND_INT64 };
    c->arr = nd_sum_ex(w, &so);
    nd_free(w);
    return c->arr ? 0 : -1;
}

static nd_operand count_operand(const count_t *c) {
    return c->arr ? nd_operand_array_(c->arr) : nd_operand_int_(c->n);
}

/* r /= count in place (unsafe cast back), as NumPy's true_divide(ret, rcount, out=ret). */
static int divide_inplace(nd_array *r, nd_operand count) {
    nd_ufunc_opts uo = { .out = r, .casting = ND_CASTING_UNSAFE };
    return nd_divide_ex(nd_operand_array_(r), count, &uo) ? 0 : -1;
}

/* The result handed back: r itself, or copied into out (NumPy casts unsafely). */
static nd_array *finish(nd_array *r, nd_array *out) {
    if (!r || !out || r == out) return r;
    int rc = nd_copyto(out, r, ND_CASTING_UNSAFE);
    nd_free(r);
    return rc < 0 ? NULL : out;
}

/* A copy of a with NaN replaced by v (NumPy's _replace_nan); *mask receives the NaN
 * mask (NULL for types without NaN, and then a new handle on a is returned). */
static nd_array *replace_nan(const nd_array *a, double v, nd_array **mask) {
    *mask = NULL;
    if (!is_inexact(a)) return nd_ref((nd_array *)a);
    nd_array *m = nd_not_equal(a, a);
    nd_array *c = m ? nd_copy(a, 'K') : NULL;
    nd_array *fill = c ? nd_full(ND_SHAPE0, v, .dtype = a->dtype) : NULL;
    if (!fill || nd_copyto_where(c, fill, ND_CASTING_UNSAFE, m) < 0) {
        nd_free(m);
        nd_free(c);
        nd_free(fill);
        return NULL;
    }
    nd_free(fill);
    *mask = m;
    return c;
}

/* ------------------------------------------------------------ mean */

nd_array *nd_mean_ex(const nd_array *a, const nd_reduce_opts *o) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_reduce_opts none = { 0 };
    if (!o) o = &none;
    const nd_dtype_t *dt = o->dtype;
    bool f16 = false;
    if (!dt) {
        if (a->dtype->kind == 'b' || a->dtype->kind == 'i' || a->dtype->kind == 'u') dt = ND_FLOAT64;
        else if (a->dtype->type == ND_TYPE_FLOAT16) { dt = ND_FLOAT32; f16 = true; }
    }
    count_t c;
    if (count_items(a, o->axis, o->where, o->keepdims, &c) < 0) return NULL;
    nd_reduce_opts so = { .axis = o->axis, .keepdims = o->keepdims, .dtype = dt, .out = o->out, .where = o->where };
    nd_array *s = nd_sum_ex(a, &so);
    /* a 0-d complex64 sum is a NumPy scalar there, divided by an intp scalar: in
     * complex128, then rounded back (float32 gives the same bits either way) */
    if (s && s != o->out && s->ndim == 0 && !c.arr && s->dtype->type == ND_TYPE_COMPLEX64) {
        nd_array *w = nd_astype(s, ND_COMPLEX128);
        nd_free(s);
        s = w && divide_inplace(w, count_operand(&c)) == 0 ? nd_astype(w, ND_COMPLEX64) : NULL;
        nd_free(w);
        nd_free(c.arr);
        return s;
    }
    if (!s || divide_inplace(s, count_operand(&c)) < 0) {
        nd_free(c.arr);
        if (s) drop(s, o->out);
        return NULL;
    }
    nd_free(c.arr);
    if (f16 && s != o->out) {
        nd_array *h = nd_astype(s, ND_FLOAT16);
        nd_free(s);
        return h;
    }
    return s;
}

/* ------------------------------------------------------------ var / std */

/* x*x, or |x|^2 (as re*re + im*im) for complex; a new real array. */
static nd_array *abs2(nd_array *x) {
    if (x->dtype->kind != 'c') {
        nd_ufunc_opts uo = { .out = x };
        return nd_multiply_ex(nd_operand_array_(x), nd_operand_array_(x), &uo) ? nd_ref(x) : NULL;
    }
    const nd_dtype_t *rt = x->dtype->type == ND_TYPE_COMPLEX64 ? ND_FLOAT32 : ND_FLOAT64;
    nd_array *re = nd__view(x, rt, x->ndim, x->shape, x->strides, x->data);
    nd_array *im = nd__view(x, rt, x->ndim, x->shape, x->strides, x->data + rt->itemsize);
    nd_array *r = NULL;
    if (re && im) {
        nd_array *r2 = nd_multiply(re, re), *i2 = nd_multiply(im, im);
        if (r2 && i2) r = nd_add(r2, i2, .out = r2) ? nd_ref(r2) : NULL;
        nd_free(r2);
        nd_free(i2);
    }
    nd_free(re);
    nd_free(im);
    return r;
}

/* dof = max(count - ddof, 0) as an operand shaped like the result. */
static nd_array *dof_array(const count_t *c, double ddof, const nd_array *like) {
    nd_array *d = nd_subtract(c->arr, ddof);
    if (!d) return NULL;
    nd_array *m = nd_maximum(d, 0.0, .out = d);
    if (!m) { nd_free(d); return NULL; }
    nd_array *r = nd_reshape_ex(d, (nd_shape_t){ like->ndim, like->shape }, 'C');
    nd_free(d);
    return r;
}

/* var of float32/float64 C-contiguous input reduced over trailing axes (axis None,
 * or the last axes) without where/dtype: per block, the pairwise mean, then the fused
 * pairwise sum of squared deviations (stats_sqdev.inc): NumPy's bits in two passes
 * and no temporary.  Returns NULL with *done false when it does not apply. */
static nd_array *var_fast(const nd_array *a, const nd_var_opts *o, bool *done) {
    *done = false;
    nd_type t = a->dtype->type;
    if ((t != ND_TYPE_FLOAT64 && t != ND_TYPE_FLOAT32) || o->where || (o->dtype && o->dtype != a->dtype) ||
        !(a->flags & ND_C_CONTIGUOUS) || !(a->flags & ND_ALIGNED))
        return NULL;
    bool mask[ND_MAXDIMS];
    if (axes_mask(o->axis, a->ndim, mask) < 0) { *done = true; return NULL; }
    int k = 0;
    while (k < a->ndim && !mask[k]) k++;
    int64_t nblk = 1, len = 1, rshape[ND_MAXDIMS];
    int rnd = 0;
    for (int i = 0; i < a->ndim; i++) {
        if (i >= k && !mask[i]) return NULL; /* not a trailing set */
        if (mask[i]) len *= a->shape[i];
        else nblk *= a->shape[i];
        if (!mask[i]) rshape[rnd++] = a->shape[i];
        else if (o->keepdims) rshape[rnd++] = 1;
    }
    if (len == 0) return NULL;
    *done = true;
    nd_array *r = nd__new(a->dtype, rnd, rshape, 'C', false);
    if (!r) return NULL;
    double dof = (double)len - o->ddof;
    if (dof < 0) dof = 0;
    bool fpe = nd__fpe_begin();
    for (int64_t b = 0; b < nblk; b++) {
        if (t == ND_TYPE_FLOAT64) {
            const double *p = (const double *)a->data + b * len;
            double m = nd__pairwise_f64(0.0, (const char *)p, len, 8) / (double)len;
            ((double *)r->data)[b] = sqdev_f64(p, len, m) / dof;
        } else {
            const float *p = (const float *)a->data + b * len;
            float m = (float)((double)nd__pairwise_f32(0.0f, (const char *)p, len, 4) / (double)len);
            ((float *)r->data)[b] = (float)((double)sqdev_f32(p, len, m) / dof);
        }
    }
    if (nd__fpe_end(fpe, "divide") < 0) { nd_free(r); return NULL; }
    return finish(r, o->out);
}

/* ret = sum(|a - mean|^2) / max(count - ddof, 0); nanmode: NaNs ignored. */
static nd_array *var_impl(const nd_array *a, const nd_var_opts *o, bool nanmode) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_var_opts none = { 0 };
    if (!o) o = &none;
    if (!nanmode) {
        bool done;
        nd_array *r = var_fast(a, o, &done);
        if (done) return r;
    }
    nd_array *mask = NULL, *arr = NULL;
    if (nanmode) {
        arr = replace_nan(a, 0.0, &mask);
        if (!arr) return NULL;
        if (!mask) nanmode = false;
    } else {
        arr = nd_ref((nd_array *)a);
    }
    const nd_dtype_t *dt = o->dtype;
    if (!dt && (arr->dtype->kind == 'b' || arr->dtype->kind == 'i' || arr->dtype->kind == 'u')) dt = ND_FLOAT64;
    count_t c = { 0 }, ck = { 0 };
    nd_array *mean = NULL, *x = NULL, *sq = NULL, *ret = NULL, *dof = NULL, *notnan = NULL;
    int rc = -1;
    /* counts: kept dims for the mean, and the result's shape for the divisor */
    if (nanmode) {
        notnan = nd_logical_not(mask);
        if (!notnan) goto done;
        nd_reduce_opts co = { .axis = o->axis.n > 0 ? o->axis : ND_AXIS_ALL, .keepdims = true, .dtype = ND_INT64,
                              .where = o->where };
        ck.arr = nd_sum_ex(notnan, &co);
        co.keepdims = o->keepdims;
        c.arr = ck.arr ? nd_sum_ex(notnan, &co) : NULL;
        if (!c.arr) goto done;
    } else {
        if (count_items(arr, o->axis, o->where, true, &ck) < 0) goto done;
        if (count_items(arr, o->axis, o->where, o->keepdims, &c) < 0) goto done;
    }
    nd_reduce_opts mo = { .axis = o->axis, .keepdims = true, .dtype = dt, .where = o->where };
    mean = nd_sum_ex(arr, &mo);
    if (!mean || divide_inplace(mean, count_operand(&ck)) < 0) goto done;
    x = nd_subtract(arr, mean);
    if (!x) goto done;
    if (nanmode) {
        nd_array *zero = nd_zeros(ND_SHAPE0, .dtype = x->dtype);
        int r2 = zero ? nd_copyto_where(x, zero, ND_CASTING_UNSAFE, mask) : -1;
        nd_free(zero);
        if (r2 < 0) goto done;
    }
    sq = abs2(x);
    if (!sq) goto done;
    nd_reduce_opts ro = { .axis = o->axis, .keepdims = o->keepdims, .dtype = dt, .out = o->out, .where = o->where };
    if (dt && dt->kind == 'c' && sq->dtype->kind != 'c') ro.dtype = NULL; /* |x|^2 is real */
    ret = nd_sum_ex(sq, &ro);
    if (!ret) goto done;
    if (c.arr) {
        dof = dof_array(&c, o->ddof, ret);
        if (!dof || divide_inplace(ret, nd_operand_array_(dof)) < 0) goto done;
        if (nanmode) {
            /* dof <= 0 gives NaN (NumPy: var[isbad] = np.nan) */
            nd_array *bad = nd_less_equal(dof, 0.0);
            nd_array *nan = bad ? nd_full(ND_SHAPE0, NAN, .dtype = ND_FLOAT64) : NULL;
            int r2 = nan ? nd_copyto_where(ret, nan, ND_CASTING_UNSAFE, bad) : -1;
            nd_free(bad);
            nd_free(nan);
            if (r2 < 0) goto done;
        }
    } else {
        double d = (double)c.n - o->ddof;
        if (divide_inplace(ret, nd_operand_double_(d > 0 ? d : 0.0)) < 0) goto done;
    }
    rc = 0;
done:
    nd_free(mask);
    nd_free(notnan);
    nd_free(arr);
    nd_free(c.arr);
    nd_free(ck.arr);
    nd_free(mean);
    nd_free(x);
    nd_free(sq);
    nd_free(dof);
    if (rc < 0) {
        if (ret) drop(ret, o->out);
        return NULL;
    }
    return ret;
}

nd_array *nd_var_ex(const nd_array *a, const nd_var_opts *o) { return var_impl(a, o, false); }
nd_array *nd_nanvar_ex(const nd_array *a, const nd_var_opts *o) { return var_impl(a, o, true); }

static nd_array *sqrt_inplace(nd_array *r, const nd_array *out) {
    if (!r) return NULL;
    nd_ufunc_opts uo = { .out = r, .casting = ND_CASTING_UNSAFE };
    if (!nd_sqrt_ex(nd_operand_array_(r), &uo)) { drop(r, out); return NULL; }
    return r;
}
nd_array *nd_std_ex(const nd_array *a, const nd_var_opts *o) { return sqrt_inplace(var_impl(a, o, false), o ? o->out : NULL); }
nd_array *nd_nanstd_ex(const nd_array *a, const nd_var_opts *o) { return sqrt_inplace(var_impl(a, o, true), o ? o->out : NULL); }

/* ------------------------------------------------------------ argmax / argmin */

static nd_array *arg_impl(const nd_array *a, const nd_arg_opts *o, bool is_max) {
    const char *name = is_max ? "argmax" : "argmin";
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_arg_opts none = { 0 };
    if (!o) o = &none;
    if (o->axis.n > 1) return nd__err(ND_ERR_TYPE, "'tuple' object cannot be interpreted as an integer");
    if (!nd__is_numeric(a->dtype))
        return nd__err(ND_ERR_TYPE, "%s is not supported for dtype('%s')", name, a->dtype->name);
    /* float16 compares exactly as float32 */
    nd_array *src = a->dtype->type == ND_TYPE_FLOAT16 ? nd_astype(a, ND_FLOAT32) : nd_ref((nd_array *)a);
    if (!src) return NULL;
    int axis = -1;
    int64_t rshape[ND_MAXDIMS];
    int rnd = 0;
    if (o->axis.n == 1) {
        axis = nd__check_axis(o->axis.v[0], src->ndim == 0 ? 1 : src->ndim);
        if (axis < 0) { nd_free(src); return NULL; }
    }
    if (axis < 0 || src->ndim == 0) {
        /* axis None: the flat index in C order */
        if (o->keepdims)
            for (int i = 0; i < src->ndim; i++) rshape[rnd++] = 1;
        nd_array *flat = nd_ravel(src, 'C');
        nd_free(src);
        if (!flat) return NULL;
        src = flat;
        axis = 0;
    } else {
        for (int i = 0; i < src->ndim; i++)
            if (i != axis) rshape[rnd++] = src->shape[i];
            else if (o->keepdims) rshape[rnd++] = 1;
    }
    int64_t n = src->ndim ? src->shape[axis] : 1;
    if (n == 0) {
        nd_free(src);
        return nd__err(ND_ERR_VALUE, "attempt to get %s of an empty sequence", name);
    }
    arg_one_fn one;
    arg_cols_fn cols;
    if (arg_kernels(src->dtype->type, &one, &cols) < 0) { nd_free(src); return nd__err(ND_ERR_TYPE, "bad dtype"); }
    if (o->out) {
        if (o->out->ndim != rnd || memcmp(o->out->shape, rshape, sizeof(int64_t) * (size_t)rnd)) {
            nd_free(src);
            return nd__err(ND_ERR_VALUE, "output array does not match result of np.%s.", name);
        }
        if (o->out->dtype->type != ND_TYPE_INT64) {
            nd_free(src);
            return nd__err(ND_ERR_TYPE, "Cannot cast array data from dtype('int64') to dtype('%s') according to the rule 'safe'",
                           o->out->dtype->name);
        }
        if (!nd__check_writeable(o->out)) { nd_free(src); return NULL; }
    }
    /* result over the non-reduced axes of src (C order), written via the iterator */
    int ond = 0;
    int64_t oshape[ND_MAXDIMS], sst[ND_MAXDIMS], ost[ND_MAXDIMS];
    for (int i = 0; i < src->ndim; i++)
        if (i != axis) { oshape[ond] = src->shape[i]; sst[ond++] = src->strides[i]; }
    nd_array *res = nd__new(ND_INT64, ond, oshape, 'C', false);
    if (!res) { nd_free(src); return NULL; }
    for (int i = 0; i < ond; i++) ost[i] = res->strides[i];
    int64_t as = src->ndim ? src->strides[axis] : 0;
    if (nd__shape_size(ond, oshape) > 0) {
        nd__iter it;
        char *data[2] = { res->data, src->data };
        const int64_t *strides[2] = { ost, sst };
        if (nd__iter_prepare(&it, 2, ond, oshape, data, strides, false) < 0) {
            nd_free(res);
            nd_free(src);
            return NULL;
        }
        int64_t cnt;
        while ((cnt = nd__iter_next(&it)) > 0) {
            int64_t so = it.inner_strides[0], si = it.inner_strides[1];
            int64_t asz = as < 0 ? -as : as, isz = si < 0 ? -si : si;
            if (cnt > 1 && isz < asz) {
                cols(it.ptr[0], so, it.ptr[1], si, cnt, as, n, is_max);
            } else {
                for (int64_t j = 0; j < cnt; j++)
                    *(int64_t *)(it.ptr[0] + j * so) = one(it.ptr[1] + j * si, n, as, is_max);
            }
        }
    }
    nd_free(src);
    if (rnd != ond) {
        nd_array *r2 = nd_reshape_ex(res, (nd_shape_t){ rnd, rshape }, 'C');
        nd_free(res);
        res = r2;
        if (!res) return NULL;
    }
    return finish(res, o->out);
}

nd_array *nd_argmax_ex(const nd_array *a, const nd_arg_opts *o) { return arg_impl(a, o, true); }
nd_array *nd_argmin_ex(const nd_array *a, const nd_arg_opts *o) { return arg_impl(a, o, false); }

static nd_array *nanarg_impl(const nd_array *a, const nd_arg_opts *o, bool is_max) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_arg_opts none = { 0 };
    if (!o) o = &none;
    nd_array *mask;
    nd_array *arr = replace_nan(a, is_max ? -INFINITY : INFINITY, &mask);
    if (!arr) return NULL;
    if (mask) {
        nd_reduce_opts ao = { .axis = o->axis.n > 0 ? o->axis : ND_AXIS_ALL };
        nd_array *all = nd_all_ex(mask, &ao);
        nd_array *any = all ? nd_any(all) : NULL;
        bool bad = any && *(const unsigned char *)any->data;
        nd_free(all);
        nd_free(mask);
        if (!any || bad) {
            nd_free(any);
            nd_free(arr);
            return bad ? nd__err(ND_ERR_VALUE, "All-NaN slice encountered") : NULL;
        }
        nd_free(any);
    }
    nd_array *r = arg_impl(arr, o, is_max);
    nd_free(arr);
    return r;
}
nd_array *nd_nanargmax_ex(const nd_array *a, const nd_arg_opts *o) { return nanarg_impl(a, o, true); }
nd_array *nd_nanargmin_ex(const nd_array *a, const nd_arg_opts *o) { return nanarg_impl(a, o, false); }

/* ------------------------------------------------------------ ptp, count_nonzero */

nd_array *nd_ptp_ex(const nd_array *a, const nd_reduce_opts *o) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_reduce_opts none = { 0 };
    if (!o) o = &none;
    nd_reduce_opts mo = { .axis = o->axis, .keepdims = o->keepdims };
    nd_array *mx = nd_max_ex(a, &mo);
    nd_array *mn = mx ? nd_min_ex(a, &mo) : NULL;
    nd_array *r = NULL;
    if (mn) {
        nd_ufunc_opts uo = { .out = o->out };
        r = nd_subtract_ex(nd_operand_array_(mx), nd_operand_array_(mn), &uo);
    }
    nd_free(mx);
    nd_free(mn);
    return r;
}

nd_array *nd_count_nonzero_ex(const nd_array *a, const nd_count_nonzero_opts *o) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_count_nonzero_opts none = { 0 };
    if (!o) o = &none;
    nd_array *b = a->dtype->type == ND_TYPE_BOOL ? nd_ref((nd_array *)a) : nd_astype(a, ND_BOOL);
    if (!b) return NULL;
    nd_reduce_opts so = { .axis = o->axis.n > 0 ? o->axis : ND_AXIS_ALL, .keepdims = o->keepdims, .dtype = ND_INT64 };
    nd_array *r = nd_sum_ex(b, &so);
    nd_free(b);
    return r;
}

/* ------------------------------------------------------------ nan reductions */

/* a copy of a with NaNs replaced by fill (a itself, referenced, when no NaN can occur) */
static nd_array *nan_filled(const nd_array *a, double fill) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_array *mask;
    nd_array *arr = replace_nan(a, fill, &mask);
    if (arr) nd_free(mask);
    return arr;
}

static nd_array *nan_reduce(const nd_array *a, const nd_reduce_opts *o, double fill,
                            nd_array *(*fn)(const nd_array *, const nd_reduce_opts *)) {
    nd_array *arr = nan_filled(a, fill);
    if (!arr) return NULL;
    nd_array *r = fn(arr, o);
    nd_free(arr);
    return r;
}
nd_array *nd_nansum_ex(const nd_array *a, const nd_reduce_opts *o) { return nan_reduce(a, o, 0.0, nd_sum_ex); }
nd_array *nd_nanprod_ex(const nd_array *a, const nd_reduce_opts *o) { return nan_reduce(a, o, 1.0, nd_prod_ex); }

static nd_array *nan_minmax(const nd_array *a, const nd_reduce_opts *o, bool is_max) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    /* NumPy reduces every ndarray with fmin/fmax (so its error text names them) */
    nd_reduce_opts ro = o ? *o : (nd_reduce_opts){ 0 };
    if (ro.axis.n == 0) ro.axis = ND_AXIS_ALL;
    return nd_ufunc_reduce_ex(is_max ? nd_ufunc_fmax : nd_ufunc_fmin, a, &ro);
}
nd_array *nd_nanmax_ex(const nd_array *a, const nd_reduce_opts *o) { return nan_minmax(a, o, true); }
nd_array *nd_nanmin_ex(const nd_array *a, const nd_reduce_opts *o) { return nan_minmax(a, o, false); }

nd_array *nd_nanmean_ex(const nd_array *a, const nd_reduce_opts *o) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (!is_inexact(a)) return nd_mean_ex(a, o);
    nd_reduce_opts none = { 0 };
    if (!o) o = &none;
    nd_array *mask;
    nd_array *arr = replace_nan(a, 0.0, &mask);
    if (!arr) return NULL;
    nd_array *notnan = nd_logical_not(mask);
    nd_free(mask);
    nd_reduce_opts co = { .axis = o->axis.n > 0 ? o->axis : ND_AXIS_ALL, .keepdims = o->keepdims, .dtype = ND_INT64,
                          .where = o->where };
    nd_array *cnt = notnan ? nd_sum_ex(notnan, &co) : NULL;
    nd_free(notnan);
    nd_reduce_opts so = { .axis = o->axis, .keepdims = o->keepdims, .dtype = o->dtype, .out = o->out, .where = o->where };
    nd_array *tot = cnt ? nd_sum_ex(arr, &so) : NULL;
    nd_free(arr);
    if (tot && divide_inplace(tot, nd_operand_array_(cnt)) < 0) {
        drop(tot, o->out);
        tot = NULL;
    }
    nd_free(cnt);
    return tot;
}

static nd_array *nan_accumulate(const nd_array *a, const nd_accumulate_opts *o, double fill,
                                nd_array *(*fn)(const nd_array *, const nd_accumulate_opts *)) {
    nd_array *arr = nan_filled(a, fill);
    if (!arr) return NULL;
    nd_array *r = fn(arr, o);
    nd_free(arr);
    return r;
}
nd_array *nd_nancumsum_ex(const nd_array *a, const nd_accumulate_opts *o) { return nan_accumulate(a, o, 0.0, nd_cumsum_ex); }
nd_array *nd_nancumprod_ex(const nd_array *a, const nd_accumulate_opts *o) { return nan_accumulate(a, o, 1.0, nd_cumprod_ex); }

/* ------------------------------------------------------------ average */

nd_array *nd_average_ex(const nd_array *a, const nd_average_opts *o) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_average_opts none = { 0 };
    if (!o) o = &none;
    if (o->returned) *o->returned = NULL;
    nd_array *avg = NULL, *scl = NULL;
    if (!o->weights) {
        nd_reduce_opts mo = { .axis = o->axis, .keepdims = o->keepdims };
        avg = nd_mean_ex(a, &mo);
        if (!avg) return NULL;
        if (o->returned) {
            double cnt = nd_size(avg) ? (double)nd_size(a) / (double)nd_size(avg) : 0.0;
            nd_shape_t sh = { avg->ndim, avg->shape };
            scl = nd_full(sh, cnt, .dtype = avg->dtype);
            if (!scl) { nd_free(avg); return NULL; }
            *o->returned = scl;
        }
        return avg;
    }
    const nd_array *w = o->weights;
    const nd_dtype_t *dts[3] = { a->dtype, w->dtype, ND_FLOAT64 };
    bool intlike = a->dtype->kind == 'b' || a->dtype->kind == 'i' || a->dtype->kind == 'u';
    const nd_dtype_t *rt = nd_result_type(intlike ? 3 : 2, dts);
    if (!rt) return NULL;
    nd_array *wb = NULL;
    bool same = a->ndim == w->ndim && !memcmp(a->shape, w->shape, sizeof(int64_t) * (size_t)a->ndim);
    if (same) {
        wb = nd_ref((nd_array *)w);
    } else {
        if (o->axis.n == 0) { nd_dtype_free(rt); return nd__err(ND_ERR_TYPE, "Axis must be specified when shapes of a and weights differ."); }
        if (w->ndim != 1) { nd_dtype_free(rt); return nd__err(ND_ERR_TYPE, "1D weights expected when shapes of a and weights differ."); }
        if (o->axis.n != 1) { nd_dtype_free(rt); return nd__err(ND_ERR_TYPE, "'tuple' object cannot be interpreted as an integer"); }
        int ax = nd__check_axis(o->axis.v[0], a->ndim);
        if (ax < 0) { nd_dtype_free(rt); return NULL; }
        if (w->shape[0] != a->shape[ax]) { nd_dtype_free(rt); return nd__err(ND_ERR_VALUE, "Length of weights not compatible with specified axis."); }
        /* w along axis `ax`, length 1 elsewhere: broadcasts against a */
        int64_t sh[ND_MAXDIMS], st[ND_MAXDIMS];
        for (int i = 0; i < a->ndim; i++) { sh[i] = 1; st[i] = 0; }
        sh[ax] = w->shape[0];
        st[ax] = w->strides[0];
        wb = nd__view(w, w->dtype, a->ndim, sh, st, w->data);
    }
    if (!wb) { nd_dtype_free(rt); return NULL; }
    nd_array *wfull = nd_broadcast_to(wb, (nd_shape_t){ a->ndim, a->shape });
    nd_reduce_opts so = { .axis = o->axis, .keepdims = o->keepdims, .dtype = rt };
    scl = wfull ? nd_sum_ex(wfull, &so) : NULL;
    nd_array *zero = scl ? nd_equal(scl, 0.0) : NULL;
    nd_array *anyz = zero ? nd_any(zero) : NULL;
    int rc = anyz ? 0 : -1;
    if (anyz && *(const unsigned char *)anyz->data) rc = nd_error_set(ND_ERR_ZERO_DIVISION, "Weights sum to zero, can't be normalized");
    nd_free(zero);
    nd_free(anyz);
    if (rc == 0) {
        nd_ufunc_opts mo = { .dtype = rt };
        nd_array *prod = nd_multiply_ex(nd_operand_array_((nd_array *)a), nd_operand_array_(wb), &mo);
        nd_reduce_opts ro = { .axis = o->axis, .keepdims = o->keepdims };
        avg = prod ? nd_sum_ex(prod, &ro) : NULL;
        nd_free(prod);
        if (avg && !nd_divide(avg, scl, .out = avg, .casting = ND_CASTING_UNSAFE)) { nd_free(avg); avg = NULL; }
    }
    nd_free(wb);
    nd_free(wfull);
    nd_dtype_free(rt);
    if (!avg || !o->returned) { nd_free(scl); return avg; }
    nd_array *sb = nd_broadcast_to(scl, (nd_shape_t){ avg->ndim, avg->shape });
    nd_free(scl);
    scl = sb ? nd_copy(sb, 'C') : NULL;
    nd_free(sb);
    if (!scl) { nd_free(avg); return NULL; }
    *o->returned = scl;
    return avg;
}
