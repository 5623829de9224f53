/* take, put, take_along_axis, put_along_axis, choose, compress: thin layers over the
 * advanced-indexing engine (a[:, ..., idx] with one index array). */
#include "index/index_priv.h"

/* ------------------------------------------------------- index modes */

typedef struct mode_ctx { int64_t len; nd_clipmode mode; } mode_ctx;

static int mode_loop(char **p, int64_t n, const int64_t *s, void *ud) {
    const mode_ctx *c = ud;
    for (int64_t k = 0; k < n; k++) {
        int64_t i = *(const int64_t *)(p[1] + k * s[1]);
        if (c->mode == ND_CLIPMODE_WRAP) { i %= c->len; if (i < 0) i += c->len; }
        else i = i < 0 ? 0 : i >= c->len ? c->len - 1 : i;
        *(int64_t *)(p[0] + k * s[0]) = i;
    }
    return 0;
}

/* Indices as int64 with wrap/clip applied (raise: as they are, checked later). */
static nd_array *indices_for(const nd_array *ind, int64_t len, nd_clipmode mode) {
    if (!nd_dtype_is_integer(ind->dtype)) {
        if (ind->dtype->type == ND_TYPE_BOOL && nd_size(ind) == 0) return nd_astype(ind, ND_INT64);
        return nd__err(ND_ERR_TYPE, "Cannot cast array data from dtype('%s') to dtype('int64') according to the rule 'safe'",
                       nd__is_numeric(ind->dtype) ? ind->dtype->name : ind->dtype->str);
    }
    if (mode == ND_CLIPMODE_RAISE)
        return ind->dtype->type == ND_TYPE_INT64 ? nd_ref((nd_array *)ind) : nd_astype(ind, ND_INT64);
    if (mode != ND_CLIPMODE_WRAP && mode != ND_CLIPMODE_CLIP)
        return nd__err(ND_ERR_VALUE, "clipmode must be one of 'clip', 'raise', or 'wrap'");
    if (len == 0) {
        if (nd_size(ind)) return nd__err(ND_ERR_INDEX, "cannot do a non-empty take from an empty axes.");
        return nd_astype(ind, ND_INT64);
    }
    nd_array *src = ind->dtype->type == ND_TYPE_INT64 ? nd_ref((nd_array *)ind) : nd_astype(ind, ND_INT64);
    if (!src) return NULL;
    nd_array *r = nd__new(ND_INT64, ind->ndim, ind->shape, 'C', false);
    mode_ctx c = { len, mode };
    const nd_array *ops[2] = { r, src };
    if (r && nd__iter_run(2, ops, false, mode_loop, &c) < 0) { nd_free(r); r = NULL; }
    nd_free(src);
    return r;
}

/* The result into out (same shape; same_kind cast), returning out. */
static nd_array *into_out(nd_array *r, nd_array *out, const char *what) {
    if (!out || !r) return r;
    bool same = r->ndim == out->ndim && memcmp(r->shape, out->shape, (size_t)r->ndim * sizeof(int64_t)) == 0;
    int rc = same ? nd_copyto(out, r, ND_CASTING_SAME_KIND)
                  : nd_error_set(ND_ERR_VALUE, "output array does not match result of %s", what);
    nd_free(r);
    return rc < 0 ? NULL : out;
}

/* ---------------------------------------------------------------- take */

nd_array *nd_take_ex(const nd_array *a, const nd_array *indices, const nd_take_opts *o) {
    if (!a || !indices) return nd__err(ND_ERR_VALUE, "take: arrays must not be NULL");
    nd_take_opts d = { 0 };
    if (!o) o = &d;
    nd_array *src = NULL, *idx = NULL, *r = NULL;
    int axis = 0;
    if (o->axis.n == 0) src = nd_ravel(a, 'C');
    else {
        if (o->axis.n != 1) return nd__err(ND_ERR_TYPE, "take: axis must be a single integer or None");
        /* NumPy's PyArray_CheckAxis: a 0-d array takes part as a 1-d one */
        if ((axis = nd__check_axis(o->axis.v[0], a->ndim ? a->ndim : 1)) < 0) return NULL;
        src = a->ndim ? nd_ref((nd_array *)a) : nd_ravel(a, 'C');
    }
    if (!src) return NULL;
    bool fail = false;
    if ((idx = indices_for(indices, src->shape[axis], o->mode)) && !(r = nd__take_fast(src, idx, axis, axis, &fail)) && !fail) {
        nd_index items[ND_MAXDIMS + 1];
        for (int k = 0; k < axis; k++) items[k] = ND_ALL;
        items[axis] = ND_A(idx);
        r = nd_index_get(src, axis + 1, items);
    }
    nd_free(src);
    nd_free(idx);
    return into_out(r, o->out, "ndarray.take");
}

/* ----------------------------------------------------------------- put */

int nd_put(nd_array *a, const nd_array *ind, const nd_array *v, nd_clipmode mode) {
    if (!a || !ind || !v) return nd_error_set(ND_ERR_VALUE, "put: arrays must not be NULL");
    if (!nd__check_writeable(a)) return -1;
    int64_t size = nd_size(a);
    nd_array *i0 = indices_for(ind, size, mode), *idx = NULL, *vc = NULL, *vf = NULL;
    int r = -1;
    if (!i0 || !(idx = nd_flatten(i0, 'C'))) goto done;
    if (!(vc = nd_dtype_equal(v->dtype, a->dtype) ? nd_ref((nd_array *)v) : nd_astype(v, a->dtype))) goto done;
    if (!(vf = nd_flatten(vc, 'C'))) goto done;
    int64_t ni = nd_size(idx), nv = nd_size(vf), isz = a->dtype->itemsize;
    if (ni == 0 || nv == 0) { r = 0; goto done; }
    if (mode == ND_CLIPMODE_RAISE && nd__check_indices(idx, size, 0) < 0) goto done;
    const int64_t *ip = (const int64_t *)idx->data;
    for (int64_t k = 0; k < ni; k++) {
        int64_t f = ip[k] < 0 ? ip[k] + size : ip[k];
        char *dst = a->data;
        if (a->flags & ND_C_CONTIGUOUS) dst += f * isz;
        else for (int d = a->ndim - 1; d >= 0; d--) { dst += (f % a->shape[d]) * a->strides[d]; f /= a->shape[d]; }
        memcpy(dst, vf->data + (k % nv) * isz, (size_t)isz);
    }
    r = 0;
done:
    nd_free(i0); nd_free(idx); nd_free(vc); nd_free(vf);
    return r;
}

/* -------------------------------------------------------- along an axis */

/* items for arr[ogrid..., indices, ogrid...] (arange index arrays on the other axes). */
static int along_items(const nd_array *arr, const nd_array *indices, int axis, nd_index *items, nd_array **owned) {
    if (!nd_dtype_is_integer(indices->dtype)) return nd_error_set(ND_ERR_INDEX, "`indices` must be an integer array");
    if (indices->ndim != arr->ndim)
        return nd_error_set(ND_ERR_VALUE, "`indices` and `arr` must have the same number of dimensions");
    int nd = arr->ndim;
    for (int d = 0; d < nd; d++) {
        owned[d] = NULL;
        if (d == axis) { items[d] = ND_A(indices); continue; }
        int64_t shape[ND_MAXDIMS];
        for (int e = 0; e < nd; e++) shape[e] = 1;
        shape[d] = arr->shape[d];
        nd_array *r = nd__new(ND_INT64, nd, shape, 'C', false);
        if (!r) { for (int e = 0; e < d; e++) nd_free(owned[e]); return -1; }
        for (int64_t k = 0; k < shape[d]; k++) ((int64_t *)r->data)[k] = k;
        owned[d] = r;
        items[d] = ND_A(r);
    }
    return nd;
}

static int along_setup(const nd_array *arr, const nd_array *indices, nd_axes axis, nd_array **flat, int *ax) {
    if (axis.n > 1) return nd_error_set(ND_ERR_TYPE, "along_axis: axis must be a single integer or None");
    if (axis.n == 0) {
        if (indices->ndim != 1) return nd_error_set(ND_ERR_VALUE, "when axis=None, `indices` must have a single dimension.");
        if (!(*flat = nd_ravel(arr, 'C'))) return -1;
        *ax = 0;
        return 0;
    }
    if ((*ax = nd__check_axis(axis.v[0], arr->ndim)) < 0) return -1;
    *flat = NULL;
    return 0;
}

nd_array *nd_take_along_axis(const nd_array *arr, const nd_array *indices, nd_axes axis) {
    if (!arr || !indices) return nd__err(ND_ERR_VALUE, "take_along_axis: arrays must not be NULL");
    nd_array *flat = NULL;
    int ax = 0;
    if (along_setup(arr, indices, axis, &flat, &ax) < 0) return NULL;
    const nd_array *src = flat ? flat : arr;
    nd_index items[ND_MAXDIMS];
    nd_array *owned[ND_MAXDIMS];
    nd_array *r = NULL;
    int n = along_items(src, indices, ax, items, owned);
    if (n >= 0) {
        r = nd_index_get(src, n, items);
        for (int k = 0; k < n; k++) nd_free(owned[k]);
    }
    nd_free(flat);
    return r;
}

int nd_put_along_axis(nd_array *arr, const nd_array *indices, const nd_array *values, nd_axes axis) {
    if (!arr || !indices || !values) return nd_error_set(ND_ERR_VALUE, "put_along_axis: arrays must not be NULL");
    nd_array *flat = NULL;
    int ax = 0;
    if (along_setup(arr, indices, axis, &flat, &ax) < 0) return -1;
    if (flat && flat->base != arr && flat->base != arr->base) { /* ravel copied: cannot write through */
        nd_free(flat);
        return nd_error_set(ND_ERR_VALUE, "put_along_axis with axis=None needs a contiguous array");
    }
    nd_array *dst = flat ? flat : arr;
    nd_index items[ND_MAXDIMS];
    nd_array *owned[ND_MAXDIMS];
    int n = along_items(dst, indices, ax, items, owned), r = -1;
    if (n >= 0) {
        r = nd_index_set(dst, n, items, values);
        for (int k = 0; k < n; k++) nd_free(owned[k]);
    }
    nd_free(flat);
    return r;
}

/* -------------------------------------------------------------- choose */

/* NumPy 2's limit: the selector and the choices are at most NPY_MAXARGS (64) arrays. */
#define CHOOSE_MAXARGS 64
/* Choices per walk: the iterator takes ND_ITER_MAXOP operands (out, selector, choices). */
#define CHOOSE_GROUP (ND_ITER_MAXOP - 2)

typedef struct choose_ctx { int n, first, count; nd_clipmode mode; size_t isz; } choose_ctx;

/* The selector as int64 in [0, n): mode applied (raise: checked). ptrs: 0 out, 1 in. */
static int choose_norm_loop(char **p, int64_t cnt, const int64_t *s, void *ud) {
    const choose_ctx *c = ud;
    for (int64_t k = 0; k < cnt; k++) {
        int64_t i = *(const int64_t *)(p[1] + k * s[1]);
        if (i < 0 || i >= c->n) {
            if (c->mode == ND_CLIPMODE_RAISE) return nd_error_set(ND_ERR_VALUE, "invalid entry in choice array");
            if (c->mode == ND_CLIPMODE_WRAP) { i %= c->n; if (i < 0) i += c->n; }
            else i = i < 0 ? 0 : c->n - 1;
        }
        *(int64_t *)(p[0] + k * s[0]) = i;
    }
    return 0;
}

/* One group of choices [first, first + count): ptrs 0 out, 1 selector, 2.. the group. */
static int choose_loop(char **p, int64_t cnt, const int64_t *s, void *ud) {
    const choose_ctx *c = ud;
    for (int64_t k = 0; k < cnt; k++) {
        uint64_t i = (uint64_t)(*(const int64_t *)(p[1] + k * s[1]) - c->first);
        if (i < (uint64_t)c->count) memcpy(p[0] + k * s[0], p[2 + i] + k * s[2 + i], c->isz);
    }
    return 0;
}

/* NumPy broadcasts the choices, then a (arg n), and names the first pair that
 * disagrees: "shape mismatch: objects cannot be broadcast ...".  0 or -1. */
static int choose_shapes(const nd_array *a, int n, const nd_array *const *choices) {
    int nd = a->ndim;
    for (int k = 0; k < n; k++) nd = choices[k]->ndim > nd ? choices[k]->ndim : nd;
    for (int i = 0; i < nd; i++) {
        int64_t dim = 1;
        int src = 0;
        for (int j = 0; j <= n; j++) {
            const nd_array *x = j < n ? choices[j] : a;
            int k = i + x->ndim - nd;
            if (k < 0 || x->shape[k] == 1) continue;
            if (dim == 1) { dim = x->shape[k]; src = j; continue; }
            if (dim == x->shape[k]) continue;
            const nd_array *y = src < n ? choices[src] : a;
            char b1[512], b2[512];
            nd__err(ND_ERR_VALUE, "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is "
                                  "between arg %d with shape %s and arg %d with shape %s.",
                    src, nd__shape_str(b1, sizeof b1, y->ndim, y->shape), j,
                    nd__shape_str(b2, sizeof b2, x->ndim, x->shape));
            return -1;
        }
    }
    return 0;
}

nd_array *nd_choose_ex(const nd_array *a, int n, const nd_array *const *choices, const nd_choose_opts *o) {
    if (!a || (n > 0 && !choices)) return nd__err(ND_ERR_VALUE, "choose: arrays must not be NULL");
    nd_choose_opts d0 = { 0 };
    if (!o) o = &d0;
    if (n <= 0) return nd__err(ND_ERR_VALUE, "0-length sequence.");
    if (n + 1 > CHOOSE_MAXARGS)
        return nd__err(ND_ERR_VALUE, "Need at least 0 and at most %d array objects.", CHOOSE_MAXARGS);
    if (o->mode != ND_CLIPMODE_RAISE && o->mode != ND_CLIPMODE_WRAP && o->mode != ND_CLIPMODE_CLIP)
        return nd__err(ND_ERR_VALUE, "clipmode must be one of 'clip', 'raise', or 'wrap'");
    const nd_dtype_t *dts[CHOOSE_MAXARGS];
    for (int k = 0; k < n; k++) {
        if (!choices[k]) return nd__err(ND_ERR_VALUE, "choose: NULL choice");
        dts[k] = choices[k]->dtype;
    }
    if (!nd_dtype_is_integer(a->dtype) && !(a->dtype->type == ND_TYPE_BOOL))
        return nd__err(ND_ERR_TYPE, "Cannot cast array data from dtype('%s') to dtype('int64') according to the rule 'safe'",
                       nd__is_numeric(a->dtype) ? a->dtype->name : a->dtype->str);
    const nd_dtype_t *dt = nd_result_type(n, dts);
    if (!dt || choose_shapes(a, n, choices) < 0) return NULL;
    /* ops: the result, the selector, then every choice (as dt) */
    nd_array *ops[CHOOSE_MAXARGS + 1] = { NULL };
    nd_array *r = NULL, *sel = NULL;
    int nop = n + 2;
    bool ok = (ops[1] = nd_astype(a, ND_INT64)) != NULL;
    for (int k = 0; ok && k < n; k++)
        ok = (ops[2 + k] = nd_dtype_equal(choices[k]->dtype, dt) ? nd_ref((nd_array *)choices[k])
                                                                   : nd_astype(choices[k], dt)) != NULL;
    int nd;
    int64_t shape[ND_MAXDIMS], (*st)[ND_MAXDIMS] = NULL;
    choose_ctx c = { n, 0, 0, o->mode, (size_t)dt->itemsize };
    if (ok && (st = nd__alloc((size_t)nop * sizeof *st)) &&
        nd__broadcast(nop - 1, (const nd_array *const *)ops + 1, &nd, shape, st) == 0 &&
        (sel = nd__new(ND_INT64, ops[1]->ndim, ops[1]->shape, 'C', false)) &&
        (r = nd__new(dt, nd, shape, 'C', false))) {
        const nd_array *nops[2] = { sel, ops[1] };
        ok = nd__iter_run(2, nops, false, choose_norm_loop, &c) == 0;
        nd_free(ops[1]);
        ops[1] = sel;
        sel = NULL;
        ops[0] = r;
        for (int g = 0; ok && g < n; g += CHOOSE_GROUP) {
            const nd_array *gops[ND_ITER_MAXOP] = { r, ops[1] };
            c.first = g;
            c.count = n - g < CHOOSE_GROUP ? n - g : CHOOSE_GROUP;
            for (int k = 0; k < c.count; k++) gops[2 + k] = ops[2 + g + k];
            ok = nd__iter_run(2 + c.count, gops, false, choose_loop, &c) == 0;
        }
        if (!ok) { nd_free(r); r = NULL; }
    } else if (ok && !st) nd__nomem();
    nd__dealloc(st);
    nd_free(sel);
    for (int k = 1; k < nop; k++) nd_free(ops[k]);
    nd_dtype_free(dt);
    return into_out(r, o->out, "choose");
}

/* ------------------------------------------------------------ compress */

nd_array *nd_compress_ex(const nd_array *condition, const nd_array *a, const nd_compress_opts *o) {
    if (!condition || !a) return nd__err(ND_ERR_VALUE, "compress: arrays must not be NULL");
    if (condition->ndim != 1) return nd__err(ND_ERR_VALUE, "condition must be a 1-d array");
    nd_array *idx[1];
    if (nd_nonzero(condition, idx) < 0) return NULL;
    nd_take_opts t = { 0 };
    if (o) { t.axis = o->axis; t.out = o->out; }
    nd_array *r = nd_take_ex(a, idx[0], &t);
    nd_free(idx[0]);
    return r;
}
