/* Masks and selections: nonzero, argwhere, flatnonzero, where, select, piecewise,
 * extract, place, putmask, copyto with where. */
#include "index/index_priv.h"

/* -------------------------------------------------------------- nonzero */

typedef struct flat_ctx { int64_t *out; int64_t j, count, pos; } flat_ctx;

/* C-order positions of the true elements; branch-free (write always, advance on true). */
static int flat_loop(char **p, int64_t n, const int64_t *s, void *ud) {
    flat_ctx *c = ud;
    const char *m = p[0];
    int64_t j = c->j, pos = c->pos;
    for (int64_t k = 0; k < n && j < c->count; k++) {
        c->out[j] = pos + k;
        j += m[k * s[0]] != 0;
    }
    c->j = j;
    c->pos = pos + n;
    return 0;
}

/* int64 (count,) of the flat C-order positions where a is true (a any shape). */
static nd_array *flat_true(const nd_array *a) {
    nd_array *t = nd__truth(a);
    if (!t) return NULL;
    int64_t cnt = nd__count_true(t);
    nd_array *r = cnt < 0 ? NULL : nd__new(ND_INT64, 1, &cnt, 'C', false);
    if (r && cnt) {
        flat_ctx c = { (int64_t *)r->data, 0, cnt, 0 };
        const nd_array *ops[1] = { t };
        if (nd__iter_run(1, ops, true, flat_loop, &c) < 0) { nd_free(r); r = NULL; }
    }
    nd_free(t);
    return r;
}

int nd_nonzero(const nd_array *a, nd_array **out) {
    if (!a || !out) return nd_error_set(ND_ERR_VALUE, "nonzero: arguments must not be NULL");
    if (a->ndim == 0)
        return nd_error_set(ND_ERR_VALUE, "Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() "
                            "instead. If the context of this error is of the form `arr[nonzero(cond)]`, just use `arr[cond]`.");
    nd_array *flat = flat_true(a);
    if (!flat) return -1;
    int nd = a->ndim;
    int64_t cnt = flat->shape[0];
    out[nd - 1] = flat;
    for (int d = 0; d < nd - 1; d++) {
        if (!(out[d] = nd__new(ND_INT64, 1, &cnt, 'C', false))) {
            for (int e = 0; e < d; e++) nd_free(out[e]);
            nd_free(flat);
            return -1;
        }
    }
    if (nd > 1) {
        int64_t *f = (int64_t *)flat->data;
        for (int64_t k = 0; k < cnt; k++) {
            int64_t v = f[k];
            for (int d = nd - 1; d > 0; d--) {
                ((int64_t *)out[d]->data)[k] = v % a->shape[d];
                v /= a->shape[d];
            }
            ((int64_t *)out[0]->data)[k] = v;
        }
    }
    return nd;
}

nd_array *nd_flatnonzero(const nd_array *a) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    return flat_true(a);
}

nd_array *nd_argwhere(const nd_array *a) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_array *flat = flat_true(a);
    if (!flat) return NULL;
    int64_t shape[2] = { flat->shape[0], a->ndim };
    nd_array *r = nd__new(ND_INT64, 2, shape, 'C', false);
    if (r) {
        int64_t *f = (int64_t *)flat->data, *o = (int64_t *)r->data;
        for (int64_t k = 0; k < shape[0]; k++) {
            int64_t v = f[k];
            for (int d = a->ndim - 1; d >= 0; d--) {
                o[k * a->ndim + d] = v % a->shape[d];
                v /= a->shape[d];
            }
        }
    }
    nd_free(flat);
    return r;
}

/* ---------------------------------------------------------------- where */

typedef struct sel_ctx { size_t isz; } sel_ctx;

/* ptrs: 0 out, 1 condition (bool), 2 x, 3 y. */
static inline __attribute__((always_inline)) void where_loop(char **p, int64_t n, const int64_t *s, size_t isz) {
    for (int64_t k = 0; k < n; k++) {
        const char *src = p[1][k * s[1]] ? p[2] + k * s[2] : p[3] + k * s[3];
        memcpy(p[0] + k * s[0], src, isz);
    }
}

static int where_kernel(char **p, int64_t n, const int64_t *s, void *ud) {
    switch (((sel_ctx *)ud)->isz) {
    case 1: where_loop(p, n, s, 1); break;
    case 2: where_loop(p, n, s, 2); break;
    case 4: where_loop(p, n, s, 4); break;
    case 8: where_loop(p, n, s, 8); break;
    case 16: where_loop(p, n, s, 16); break;
    default: where_loop(p, n, s, ((sel_ctx *)ud)->isz);
    }
    return 0;
}

static nd_array *as_dtype(const nd_array *a, const nd_dtype_t *dt) {
    if (nd_dtype_equal(a->dtype, dt)) return nd_ref((nd_array *)a);
    return nd_astype(a, dt);
}

nd_array *nd_where(const nd_array *condition, const nd_array *x, const nd_array *y) {
    if (!condition) return nd__err(ND_ERR_VALUE, "where: condition must not be NULL");
    if (!x || !y) return nd__err(ND_ERR_VALUE, "either both or neither of x and y should be given");
    const nd_dtype_t *dt = nd_promote_types(x->dtype, y->dtype);
    if (!dt) return NULL;
    nd_array *t = nd__truth(condition), *xc = as_dtype(x, dt), *yc = as_dtype(y, dt), *r = NULL;
    if (t && xc && yc) {
        const nd_array *bops[3] = { t, xc, yc };
        int nd;
        int64_t shape[ND_MAXDIMS], st[3][ND_MAXDIMS];
        if (nd__broadcast(3, bops, &nd, shape, st) == 0 && (r = nd__new(dt, nd, shape, 'C', false))) {
            sel_ctx c = { (size_t)dt->itemsize };
            const nd_array *ops[4] = { r, t, xc, yc };
            if (nd__iter_run(4, ops, false, where_kernel, &c) < 0) { nd_free(r); r = NULL; }
        }
    }
    nd_free(t); nd_free(xc); nd_free(yc);
    nd_dtype_free(dt);
    return r;
}

/* ------------------------------------------------------ masked copies */

typedef struct mcopy_ctx { size_t isz; } mcopy_ctx;

/* ptrs: 0 dst, 1 mask (bool), 2 src. */
static inline __attribute__((always_inline)) void mcopy_loop(char **p, int64_t n, const int64_t *s, size_t isz) {
    for (int64_t k = 0; k < n; k++)
        if (p[1][k * s[1]]) memcpy(p[0] + k * s[0], p[2] + k * s[2], isz);
}

static int mcopy_kernel(char **p, int64_t n, const int64_t *s, void *ud) {
    switch (((mcopy_ctx *)ud)->isz) {
    case 1: mcopy_loop(p, n, s, 1); break;
    case 2: mcopy_loop(p, n, s, 2); break;
    case 4: mcopy_loop(p, n, s, 4); break;
    case 8: mcopy_loop(p, n, s, 8); break;
    case 16: mcopy_loop(p, n, s, 16); break;
    default: mcopy_loop(p, n, s, ((mcopy_ctx *)ud)->isz);
    }
    return 0;
}

/* dst[mask] = src elementwise, mask and src broadcast to dst's shape (which must not
 * grow).  src is cast unsafe here; the caller checks casting. */
static int masked_assign(nd_array *dst, const nd_array *src, const nd_array *mask) {
    if (!nd__check_writeable(dst)) return -1;
    const nd_array *bops[3] = { dst, mask, src };
    int nd;
    int64_t shape[ND_MAXDIMS], st[3][ND_MAXDIMS];
    if (nd__broadcast(3, bops, &nd, shape, st) < 0) return -1;
    if (nd != dst->ndim || memcmp(shape, dst->shape, (size_t)nd * sizeof(int64_t)) != 0) {
        char b1[512], b2[512];
        const nd_array *o = nd != dst->ndim || !nd_size(mask) ? src : mask;
        return nd_error_set(ND_ERR_VALUE, "could not broadcast input array from shape %s into shape %s",
                            nd__shape_str(b1, sizeof b1, o->ndim, o->shape), nd__shape_str(b2, sizeof b2, dst->ndim, dst->shape));
    }
    nd_array *sc = as_dtype(src, dst->dtype);
    if (sc && sc == src && nd_may_share_memory(dst, sc)) { nd_free(sc); sc = nd_copy(src, 'K'); }
    nd_array *t = nd__truth(mask);
    int r = -1;
    if (sc && t) {
        mcopy_ctx c = { (size_t)dst->dtype->itemsize };
        const nd_array *ops[3] = { dst, t, sc };
        r = nd__iter_run(3, ops, false, mcopy_kernel, &c);
    }
    nd_free(sc); nd_free(t);
    return r;
}

static int cast_error(const nd_dtype_t *from, const nd_dtype_t *to, nd_casting casting) {
    static const char *const names[] = { "same_kind", "no", "equiv", "safe", "same_kind", "unsafe" };
    return nd_error_set(ND_ERR_TYPE, "Cannot cast array data from dtype('%s') to dtype('%s') according to the rule '%s'",
                        nd__is_numeric(from) ? from->name : from->str, nd__is_numeric(to) ? to->name : to->str,
                        names[casting]);
}

int nd_copyto_where(nd_array *dst, const nd_array *src, nd_casting casting, const nd_array *where) {
    if (!dst || !src) return nd_error_set(ND_ERR_VALUE, "copyto: arrays must not be NULL");
    if (!where) return nd_copyto(dst, src, casting);
    if (casting == ND_CASTING_DEFAULT) casting = ND_CASTING_SAME_KIND;
    if (!nd_can_cast(src->dtype, dst->dtype, casting)) return cast_error(src->dtype, dst->dtype, casting);
    if (where->dtype->type != ND_TYPE_BOOL)
        return cast_error(where->dtype, ND_BOOL, ND_CASTING_SAFE);
    return masked_assign(dst, src, where);
}

/* ------------------------------------------------------------ select */

nd_array *nd_select_ex(int n, const nd_array *const *condlist, const nd_array *const *choicelist,
                       const nd_select_opts *o) {
    if (n <= 0) return nd__err(ND_ERR_VALUE, "select with an empty condition list is not possible");
    if (!condlist || !choicelist) return nd__err(ND_ERR_VALUE, "list of cases must be same length as list of conditions");
    const nd_array *dflt = o ? o->default_value : NULL;
    const nd_dtype_t *dts[ND_ITER_MAXOP * 4 + 1];
    if (n > ND_ITER_MAXOP * 4) return nd__err(ND_ERR_VALUE, "select: too many choices");
    for (int k = 0; k < n; k++) {
        if (!condlist[k] || !choicelist[k]) return nd__err(ND_ERR_VALUE, "select: NULL array in the lists");
        if (condlist[k]->dtype->type != ND_TYPE_BOOL)
            return nd__err(ND_ERR_TYPE, "invalid entry %d in condlist: should be boolean ndarray", k);
        dts[k] = choicelist[k]->dtype;
    }
    int nd_ = n;
    if (dflt) dts[nd_++] = dflt->dtype;
    const nd_dtype_t *dt = nd_result_type(nd_, dts);
    if (!dt) return NULL;
    /* the broadcast shape of everything */
    int64_t shape[ND_MAXDIMS];
    int ndim = 0;
    nd_shape_t shp[2 * ND_ITER_MAXOP * 4 + 1];
    int ns = 0;
    for (int k = 0; k < n; k++) {
        shp[ns++] = nd_shape_of(condlist[k]);
        shp[ns++] = nd_shape_of(choicelist[k]);
    }
    if (dflt) shp[ns++] = nd_shape_of(dflt);
    nd_array *r = NULL;
    if ((ndim = nd_broadcast_shapes(ns, shp, shape)) >= 0 && (r = nd__new(dt, ndim, shape, 'C', true))) {
        int rc = dflt ? nd__assign(r, dflt) : 0;
        /* reversed, so the first true condition wins */
        for (int k = n - 1; k >= 0 && rc == 0; k--) rc = masked_assign(r, choicelist[k], condlist[k]);
        if (rc < 0) { nd_free(r); r = NULL; }
    }
    nd_dtype_free(dt);
    return r;
}

/* ---------------------------------------------------------- piecewise */

typedef struct or_ctx { int dummy; } or_ctx;
static int not_or_loop(char **p, int64_t n, const int64_t *s, void *ud) {
    for (int64_t k = 0; k < n; k++) {
        bool *d = (bool *)(p[0] + k * s[0]);
        *d = *d && !p[1][k * s[1]];
    }
    return 0;
}

nd_array *nd_piecewise(const nd_array *x, int ncond, const nd_array *const *condlist, int nfuncs,
                       const nd_piece *funclist) {
    if (!x || (ncond > 0 && !condlist) || (nfuncs > 0 && !funclist))
        return nd__err(ND_ERR_VALUE, "piecewise: arguments must not be NULL");
    if (ncond < 0 || (nfuncs != ncond && nfuncs != ncond + 1))
        return nd__err(ND_ERR_VALUE, "with %d condition(s), either %d or %d functions are expected", ncond, ncond, ncond + 1);
    nd_array *y = nd_zeros_like(x, .order = 'C');
    nd_array *other = NULL;
    if (!y) return NULL;
    if (nfuncs == ncond + 1) { /* "otherwise": none of the conditions */
        if (!(other = nd_ones_like(x, .dtype = ND_BOOL, .order = 'C'))) goto fail;
        for (int k = 0; k < ncond; k++) {
            if (!condlist[k]) { nd__err(ND_ERR_VALUE, "piecewise: NULL condition"); goto fail; }
            const nd_array *ops[2] = { other, condlist[k] };
            if (nd__iter_run(2, ops, false, not_or_loop, NULL) < 0) goto fail;
        }
    }
    for (int k = 0; k < nfuncs; k++) {
        const nd_array *c = k < ncond ? condlist[k] : other;
        if (!c) { nd__err(ND_ERR_VALUE, "piecewise: NULL condition"); goto fail; }
        nd_index item = ND_A(c);
        const nd_piece *f = &funclist[k];
        int rc;
        if (!f->fn) {
            rc = nd_index_set_value(y, 1, &item, f->value);
        } else {
            nd_array *vals = nd_index_get(x, 1, &item);
            if (!vals) goto fail;
            nd_array *res = f->fn(vals, f->userdata);
            nd_free(vals);
            if (!res) {
                if (nd_error() == ND_OK) nd__err(ND_ERR_VALUE, "piecewise: function %d failed", k);
                goto fail;
            }
            rc = nd_index_set(y, 1, &item, res);
            nd_free(res);
        }
        if (rc < 0) goto fail;
    }
    nd_free(other);
    return y;
fail:
    nd_free(other);
    nd_free(y);
    return NULL;
}

/* ------------------------------------------------- extract, place, putmask */

nd_array *nd_extract(const nd_array *condition, const nd_array *arr) {
    if (!condition || !arr) return nd__err(ND_ERR_VALUE, "extract: arrays must not be NULL");
    nd_array *idx = flat_true(condition);
    if (!idx) return NULL;
    nd_array *r = nd_take(arr, idx);
    nd_free(idx);
    return r;
}

typedef struct cyc_ctx { const char *v; int64_t nv, j, pos; size_t isz; bool by_pos; } cyc_ctx;

/* ptrs: 0 dst, 1 mask; values cycled by count of trues (place) or by flat position
 * (putmask). */
static int cyc_loop(char **p, int64_t n, const int64_t *s, void *ud) {
    cyc_ctx *c = ud;
    for (int64_t k = 0; k < n; k++) {
        if (!p[1][k * s[1]]) continue;
        int64_t i = c->by_pos ? (c->pos + k) % c->nv : c->j++ % c->nv;
        memcpy(p[0] + k * s[0], c->v + i * (int64_t)c->isz, c->isz);
    }
    c->pos += n;
    return 0;
}

static int cycle_assign(nd_array *arr, const nd_array *mask, const nd_array *vals, bool by_pos) {
    if (!nd__check_writeable(arr)) return -1;
    /* NumPy converts vals to arr's dtype without forcing: a safe cast or a TypeError */
    if (!nd_can_cast(vals->dtype, arr->dtype, ND_CASTING_SAFE)) return cast_error(vals->dtype, arr->dtype, ND_CASTING_SAFE);
    nd_array *t = nd__truth(mask), *tm = NULL, *vc = NULL, *vf = NULL;
    int r = -1;
    if (!t) return -1;
    if (!(tm = nd_reshape(t, nd_shape_of(arr)))) goto done;
    int64_t cnt = nd__count_true(tm);
    if (!(vc = as_dtype(vals, arr->dtype)) || !(vf = nd_flatten(vc, 'C'))) goto done;
    if (nd_size(vf) == 0) {
        if (cnt > 0 && !by_pos) { nd_error_set(ND_ERR_VALUE, "Cannot insert from an empty array!"); goto done; }
        r = 0;
        goto done;
    }
    cyc_ctx c = { vf->data, nd_size(vf), 0, 0, (size_t)arr->dtype->itemsize, by_pos };
    const nd_array *ops[2] = { arr, tm };
    r = nd__iter_run(2, ops, true, cyc_loop, &c);
done:
    nd_free(t); nd_free(tm); nd_free(vc); nd_free(vf);
    return r;
}

int nd_place(nd_array *arr, const nd_array *mask, const nd_array *vals) {
    if (!arr || !mask || !vals) return nd_error_set(ND_ERR_VALUE, "place: arrays must not be NULL");
    if (nd_size(mask) != nd_size(arr)) return nd_error_set(ND_ERR_VALUE, "place: mask and data must be the same size");
    return cycle_assign(arr, mask, vals, false);
}

int nd_putmask(nd_array *a, const nd_array *mask, const nd_array *values) {
    if (!a || !mask || !values) return nd_error_set(ND_ERR_VALUE, "putmask: arrays must not be NULL");
    if (nd_size(mask) != nd_size(a)) return nd_error_set(ND_ERR_VALUE, "putmask: mask and data must be the same size");
    return cycle_assign(a, mask, values, true);
}
