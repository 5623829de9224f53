/* The ufunc methods built on the engine: reduce (and sum, prod, max, min, all, any),
 * accumulate (cumsum, cumprod), reduceat, outer and at.
 *
 * A reduction runs the binary kernel over (acc, a, acc) where acc has stride 0 along
 * the reduced axes: NumPy's convention, which the kernels recognise (args[0] == args[2],
 * both strides 0) to keep the accumulator in a register or sum pairwise.  With an
 * identity (or initial) the accumulator starts from it, as NumPy (so float sums are
 * NumPy's bit for bit); without one it starts from the first element. */
#include "ufunc/ufunc_internal.h"
#include "core/cast.h"

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__ELF__) && !defined(ND_NO_CLONES)
#define ND__CLONES __attribute__((target_clones("default", "avx2", "avx512f")))
#else
#define ND__CLONES
#endif
#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)

/* ------------------------------------------------------------ fast reductions */

/* Inner loops that the generic kernels run slowly as reductions: NaN-propagating
 * max/min of floats (vectorized, reduce_fast.inc) and bool all/any (stop at the first
 * deciding element).  Each folds n contiguous elements at a into the accumulator. */
typedef double nd__r4d __attribute__((vector_size(32)));
typedef int64_t nd__r4l __attribute__((vector_size(32)));
typedef float nd__r8f __attribute__((vector_size(32)));
typedef int32_t nd__r8i __attribute__((vector_size(32)));

#define T double
#define VT nd__r4d
#define VI nd__r4l
#define VN 4
#define NAME max_f64
#define GT(x, y) ((x) > (y))
#include "ufunc/reduce_fast.inc"
#undef NAME
#undef GT
#define NAME min_f64
#define GT(x, y) ((x) < (y))
#include "ufunc/reduce_fast.inc"
#undef NAME
#undef GT
#undef T
#undef VT
#undef VI
#undef VN
#define T float
#define VT nd__r8f
#define VI nd__r8i
#define VN 8
#define NAME max_f32
#define GT(x, y) ((x) > (y))
#include "ufunc/reduce_fast.inc"
#undef NAME
#undef GT
#define NAME min_f32
#define GT(x, y) ((x) < (y))
#include "ufunc/reduce_fast.inc"
#undef NAME
#undef GT
#undef T
#undef VT
#undef VI
#undef VN

typedef void (*fast_fn)(char *acc, const char *a, int64_t n);

/* acc = maximum(acc, max(a)) with the kernels' NaN rule (a NaN accumulator stays) */
static void fast_max_f64(char *acc, const char *a, int64_t n) {
    double x = *(double *)acc, m = vred_max_f64((const double *)a, n);
    *(double *)acc = (x >= m || x != x) ? x : m;
}
static void fast_min_f64(char *acc, const char *a, int64_t n) {
    double x = *(double *)acc, m = vred_min_f64((const double *)a, n);
    *(double *)acc = (x <= m || x != x) ? x : m;
}
static void fast_max_f32(char *acc, const char *a, int64_t n) {
    float x = *(float *)acc, m = vred_max_f32((const float *)a, n);
    *(float *)acc = (x >= m || x != x) ? x : m;
}
static void fast_min_f32(char *acc, const char *a, int64_t n) {
    float x = *(float *)acc, m = vred_min_f32((const float *)a, n);
    *(float *)acc = (x <= m || x != x) ? x : m;
}
/* all: a false accumulator is final; else look for a zero byte */
static void fast_all_bool(char *acc, const char *a, int64_t n) {
    if (*acc && memchr(a, 0, (size_t)n)) *acc = 0;
}
/* any: a true accumulator is final; else look for a nonzero byte, 512 at a time */
static ND__CLONES void fast_any_bool(char *acc, const char *a, int64_t n) {
    if (*acc) return;
    int64_t i = 0;
    for (; i + 512 <= n; i += 512) {
        uint64_t o = 0;
        for (int k = 0; k < 64; k++) {
            uint64_t w;
            memcpy(&w, a + i + 8 * k, 8);
            o |= w;
        }
        if (o) { *acc = 1; return; }
    }
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, a + i, 8);
        if (w) { *acc = 1; return; }
    }
    for (; i < n; i++)
        if (a[i]) { *acc = 1; return; }
}

/* The fast loop for (ufunc, accumulator, input), or NULL: built-ins only, every
 * dtype already the kernel's (no casts), aligned input. */
static fast_fn fast_reducer(const nd_ufunc *uf, const nd__uloop *l, const nd_array *acc, const nd_array *a) {
    if (uf->custom || !(a->flags & ND_ALIGNED) || !(acc->flags & ND_ALIGNED)) return NULL;
    nd_type t = a->dtype->type;
    if (acc->dtype->type != t || l->ktypes[0] != t || l->ktypes[1] != t || l->ktypes[2] != t) return NULL;
    switch (uf->id) {
    case ND__UF_maximum: return t == ND_TYPE_FLOAT64 ? fast_max_f64 : t == ND_TYPE_FLOAT32 ? fast_max_f32 : NULL;
    case ND__UF_minimum: return t == ND_TYPE_FLOAT64 ? fast_min_f64 : t == ND_TYPE_FLOAT32 ? fast_min_f32 : NULL;
    case ND__UF_logical_and: return t == ND_TYPE_BOOL ? fast_all_bool : NULL;
    case ND__UF_logical_or: return t == ND_TYPE_BOOL ? fast_any_bool : NULL;
    default: return NULL;
    }
}

/* acc op= a over shape through the iterator: inner loops that reduce contiguous input
 * into one accumulator take the fast loop, the others the ufunc's kernel. */
static int run_fast(fast_fn fn, const nd__uloop *l, nd_array *acc, const int64_t *accst, const nd_array *a,
                    const int64_t *ast, int ndim, const int64_t *shape) {
    nd__iter it;
    char *data[2] = { acc->data, a->data };
    const int64_t *st[2] = { accst, ast };
    if (nd__iter_prepare(&it, 2, ndim, shape, data, st, ND__ITER_KEEP_DIR) < 0) return -1;
    if (it.size == 0) return 0;
    int64_t n, isz = a->dtype->itemsize;
    while ((n = nd__iter_next(&it)) > 0) {
        int64_t s0 = it.inner_strides[0], s1 = it.inner_strides[1];
        if (s0 == 0 && s1 == isz && n >= 64) {
            fn(it.ptr[0], it.ptr[1], n);
        } else {
            char *args[3] = { it.ptr[0], it.ptr[1], it.ptr[0] };
            int64_t steps[3] = { s0, s1, s0 };
            l->fn(args, &n, steps, l->data);
        }
    }
    return nd__kernel_failed();
}

/* A view of a with one axis restricted to [start, start + len) (step 1). */
static nd_array *axis_slice(const nd_array *a, int axis, int64_t start, int64_t len) {
    int64_t shape[ND_MAXDIMS];
    memcpy(shape, a->shape, sizeof(int64_t) * (size_t)a->ndim);
    shape[axis] = len;
    return nd__view(a, a->dtype, a->ndim, shape, a->strides, a->data + (len > 0 ? start * a->strides[axis] : 0));
}

/* Parse axes into a mask; def_all: n == 0 means every axis (else axis 0). */
static int parse_axes(nd_axes ax, int ndim, bool def_all, bool *mask, int *count) {
    memset(mask, 0, sizeof(bool) * ND_MAXDIMS);
    *count = 0;
    if (ax.n < 0 || (ax.n == 0 && def_all)) {
        for (int i = 0; i < ndim; i++) mask[i] = true;
        *count = ndim;
        return 0;
    }
    if (ax.n == 0) { ax.n = 1; ax.v[0] = 0; }
    if (ax.n > ND_MAXDIMS) return nd_error_set(ND_ERR_VALUE, "too many axes");
    for (int k = 0; k < ax.n; k++) {
        int a = nd__check_axis(ax.v[k], ndim);
        if (a < 0) return -1;
        if (mask[a]) return nd_error_set(ND_ERR_VALUE, "duplicate value in 'axis'");
        mask[a] = true;
        (*count)++;
    }
    return 0;
}

/* add/multiply accumulate small ints and bool in the platform int, as NumPy. */
static const nd_dtype_t *default_acc(const nd_ufunc *uf, const nd_dtype_t *dt) {
    if (!uf->custom && (uf->id == ND__UF_add || uf->id == ND__UF_multiply)) {
        if (dt->kind == 'b' || (dt->kind == 'i' && dt->itemsize < 8)) return ND_INT64;
        if (dt->kind == 'u' && dt->itemsize < 8) return ND_UINT64;
    }
    return dt;
}

/* The loop a reduction uses: inputs (acc, acc) -> acc, re-resolved on the output type
 * when the natural loop's output differs (logical_and on floats runs as bool). */
static const nd__uloop *reduce_loop(const nd_ufunc *uf, const nd_dtype_t *acc) {
    const nd_dtype_t *dts[2] = { acc, acc };
    const nd__uloop *l = nd__resolve(uf, dts, NULL);
    if (!l) return NULL;
    if (l->types[2] != l->types[0] || l->types[1] != l->types[0]) {
        const nd_dtype_t *o = nd__dt(l->types[2]);
        for (int i = 0; i < uf->nloops; i++) {
            const nd__uloop *m = &uf->loops[i];
            if (m->types[0] == o->type && m->types[1] == o->type && m->types[2] == o->type) return m;
        }
        return nd__err(ND_ERR_TYPE, "the resolved dtypes are not compatible with %s.reduce", uf->name);
    }
    return l;
}

/* Float and complex add reductions whose iteration has the reduced axis innermost
 * and only there (a moving mean: many short rows): the iterator walks the outputs and
 * each output takes its row's pairwise sum, the same call the kernel makes per inner
 * loop, without one iterator step per row.  1 done, 0 not applicable, -1 error. */
static int rows_pairwise(const nd_ufunc *uf, const nd__uloop *l, nd_array *acc, const int64_t *accst,
                         const nd_array *a, const int64_t *ast, int ndim, const int64_t *shape) {
    nd_type t = a->dtype->type;
    if (uf->custom || uf->id != ND__UF_add || !(a->flags & ND_ALIGNED) || !(acc->flags & ND_ALIGNED) ||
        acc->dtype->type != t || l->ktypes[0] != t || l->ktypes[1] != t || l->ktypes[2] != t ||
        (t != ND_TYPE_FLOAT64 && t != ND_TYPE_FLOAT32 && t != ND_TYPE_COMPLEX128 && t != ND_TYPE_COMPLEX64))
        return 0;
    nd__iter it;
    char *data[2] = { acc->data, a->data };
    const int64_t *st[2] = { accst, ast };
    if (nd__iter_prepare(&it, 2, ndim, shape, data, st, ND__ITER_KEEP_DIR) < 0) return -1;
    if (it.size == 0 || it.ndim < 2 || it.strides[0][0] != 0 || it.shape[0] > 1024) return 0;
    int64_t oshape[ND_MAXDIMS], ost[2][ND_MAXDIMS];
    int ond = it.ndim - 1;
    for (int k = 1; k < it.ndim; k++) {
        if (it.strides[k][0] == 0) return 0; /* a second reduced axis */
        oshape[ond - k] = it.shape[k];
        ost[0][ond - k] = it.strides[k][0];
        ost[1][ond - k] = it.strides[k][1];
    }
    int64_t len = it.shape[0], rs = it.strides[0][1];
    nd__iter ot;
    const int64_t *ostp[2] = { ost[0], ost[1] };
    if (nd__iter_prepare(&ot, 2, ond, oshape, it.origin, ostp, false) < 0) return -1;
    int64_t n;
    while ((n = nd__iter_next(&ot)) > 0) {
        char *o = ot.ptr[0], *r = ot.ptr[1];
        int64_t so = ot.inner_strides[0], sr = ot.inner_strides[1];
        switch (t) {
        case ND_TYPE_FLOAT64:
            for (int64_t j = 0; j < n; j++) *(double *)(o + j * so) = nd__pairwise_f64(*(double *)(o + j * so), r + j * sr, len, rs);
            break;
        case ND_TYPE_FLOAT32:
            for (int64_t j = 0; j < n; j++) *(float *)(o + j * so) = nd__pairwise_f32(*(float *)(o + j * so), r + j * sr, len, rs);
            break;
        case ND_TYPE_COMPLEX128:
            for (int64_t j = 0; j < n; j++)
                *(_Complex double *)(o + j * so) = nd__pairwise_c128(*(_Complex double *)(o + j * so), r + j * sr, len, rs);
            break;
        default:
            for (int64_t j = 0; j < n; j++)
                *(_Complex float *)(o + j * so) = nd__pairwise_c64(*(_Complex float *)(o + j * so), r + j * sr, len, rs);
            break;
        }
    }
    return 1;
}

/* Float and complex add reductions whose reduced block spans several iteration axes
 * (the innermost axes that all have a stride-0 accumulator did not coalesce: a view
 * with reversed or strided rows): NumPy's buffered reduction copies such a block in
 * chunks of its buffer size, in iteration order, and sums each chunk pairwise; so
 * does this, chunk boundaries restarting at each block.  The accumulator goes through
 * the kernel's dtype once per chunk (float16 sums in float32, as NumPy's half loop).
 * 1 done, 0 not applicable, -1 error. */
static int blocks_pairwise(const nd_ufunc *uf, const nd__uloop *l, nd_array *acc, const int64_t *accst,
                           const nd_array *a, const int64_t *ast, int ndim, const int64_t *shape) {
    nd_type kt = l->ktypes[2];
    if (uf->custom || uf->id != ND__UF_add || l->ktypes[0] != kt || l->ktypes[1] != kt ||
        (kt != ND_TYPE_FLOAT64 && kt != ND_TYPE_FLOAT32 && kt != ND_TYPE_COMPLEX128 && kt != ND_TYPE_COMPLEX64))
        return 0;
    nd__iter it;
    char *data[2] = { acc->data, a->data };
    const int64_t *st[2] = { accst, ast };
    if (nd__iter_prepare(&it, 2, ndim, shape, data, st, ND__ITER_KEEP_DIR) < 0) return -1;
    int k = 0;
    int64_t blk = 1;
    while (k < it.ndim && it.strides[k][0] == 0) blk *= it.shape[k++];
    if (it.size == 0 || k < 2) return 0;
    const nd_dtype_t *kd = nd__dt(kt), *ad = acc->dtype;
    int64_t isz = kd->itemsize, bn = blk < ND__BUFSIZE ? blk : ND__BUFSIZE;
    nd__cast_fn in_cast = nd__get_cast(kd, a->dtype), acc_in = nd__get_cast(kd, ad), acc_out = nd__get_cast(ad, kd);
    char *buf = nd__malloc((size_t)(bn * isz));
    if (!buf) return -1;
    _Alignas(16) char kacc[32];
    for (int64_t b0 = 0; b0 < it.size; b0 += blk) {
        for (int64_t c0 = b0; c0 < b0 + blk; c0 += bn) {
            int64_t len = b0 + blk - c0 < bn ? b0 + blk - c0 : bn, got = 0, n;
            char *accp = NULL;
            nd__iter_set_range(&it, c0, c0 + len);
            while ((n = nd__iter_next(&it)) > 0) {
                accp = it.ptr[0];
                in_cast(buf + got * isz, isz, it.ptr[1], it.inner_strides[1], n, kd, a->dtype);
                got += n;
            }
            acc_in(kacc, 0, accp, 0, 1, kd, ad);
            char *args[3] = { kacc, buf, kacc };
            int64_t steps[3] = { 0, isz, 0 };
            l->fn(args, &len, steps, l->data);
            acc_out(accp, 0, kacc, 0, 1, ad, kd);
        }
    }
    nd__free(buf, (size_t)(bn * isz));
    if (nd__cast_failed() < 0) return -1;
    return nd__kernel_failed() < 0 ? -1 : 1;
}

/* Run acc op= a over `shape` (a's), acc broadcast with strides accst. */
static int run_reduce(const nd_ufunc *uf, const nd__uloop *l, nd_array *acc, const int64_t *accst, const nd_array *a,
                      const nd_array *where, int ndim, const int64_t *shape) {
    nd__runner r = { .nop = 3, .fn = l->fn, .fn_data = l->data, .keep_dir = true };
    int64_t ast[ND_MAXDIMS], wst[ND_MAXDIMS];
    fast_fn fast = where ? NULL : fast_reducer(uf, l, acc, a);
    if (fast) {
        for (int i = 0; i < ndim; i++) ast[i] = a->shape[i] == 1 ? 0 : a->strides[i];
        return run_fast(fast, l, acc, accst, a, ast, ndim, shape);
    }
    for (int i = 0; i < ndim; i++) ast[i] = a->shape[i] == 1 ? 0 : a->strides[i];
    if (!where) {
        int done = blocks_pairwise(uf, l, acc, accst, a, ast, ndim, shape);
        if (!done) done = rows_pairwise(uf, l, acc, accst, a, ast, ndim, shape);
        if (done) return done < 0 ? -1 : 0;
    }
    r.op[0] = (nd__run_op){ .data = acc->data, .strides = accst, .dt = acc->dtype, .kdt = nd__dt(l->ktypes[0]), .alias = -1 };
    r.op[1] = (nd__run_op){ .data = a->data, .strides = ast, .dt = a->dtype, .kdt = nd__dt(l->ktypes[1]), .alias = -1 };
    r.op[2] = (nd__run_op){ .data = acc->data, .strides = accst, .dt = acc->dtype, .kdt = nd__dt(l->ktypes[2]),
                            .out = true, .alias = 0 };
    if (where) {
        int off = ndim - where->ndim;
        for (int i = 0; i < ndim; i++)
            wst[i] = (i < off || where->shape[i - off] == 1) ? 0 : where->strides[i - off];
        r.mask = where->data;
        r.mask_strides = wst;
    }
    return nd__run(&r, ndim, shape);
}

/* Fill acc with one value (the identity or initial), converted to acc's dtype;
 * initial= follows NEP 50 (a weak int must fit). */
static int fill_value(nd_array *acc, nd_value v, bool weak_check) {
    _Alignas(16) char one[32];
    if (weak_check && nd__scalar_to(acc->dtype, v, one) < 0) return -1;
    return nd_fill_ex(acc, v);
}

static nd_array *reduce_impl(const nd_ufunc *uf, const nd_array *a, const nd_reduce_opts *o, bool def_all,
                             const nd_dtype_t *force_acc) {
    if (nd__ufunc_ready(uf) < 0) return NULL;
    if (uf->core) return nd__err(ND_ERR_RUNTIME, "Reduction not defined on ufunc with signature");
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (uf->nin != 2 || uf->nout != 1)
        return nd__err(ND_ERR_VALUE, "reduce only supported for binary functions");
    nd_reduce_opts none = { 0 };
    if (!o) o = &none;
    bool red[ND_MAXDIMS];
    int nred;
    if (parse_axes(o->axis, a->ndim, def_all, red, &nred) < 0) return NULL;
    if (nred > 1 && !(uf->flags & ND__F_REORD))
        return nd__err(ND_ERR_VALUE, "reduction operation '%s' is not reorderable, so at most one axis may be specified", uf->name);
    const nd_dtype_t *acc_dt = force_acc ? force_acc : o->dtype ? o->dtype : o->out ? o->out->dtype : default_acc(uf, a->dtype);
    if (!nd__is_numeric(a->dtype) || !nd__is_numeric(acc_dt)) {
        const nd_dtype_t *dts[2] = { a->dtype, a->dtype };
        return nd__no_loop_error(uf, dts);
    }
    const nd__uloop *l = reduce_loop(uf, acc_dt);
    if (!l) return NULL;
    const nd_dtype_t *T = nd__dt(l->types[2]);
    /* the result geometry with kept dims; reduced size */
    int nd = a->ndim;
    int64_t kshape[ND_MAXDIMS], rshape[ND_MAXDIMS], nreduce = 1;
    int rnd = 0;
    for (int i = 0; i < nd; i++) {
        kshape[i] = red[i] ? 1 : a->shape[i];
        if (red[i]) nreduce *= a->shape[i];
        if (!red[i] || o->keepdims) rshape[rnd++] = kshape[i];
    }
    bool has_init = o->initial.dtype != NULL;
    nd_value init;
    bool has_id = has_init || nd_ufunc_identity(uf, &init);
    if (has_init) init = o->initial;
    if (!has_id && nreduce == 0 && nd__shape_size(nd, a->shape) == 0) {
        bool empty_out = false;
        for (int i = 0; i < nd; i++) empty_out |= !red[i] && a->shape[i] == 0;
        if (!empty_out)
            return nd__err(ND_ERR_VALUE, "zero-size array to reduction operation %s which has no identity", uf->name);
    }
    if (!has_id && o->where)
        return nd__err(ND_ERR_VALUE, "reduction operation '%s' does not have an identity, so to use a where mask "
                       "one has to specify 'initial'", uf->name);
    if (o->where && o->where->dtype->type != ND_TYPE_BOOL)
        return nd__err(ND_ERR_TYPE, "Cannot cast array data from dtype('%s') to dtype('bool') according to the rule 'safe'",
                       o->where->dtype->name);
    if (o->out) {
        if (o->out->ndim != rnd || memcmp(o->out->shape, rshape, sizeof(int64_t) * (size_t)rnd)) {
            if (o->out->ndim != rnd)
                return nd__err(ND_ERR_VALUE, "output parameter for reduction operation %s has the wrong number of "
                               "dimensions: Found %d but expected %d", uf->name, o->out->ndim, rnd);
            return nd__err(ND_ERR_VALUE, "output parameter for reduction operation %s has a non-reduction dimension "
                           "not equal to the input one.", uf->name);
        }
        if (!nd__check_writeable(o->out)) return NULL;
    }
    /* the accumulator: out itself when it has the loop's dtype and can be viewed with
     * kept dims, else a new array */
    nd_array *acc = NULL;
    bool acc_is_out = false;
    if (o->out && nd_dtype_equal(o->out->dtype, T) && !nd_may_share_memory(o->out, a)) {
        int64_t kst[ND_MAXDIMS];
        int j = 0;
        for (int i = 0; i < nd; i++) kst[i] = (red[i] && !o->keepdims) ? 0 : o->out->strides[j++];
        acc = nd__view(o->out, T, nd, kshape, kst, o->out->data);
        acc_is_out = true;
    } else {
        acc = nd__new(T, nd, kshape, 'C', false);
    }
    if (!acc) return NULL;
    int64_t accst[ND_MAXDIMS];
    for (int i = 0; i < nd; i++) accst[i] = red[i] ? 0 : acc->strides[i];
    bool fpe = nd__fpe_begin();
    int rc = 0;
    const nd_array *src = a;
    nd_array *rest = NULL;
    if (has_id) {
        rc = fill_value(acc, init, has_init);
        if (rc == 0) rc = run_reduce(uf, l, acc, accst, src, o->where, nd, a->shape);
    } else if (nreduce > 0) {
        /* start from the first element along the reduced axes */
        int64_t fst[ND_MAXDIMS];
        for (int i = 0; i < nd; i++) fst[i] = red[i] ? 0 : a->strides[i];
        nd_array *first = nd__view(a, a->dtype, nd, kshape, fst, a->data);
        rc = first ? nd__assign(acc, first) : -1;
        nd_free(first);
        if (rc == 0) {
            if (nred == 1 || (uf->flags & ND__F_IDEMP)) {
                if (nred == 1) { /* (nred may be 0: a 0-d input) */
                    int ax = 0;
                    while (!red[ax]) ax++;
                    rest = axis_slice(a, ax, 1, a->shape[ax] - 1);
                    src = rest;
                }
                rc = src ? run_reduce(uf, l, acc, accst, src, NULL, nd, src->shape) : -1;
            } else {
                /* reorderable without identity over several axes: one axis at a time */
                nd_array *cur = nd_ref((nd_array *)a);
                for (int i = nd - 1; i >= 0 && rc == 0; i--) {
                    if (!red[i]) continue;
                    nd_reduce_opts one = { .axis = ND_AXIS(i), .keepdims = true, .dtype = T };
                    nd_array *nx = reduce_impl(uf, cur, &one, false, T);
                    nd_free(cur);
                    cur = nx;
                    if (!cur) rc = -1;
                }
                if (rc == 0) rc = nd__assign(acc, cur);
                nd_free(cur);
            }
        }
    }
    nd_free(rest);
    if (rc == 0) rc = nd__fpe_end(fpe, uf->name);
    else nd__fpe_end(false, NULL);
    if (rc < 0) { nd_free(acc); return NULL; }
    if (acc_is_out) { nd_free(acc); return o->out; }
    if (o->out) {
        nd_array *v = nd_reshape_ex(acc, (nd_shape_t){ rnd, rshape }, 'C');
        rc = v ? nd_copyto(o->out, v, ND_CASTING_UNSAFE) : -1;
        nd_free(v);
        nd_free(acc);
        return rc < 0 ? NULL : o->out;
    }
    if (rnd == nd) return acc;
    /* drop the reduced axes: acc is C-contiguous, so C strides of the squeezed shape */
    int64_t rst[ND_MAXDIMS], step = acc->dtype->itemsize;
    for (int i = rnd - 1; i >= 0; i--) { rst[i] = step; step *= rshape[i] ? rshape[i] : 1; }
    nd_array *res = nd__view(acc, acc->dtype, rnd, rshape, rst, acc->data);
    nd_free(acc);
    return res;
}

nd_array *nd_ufunc_reduce_ex(const nd_ufunc *uf, const nd_array *a, const nd_reduce_opts *o) {
    return reduce_impl(uf, a, o, false, NULL);
}

nd_array *nd_sum_ex(const nd_array *a, const nd_reduce_opts *o) { return reduce_impl(nd_ufunc_add, a, o, true, NULL); }
nd_array *nd_prod_ex(const nd_array *a, const nd_reduce_opts *o) { return reduce_impl(nd_ufunc_multiply, a, o, true, NULL); }
nd_array *nd_max_ex(const nd_array *a, const nd_reduce_opts *o) { return reduce_impl(nd_ufunc_maximum, a, o, true, NULL); }
nd_array *nd_min_ex(const nd_array *a, const nd_reduce_opts *o) { return reduce_impl(nd_ufunc_minimum, a, o, true, NULL); }
nd_array *nd_all_ex(const nd_array *a, const nd_reduce_opts *o) {
    return reduce_impl(nd_ufunc_logical_and, a, o, true, o && o->out ? o->out->dtype : ND_BOOL);
}
nd_array *nd_any_ex(const nd_array *a, const nd_reduce_opts *o) {
    return reduce_impl(nd_ufunc_logical_or, a, o, true, o && o->out ? o->out->dtype : ND_BOOL);
}

/* ------------------------------------------------------------ accumulate */

static nd_array *accumulate_impl(const nd_ufunc *uf, const nd_array *a, const nd_accumulate_opts *o, bool flatten_default) {
    if (nd__ufunc_ready(uf) < 0) return NULL;
    if (uf->core) return nd__err(ND_ERR_RUNTIME, "Reduction not defined on ufunc with signature");
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (uf->nin != 2 || uf->nout != 1)
        return nd__err(ND_ERR_VALUE, "accumulate only supported for binary functions");
    nd_accumulate_opts none = { 0 };
    if (!o) o = &none;
    if (o->axis.n > 1) return nd__err(ND_ERR_TYPE, "accumulate takes one axis");
    nd_array *src = NULL;
    int axis;
    if (o->axis.n == 0 && flatten_default) {
        src = nd_ravel(a, 'C');
        axis = 0;
    } else {
        if (a->ndim == 0) return nd__err(ND_ERR_TYPE, "cannot accumulate on a scalar");
        axis = nd__check_axis(o->axis.n ? o->axis.v[0] : 0, a->ndim);
        if (axis < 0) return NULL;
        src = nd_ref((nd_array *)a);
    }
    if (!src) return NULL;
    const nd_dtype_t *acc_dt = o->dtype ? o->dtype : o->out ? o->out->dtype : default_acc(uf, src->dtype);
    const nd__uloop *l = nd__is_numeric(acc_dt) && nd__is_numeric(src->dtype) ? reduce_loop(uf, acc_dt) : NULL;
    if (!l) {
        if (nd_error() == ND_OK) nd__err(ND_ERR_TYPE, "ufunc '%s' not supported for the input types", uf->name);
        nd_free(src);
        return NULL;
    }
    const nd_dtype_t *T = nd__dt(l->types[2]);
    if (o->out && (o->out->ndim != src->ndim || memcmp(o->out->shape, src->shape, sizeof(int64_t) * (size_t)src->ndim))) {
        nd_free(src);
        return nd__err(ND_ERR_VALUE, "output parameter for accumulate has the wrong shape");
    }
    nd_array *res = o->out && nd_dtype_equal(o->out->dtype, T) && !nd_may_share_memory(o->out, src)
                        ? nd_ref(o->out) : nd__new(T, src->ndim, src->shape, 'C', false);
    if (!res) { nd_free(src); return NULL; }
    int64_t n = src->shape[axis];
    int rc = 0;
    bool fpe = nd__fpe_begin();
    if (n > 0 && nd__shape_size(src->ndim, src->shape) > 0) {
        nd_array *s0 = axis_slice(src, axis, 0, 1), *r0 = axis_slice(res, axis, 0, 1);
        rc = s0 && r0 ? nd__assign(r0, s0) : -1;
        nd_free(s0);
        nd_free(r0);
        /* res[i] = res[i-1] op a[i], in C order so each step sees the previous one;
         * a result needing casts to the kernel's dtype goes one index at a time */
        bool direct = res->dtype->type == l->ktypes[2] && res->dtype->type == l->ktypes[0];
        int64_t step = direct ? n - 1 : 1;
        for (int64_t i = 1; i < n && rc == 0; i += step) {
            nd_array *prev = axis_slice(res, axis, i - 1, step), *cur = axis_slice(res, axis, i, step),
                     *in = axis_slice(src, axis, i, step);
            if (!prev || !cur || !in) rc = -1;
            else {
                nd__runner r = { .nop = 3, .fn = l->fn, .fn_data = l->data, .c_order = true };
                int64_t st[3][ND_MAXDIMS];
                const nd_array *ops[3] = { prev, in, cur };
                for (int k = 0; k < 3; k++) {
                    for (int d = 0; d < cur->ndim; d++) st[k][d] = cur->shape[d] == 1 ? 0 : ops[k]->strides[d];
                    r.op[k] = (nd__run_op){ .data = ops[k]->data, .strides = st[k], .dt = ops[k]->dtype,
                                            .kdt = nd__dt(l->ktypes[k]), .out = k == 2, .alias = -1 };
                }
                rc = nd__run(&r, cur->ndim, cur->shape);
            }
            nd_free(prev);
            nd_free(cur);
            nd_free(in);
        }
    }
    if (rc == 0) rc = nd__fpe_end(fpe, uf->name);
    else nd__fpe_end(false, NULL);
    nd_free(src);
    if (rc < 0) { nd_free(res); return NULL; }
    if (o->out && res != o->out) {
        rc = nd_copyto(o->out, res, ND_CASTING_UNSAFE);
        nd_free(res);
        return rc < 0 ? NULL : o->out;
    }
    if (o->out) { nd_free(res); return o->out; }
    return res;
}

nd_array *nd_ufunc_accumulate_ex(const nd_ufunc *uf, const nd_array *a, const nd_accumulate_opts *o) {
    return accumulate_impl(uf, a, o, false);
}
nd_array *nd_cumsum_ex(const nd_array *a, const nd_accumulate_opts *o) { return accumulate_impl(nd_ufunc_add, a, o, true); }
nd_array *nd_cumprod_ex(const nd_array *a, const nd_accumulate_opts *o) { return accumulate_impl(nd_ufunc_multiply, a, o, true); }

/* ------------------------------------------------------------ reduceat */

nd_array *nd_ufunc_reduceat_ex(const nd_ufunc *uf, const nd_array *a, const nd_array *indices, const nd_accumulate_opts *o) {
    if (nd__ufunc_ready(uf) < 0) return NULL;
    if (uf->core) return nd__err(ND_ERR_RUNTIME, "Reduction not defined on ufunc with signature");
    if (!a || !indices) return nd__err(ND_ERR_VALUE, "array and indices must not be NULL");
    if (uf->nin != 2 || uf->nout != 1) return nd__err(ND_ERR_VALUE, "reduceat only supported for binary functions");
    nd_accumulate_opts none = { 0 };
    if (!o) o = &none;
    if (a->ndim == 0) return nd__err(ND_ERR_TYPE, "cannot reduceat a scalar");
    int axis = nd__check_axis(o->axis.n ? o->axis.v[0] : 0, a->ndim);
    if (axis < 0) return NULL;
    if (indices->ndim != 1 || !nd_dtype_is_integer(indices->dtype))
        return nd__err(ND_ERR_TYPE, "Cannot cast array data from %s to dtype('int64') according to the rule 'safe'",
                       nd__dtype_repr((char[64]){ 0 }, 64, indices->dtype));
    nd_array *idx = nd_astype(indices, ND_INT64);
    if (!idx) return NULL;
    int64_t m = idx->shape[0], n = a->shape[axis];
    const int64_t *iv = (const int64_t *)idx->data; /* a fresh C-contiguous copy */
    for (int64_t k = 0; k < m; k++)
        if (iv[k] < 0 || iv[k] >= n) {
            nd__err(ND_ERR_INDEX, "index %lld out-of-bounds in %s.reduceat [0, %lld)", (long long)iv[k], uf->name, (long long)n);
            nd_free(idx);
            return NULL;
        }
    const nd_dtype_t *T = o->dtype ? o->dtype : o->out ? o->out->dtype : a->dtype;
    int64_t shape[ND_MAXDIMS];
    memcpy(shape, a->shape, sizeof(int64_t) * (size_t)a->ndim);
    shape[axis] = m;
    nd_array *res = o->out ? nd_ref(o->out) : nd__new(T, a->ndim, shape, 'C', false);
    if (!res) { nd_free(idx); return NULL; }
    if (res->ndim != a->ndim || memcmp(res->shape, shape, sizeof(int64_t) * (size_t)a->ndim)) {
        nd_free(res);
        nd_free(idx);
        return nd__err(ND_ERR_VALUE, "output parameter for reduceat has the wrong shape");
    }
    int rc = 0;
    for (int64_t k = 0; k < m && rc == 0; k++) {
        int64_t s = iv[k], e = k + 1 < m ? iv[k + 1] : n;
        nd_array *dst = axis_slice(res, axis, k, 1), *seg = axis_slice(a, axis, s, e > s ? e - s : 1);
        if (!dst || !seg) rc = -1;
        else if (e > s) {
            nd_reduce_opts ro = { .axis = ND_AXIS(axis), .keepdims = true, .dtype = T, .out = dst };
            rc = reduce_impl(uf, seg, &ro, false, NULL) ? 0 : -1;
        } else {
            rc = nd__assign(dst, seg);
        }
        nd_free(dst);
        nd_free(seg);
    }
    nd_free(idx);
    if (rc < 0) { nd_free(res); return NULL; }
    if (o->out) { nd_free(res); return o->out; }
    return res;
}

/* ------------------------------------------------------------ outer */

nd_array *nd_ufunc_outer_ex(const nd_ufunc *uf, nd_operand x, nd_operand y, const nd_ufunc_opts *o) {
    if (nd__ufunc_ready(uf) < 0) return NULL;
    if (uf->core) return nd__err(ND_ERR_TYPE, "method outer is not allowed in ufunc with non-trivial signature");
    if (uf->nin != 2) return nd__err(ND_ERR_VALUE, "outer product only supported for binary functions");
    nd_array *xv = NULL;
    if (x.array && y.array && y.array->ndim > 0) {
        int64_t shape[ND_MAXDIMS], st[ND_MAXDIMS];
        int nd = x.array->ndim + y.array->ndim;
        if (nd > ND_MAXDIMS) return nd__err(ND_ERR_VALUE, "too many dimensions for outer");
        for (int i = 0; i < x.array->ndim; i++) { shape[i] = x.array->shape[i]; st[i] = x.array->strides[i]; }
        for (int i = x.array->ndim; i < nd; i++) { shape[i] = 1; st[i] = 0; }
        xv = nd__view(x.array, x.array->dtype, nd, shape, st, x.array->data);
        if (!xv) return NULL;
        x.array = xv;
    }
    nd_array *out[ND__UF_MAXARGS] = { NULL };
    int rc = nd__ufunc_call(uf, (const nd_operand[]){ x, y }, out, o);
    nd_free(xv);
    return rc < 0 ? NULL : out[0];
}

/* ------------------------------------------------------------ at */

int nd_ufunc_at_ex(const nd_ufunc *uf, nd_array *a, const nd_array *indices, nd_operand b) {
    if (nd__ufunc_ready(uf) < 0) return -1;
    if (uf->core)
        return nd_error_set(ND_ERR_TYPE, "%s.at does not support ufunc with non-trivial signature: %s has signature %s.",
                            uf->name, uf->name, uf->core->text);
    if (!a || !indices) return nd_error_set(ND_ERR_VALUE, "array and indices must not be NULL");
    if (uf->nout != 1 || uf->nin > 2) return nd_error_set(ND_ERR_VALUE, "only unary and binary ufuncs are supported by at");
    if (!nd__check_writeable(a)) return -1;
    if (a->ndim == 0) return nd_error_set(ND_ERR_INDEX, "too many indices for array: array is 0-dimensional, but 1 were indexed");
    if (!nd_dtype_is_integer(indices->dtype))
        return nd_error_set(ND_ERR_INDEX, "arrays used as indices must be of integer (or boolean) type");
    nd_array *idx = nd_astype(indices, ND_INT64, .order = 'C');
    if (!idx) return -1;
    int64_t m = nd_size(idx), n0 = a->shape[0];
    const int64_t *iv = (const int64_t *)idx->data;
    /* resolve on (a, b) and check the result can go back into a */
    const nd_dtype_t *dts[2] = { a->dtype, NULL };
    nd_operand ops[2] = { nd_operand_array_(a), b };
    int rc = 0;
    if (uf->nin == 2) {
        if (nd__operand_dtypes(uf, ops, dts) < 0) { nd_free(idx); return -1; }
    }
    const nd__uloop *l = nd__resolve(uf, dts, NULL);
    if (!l) { nd_free(idx); return -1; }
    if (!nd__can_cast(nd__dt(l->types[uf->nin]), a->dtype, ND_CASTING_UNSAFE)) { nd_free(idx); return -1; }
    /* b broadcast to (m,) + a.shape[1:], or one scalar value in the kernel dtype */
    int64_t sub[ND_MAXDIMS];
    sub[0] = m;
    for (int i = 1; i < a->ndim; i++) sub[i] = a->shape[i];
    nd_array *bb = NULL;
    _Alignas(16) char sbuf[32], tmp[32];
    if (uf->nin == 2) {
        if (b.array) {
            bb = nd_broadcast_to(b.array, (nd_shape_t){ a->ndim, sub });
            if (!bb) { nd_free(idx); return -1; }
        } else {
            if (nd__scalar_to(dts[1], b.value, tmp) < 0) { nd_free(idx); return -1; }
            nd__get_cast(nd__dt(l->ktypes[1]), dts[1])(sbuf, 0, tmp, 0, 1, nd__dt(l->ktypes[1]), dts[1]);
        }
    }
    bool fpe = nd__fpe_begin();
    int nd = a->ndim - 1;
    int64_t zeros[ND_MAXDIMS] = { 0 }, bst[ND_MAXDIMS], ast[ND_MAXDIMS];
    for (int i = 0; i < nd; i++) ast[i] = a->shape[i + 1] == 1 ? 0 : a->strides[i + 1];
    for (int64_t k = 0; k < m && rc == 0; k++) {
        int64_t j = iv[k] < 0 ? iv[k] + n0 : iv[k];
        if (j < 0 || j >= n0) {
            rc = nd_error_set(ND_ERR_INDEX, "index %lld is out of bounds for axis 0 with size %lld", (long long)iv[k], (long long)n0);
            break;
        }
        char *row = a->data + j * a->strides[0];
        nd__runner r = { .nop = uf->nin + 1, .fn = l->fn, .fn_data = l->data };
        r.op[0] = (nd__run_op){ .data = row, .strides = ast, .dt = a->dtype, .kdt = nd__dt(l->ktypes[0]), .alias = -1 };
        if (uf->nin == 2) {
            if (bb) {
                for (int i = 0; i < nd; i++) bst[i] = bb->shape[i + 1] == 1 ? 0 : bb->strides[i + 1];
                r.op[1] = (nd__run_op){ .data = bb->data + k * bb->strides[0], .strides = bst, .dt = bb->dtype,
                                        .kdt = nd__dt(l->ktypes[1]), .alias = -1 };
            } else {
                r.op[1] = (nd__run_op){ .data = sbuf, .strides = zeros, .dt = nd__dt(l->ktypes[1]),
                                        .kdt = nd__dt(l->ktypes[1]), .alias = -1 };
            }
        }
        r.op[uf->nin] = (nd__run_op){ .data = row, .strides = ast, .dt = a->dtype, .kdt = nd__dt(l->ktypes[uf->nin]),
                                      .out = true, .alias = -1 };
        rc = nd__run(&r, nd, a->shape + 1);
    }
    if (rc == 0) rc = nd__fpe_end(fpe, uf->name);
    else nd__fpe_end(false, NULL);
    nd_free(bb);
    nd_free(idx);
    return rc;
}
