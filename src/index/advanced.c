/* Advanced indexing: integer arrays and boolean masks mixed with basic items.
 *
 * Plan: every advanced item is replaced by a full slice (a 0-d mask by a newaxis) and
 * the basic view V of a is taken; the "fancy" axes of V are then indexed by int64
 * arrays broadcast to one shape B.  The result is B in place of the fancy axes (or in
 * front of everything when the advanced items are not adjacent), with V's other axes
 * (the subspace S) around it.  One iterator walks (B, S): per element the source is
 * V's data + (offset of the fancy indices) + (subspace offset).  With one index array
 * the offset is computed inline; with several, an int64 offset array of shape B is
 * built first. */
#include "index/index_priv.h"
#include "ufunc/ufunc_internal.h" /* nd__scalar_to */

#define INDEX_TYPE_ERR "arrays used as indices must be of integer (or boolean) type"

/* ---------------------------------------------------------- small helpers */

nd_array *nd__scalar_array(nd_value v, const nd_dtype_t *d) {
    if (!d) d = nd__value_dtype(v);
    nd_array *r = nd__new(d, 0, NULL, 'C', true);
    /* nd__scalar_to: NEP 50's OverflowError for a C integer that does not fit d */
    if (r && nd__scalar_to(d, v, r->data) < 0) { nd_free(r); return NULL; }
    return r;
}

static int truth_flex(char **p, int64_t n, const int64_t *s, void *ud) {
    int64_t isz = *(const int64_t *)ud;
    for (int64_t k = 0; k < n; k++) {
        const char *e = p[1] + k * s[1];
        bool t = false;
        for (int64_t b = 0; b < isz && !t; b++) t = e[b] != 0;
        *(bool *)(p[0] + k * s[0]) = t;
    }
    return 0;
}

nd_array *nd__truth(const nd_array *a) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (a->dtype->type == ND_TYPE_BOOL) return nd_ref((nd_array *)a);
    if (nd__is_numeric(a->dtype)) return nd_astype(a, ND_BOOL);
    nd_array *r = nd__new(ND_BOOL, a->ndim, a->shape, 'C', false);
    if (!r) return NULL;
    int64_t isz = a->dtype->itemsize;
    const nd_array *ops[2] = { r, a };
    if (nd__iter_run(2, ops, false, truth_flex, &isz) < 0) { nd_free(r); return NULL; }
    return r;
}

static int count_loop(char **p, int64_t n, const int64_t *s, void *ud) {
    int64_t c = 0;
    const char *m = p[0];
    if (s[0] == 1) for (int64_t k = 0; k < n; k++) c += m[k] != 0;
    else for (int64_t k = 0; k < n; k++) c += m[k * s[0]] != 0;
    *(int64_t *)ud += c;
    return 0;
}

int64_t nd__count_true(const nd_array *mask) {
    int64_t c = 0;
    const nd_array *ops[1] = { mask };
    if (nd__iter_run(1, ops, false, count_loop, &c) < 0) return -1;
    return c;
}

/* Index arrays as int64 (a new handle); float and other types are NumPy's IndexError. */
static nd_array *as_intp(const nd_array *x) {
    if (!nd_dtype_is_integer(x->dtype)) return nd__err(ND_ERR_INDEX, INDEX_TYPE_ERR);
    if (x->dtype->type == ND_TYPE_INT64) return nd_ref((nd_array *)x);
    return nd_astype(x, ND_INT64);
}

/* -------------------------------------------------- the typed copy kernels */

/* One element copy of a size known at compile time after inlining. */
#define COPY_ELEM(d, s, isz) memcpy((d), (s), (isz))

typedef struct gather_ctx {
    size_t isz;
    int64_t len, stride; /* fancy axis length (for negative wrap) and byte stride */
    bool wrap;           /* false: the index operand holds byte offsets already */
} gather_ctx;

/* ptrs: 0 result, 1 index (int64), 2 source base.  Inlined per item size. */
static inline __attribute__((always_inline)) void gather_loop(char **p, int64_t n, const int64_t *s,
                                                              const gather_ctx *c, size_t isz) {
    char *d = p[0];
    const char *ip = p[1], *b = p[2];
    for (int64_t k = 0; k < n; k++) {
        int64_t i;
        memcpy(&i, ip + k * s[1], 8);
        if (c->wrap && i < 0) i += c->len;
        COPY_ELEM(d + k * s[0], b + k * s[2] + i * c->stride, isz);
    }
}

/* ptrs: 0 destination base, 1 index (int64), 2 value. */
static inline __attribute__((always_inline)) void scatter_loop(char **p, int64_t n, const int64_t *s,
                                                               const gather_ctx *c, size_t isz) {
    char *b = p[0];
    const char *ip = p[1], *v = p[2];
    for (int64_t k = 0; k < n; k++) {
        int64_t i;
        memcpy(&i, ip + k * s[1], 8);
        if (c->wrap && i < 0) i += c->len;
        COPY_ELEM(b + k * s[0] + i * c->stride, v + k * s[2], isz);
    }
}

#define SIZE_DISPATCH(fn, p, n, s, c) do { switch ((c)->isz) { \
    case 1: fn(p, n, s, c, 1); break; case 2: fn(p, n, s, c, 2); break; \
    case 4: fn(p, n, s, c, 4); break; case 8: fn(p, n, s, c, 8); break; \
    case 16: fn(p, n, s, c, 16); break; default: fn(p, n, s, c, (c)->isz); } } while (0)

static int gather_kernel(char **p, int64_t n, const int64_t *s, void *ud) {
    SIZE_DISPATCH(gather_loop, p, n, s, (const gather_ctx *)ud);
    return 0;
}
static int scatter_kernel(char **p, int64_t n, const int64_t *s, void *ud) {
    SIZE_DISPATCH(scatter_loop, p, n, s, (const gather_ctx *)ud);
    return 0;
}

/* The direct take, NumPy's own loop: a C-contiguous source seen as (outer, len, chunk
 * bytes) and C-contiguous int64 indices; result[o, j, :] = src[o, idx[j], :] with the
 * bounds check fused in.  Random gathers are bound by cache misses: prefetching the
 * element a few indices ahead keeps more misses in flight than the out-of-order window
 * does on its own (the index load, check and copy of each element are ~10 uops). */
#define TAKE_PREFETCH 16

typedef struct take_geom { int64_t outer, len, nidx; size_t chunk; int axis; } take_geom;

static inline __attribute__((always_inline)) int take_loop(char *d, const char *src, const int64_t *ix,
                                                           const take_geom *g, size_t chunk) {
    int64_t len = g->len, n = g->nidx;
    for (int64_t o = 0; o < g->outer; o++, src += len * (int64_t)chunk) {
        int64_t k = 0;
        for (; k < n; k++, d += chunk) {
            if (k + TAKE_PREFETCH < n) __builtin_prefetch(src + ix[k + TAKE_PREFETCH] * (int64_t)chunk);
            int64_t i = ix[k];
            if (i < 0) i += len;
            if ((uint64_t)i >= (uint64_t)len)
                return nd_error_set(ND_ERR_INDEX, "index %lld is out of bounds for axis %d with size %lld",
                                    (long long)ix[k], g->axis, (long long)len);
            memcpy(d, src + i * (int64_t)chunk, chunk);
        }
    }
    return 0;
}

static int take_direct(char *d, const char *src, const int64_t *ix, const take_geom *g) {
    switch (g->chunk) { /* constant sizes become single moves */
    case 1: return take_loop(d, src, ix, g, 1);
    case 2: return take_loop(d, src, ix, g, 2);
    case 4: return take_loop(d, src, ix, g, 4);
    case 8: return take_loop(d, src, ix, g, 8);
    case 16: return take_loop(d, src, ix, g, 16);
    default: return take_loop(d, src, ix, g, g->chunk);
    }
}

nd_array *nd__take_fast(const nd_array *src, const nd_array *idx, int axis, int msg_axis, bool *fail) {
    *fail = false;
    if (!(src->flags & ND_C_CONTIGUOUS) || !(idx->flags & ND_C_CONTIGUOUS) || idx->dtype->type != ND_TYPE_INT64)
        return NULL;
    int rnd = src->ndim - 1 + idx->ndim;
    if (rnd > ND_MAXDIMS) return NULL; /* the general path reports it */
    int64_t shape[ND_MAXDIMS];
    take_geom g = { 1, src->shape[axis], nd_size(idx), (size_t)src->dtype->itemsize, msg_axis };
    int r = 0;
    for (int k = 0; k < axis; k++) { shape[r++] = src->shape[k]; g.outer *= src->shape[k]; }
    for (int k = 0; k < idx->ndim; k++) shape[r++] = idx->shape[k];
    for (int k = axis + 1; k < src->ndim; k++) { shape[r++] = src->shape[k]; g.chunk *= (size_t)src->shape[k]; }
    if (g.len == 0 && g.nidx > 0) { /* np.take's own wording */
        *fail = true;
        return nd__err(ND_ERR_INDEX, "cannot do a non-empty take from an empty axes.");
    }
    nd_array *res = nd__new(src->dtype, rnd, shape, 'C', false);
    if (!res) { *fail = true; return NULL; }
    if (g.outer && g.nidx && take_direct(res->data, src->data, (const int64_t *)idx->data, &g) < 0) {
        nd_free(res);
        *fail = true;
        return NULL;
    }
    return res;
}

/* ------------------------------------------------------ index validation */

typedef struct check_ctx { int64_t len; int axis; } check_ctx;

static int check_loop(char **p, int64_t n, const int64_t *s, void *ud) {
    const check_ctx *c = ud;
    const char *ip = p[0];
    int64_t len = c->len;
    for (int64_t k = 0; k < n; k++) {
        int64_t i;
        memcpy(&i, ip + k * s[0], 8);
        /* unsigned compare: one branch for both ends */
        if ((uint64_t)(i < 0 ? i + len : i) >= (uint64_t)len)
            return nd_error_set(ND_ERR_INDEX, "index %lld is out of bounds for axis %d with size %lld",
                                (long long)i, c->axis, (long long)len);
    }
    return 0;
}

int nd__check_indices(const nd_array *idx, int64_t len, int axis) {
    check_ctx c = { len, axis };
    const nd_array *ops[1] = { idx };
    return nd__iter_run(1, ops, false, check_loop, &c);
}

/* offsets (op 0) += normalized index (op 1) * stride, checking bounds. */
typedef struct offs_ctx { int64_t len, stride; int axis; } offs_ctx;
static int offs_loop(char **p, int64_t n, const int64_t *s, void *ud) {
    const offs_ctx *c = ud;
    for (int64_t k = 0; k < n; k++) {
        int64_t i;
        memcpy(&i, p[1] + k * s[1], 8);
        int64_t j = i < 0 ? i + c->len : i;
        if ((uint64_t)j >= (uint64_t)c->len)
            return nd_error_set(ND_ERR_INDEX, "index %lld is out of bounds for axis %d with size %lld",
                                (long long)i, c->axis, (long long)c->len);
        *(int64_t *)(p[0] + k * s[0]) += j * c->stride;
    }
    return 0;
}

/* ------------------------------------------------------------- the plan */

typedef struct plan {
    nd_array *view;             /* the basic view V */
    int m;                      /* fancy axes */
    int vax[ND_MAXDIMS];        /* their axes in V */
    int aax[ND_MAXDIMS];        /* the axis of a each one indexes (messages) */
    nd_array *idx[ND_MAXDIMS];  /* int64 index arrays, owned */
    int bnd;                    /* broadcast shape B of the index arrays */
    int64_t bshape[ND_MAXDIMS];
    int64_t (*bstr)[ND_MAXDIMS];/* m rows of broadcast strides */
    int nsub;                   /* the subspace S: V's other axes, in order */
    int sax[ND_MAXDIMS];
    bool front;                 /* B goes first (advanced items not adjacent) */
    int insert;                 /* else: number of S axes before B */
    int rnd;                    /* result shape */
    int64_t rshape[ND_MAXDIMS];
    int rax_b[ND_MAXDIMS], rax_s[ND_MAXDIMS]; /* result axis of each B / S axis */
} plan;

static void plan_free(plan *P) {
    nd_free(P->view);
    for (int j = 0; j < P->m; j++) nd_free(P->idx[j]);
    nd__dealloc(P->bstr);
}

/* Fill P from a[items]; returns 0 or -1 (P is then still freeable). */
static int plan_build(plan *P, const nd_array *a, int n, const nd_index *items) {
    memset(P, 0, sizeof *P);
    int consumed = 0, ellipses = 0, first_adv = -1, last_adv = -1, nadv = 0, nbasic = 0;
    for (int i = 0; i < n; i++) {
        const nd_index *x = &items[i];
        switch ((int)x->kind) {
        case ND_INDEX_INT: consumed++; break;
        case ND_INDEX_SLICE: consumed++; break;
        case ND_INDEX_NEWAXIS: break;
        case ND_INDEX_ELLIPSIS: ellipses++; break;
        case ND_INDEX_ARRAY: {
            const nd_array *arr = nd_index_array(x);
            if (!arr) return nd_error_set(ND_ERR_VALUE, "index array must not be NULL");
            if (arr->dtype->type == ND_TYPE_BOOL) consumed += arr->ndim;
            else if (!nd_dtype_is_integer(arr->dtype)) return nd_error_set(ND_ERR_INDEX, INDEX_TYPE_ERR);
            else consumed++;
            break;
        }
        default:
            return nd_error_set(ND_ERR_INDEX, "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices");
        }
        if (x->kind == ND_INDEX_INT || x->kind == ND_INDEX_ARRAY) {
            if (first_adv < 0) first_adv = i;
            last_adv = i;
            nadv++;
        }
    }
    if (ellipses > 1) return nd_error_set(ND_ERR_INDEX, "an index can only have a single ellipsis ('...')");
    if (consumed > a->ndim)
        return nd_error_set(ND_ERR_INDEX, "too many indices for array: array is %d-dimensional, but %d were indexed",
                            a->ndim, consumed);
    P->front = last_adv - first_adv + 1 != nadv;

    nd_index *bi = nd__alloc((size_t)(n + ND_MAXDIMS) * sizeof(nd_index));
    if (!bi) { nd__nomem(); return -1; }
    int vpos = 0, ax = 0;
    bool mark[ND_MAXDIMS] = { false };
    for (int i = 0; i < n; i++) {
        const nd_index *x = &items[i];
        if (x->kind == ND_INDEX_INT) { bi[nbasic++] = *x; ax++; continue; }
        if (x->kind == ND_INDEX_SLICE) { bi[nbasic++] = *x; ax++; vpos++; continue; }
        if (x->kind == ND_INDEX_NEWAXIS) { bi[nbasic++] = *x; vpos++; continue; }
        if (x->kind == ND_INDEX_ELLIPSIS) {
            int k = a->ndim - consumed;
            bi[nbasic++] = *x;
            vpos += k; ax += k;
            continue;
        }
        const nd_array *arr = nd_index_array(x);
        if (vpos >= ND_MAXDIMS) break; /* the view call reports the dimension limit */
        if (arr->dtype->type != ND_TYPE_BOOL) {
            bi[nbasic++] = ND_ALL;
            P->vax[P->m] = vpos; P->aax[P->m] = ax;
            if (!(P->idx[P->m] = as_intp(arr))) goto fail;
            P->m++; vpos++; ax++;
        } else if (arr->ndim == 0) {
            /* a 0-d mask: a new axis of length 1 indexed by [0] (True) or [] (False) */
            bi[nbasic++] = ND_NEWAXIS;
            int64_t len = *(const bool *)arr->data ? 1 : 0;
            nd_array *z = nd__new(ND_INT64, 1, &len, 'C', true);
            if (!z) goto fail;
            P->vax[P->m] = vpos; P->aax[P->m] = -1; P->idx[P->m] = z;
            P->m++; vpos++;
        } else {
            for (int k = 0; k < arr->ndim; k++)
                if (arr->shape[k] != a->shape[ax + k]) {
                    nd_error_set(ND_ERR_INDEX, "boolean index did not match indexed array along axis %d; "
                                 "size of axis is %lld but size of corresponding boolean axis is %lld",
                                 ax + k, (long long)a->shape[ax + k], (long long)arr->shape[k]);
                    goto fail;
                }
            nd_array *nz[ND_MAXDIMS];
            if (arr->ndim + P->m > ND_MAXDIMS || nd_nonzero(arr, nz) < 0) goto fail;
            for (int k = 0; k < arr->ndim; k++) {
                bi[nbasic++] = ND_ALL;
                P->vax[P->m] = vpos; P->aax[P->m] = ax; P->idx[P->m] = nz[k];
                P->m++; vpos++; ax++;
            }
        }
    }
    P->view = nd_index_get(a, nbasic, bi);
    nd__dealloc(bi);
    bi = NULL;
    if (!P->view) return -1;

    /* broadcast the index arrays */
    P->bstr = nd__alloc((size_t)(P->m ? P->m : 1) * sizeof *P->bstr);
    if (!P->bstr) { nd__nomem(); return -1; }
    if (nd__broadcast(P->m, (const nd_array *const *)P->idx, &P->bnd, P->bshape, P->bstr) < 0) {
        char msg[1024], buf[512];
        int len = snprintf(msg, sizeof msg, "shape mismatch: indexing arrays could not be broadcast together with shapes ");
        for (int j = 0; j < P->m && len < (int)sizeof msg; j++)
            len += snprintf(msg + len, sizeof msg - (size_t)len, "%s ",
                            nd__shape_str(buf, sizeof buf, P->idx[j]->ndim, P->idx[j]->shape));
        nd_error_set(ND_ERR_INDEX, "%s", msg);
        return -1;
    }
    for (int j = 0; j < P->m; j++) mark[P->vax[j]] = true;
    for (int d = 0; d < P->view->ndim; d++) {
        if (mark[d]) continue;
        if (!P->front && P->m && d < P->vax[0]) P->insert++;
        P->sax[P->nsub++] = d;
    }
    P->rnd = P->bnd + P->nsub;
    if (P->rnd > ND_MAXDIMS) return nd_error_set(ND_ERR_INDEX, "number of dimensions must be within [0, %d]", ND_MAXDIMS);
    int pre = P->front ? 0 : P->insert;
    for (int d = 0; d < P->bnd; d++) P->rax_b[d] = pre + d;
    for (int j = 0; j < P->nsub; j++) P->rax_s[j] = (P->front || j >= P->insert) ? j + P->bnd : j;
    for (int d = 0; d < P->bnd; d++) P->rshape[P->rax_b[d]] = P->bshape[d];
    for (int j = 0; j < P->nsub; j++) P->rshape[P->rax_s[j]] = P->view->shape[P->sax[j]];
    return 0;
fail:
    nd__dealloc(bi);
    return -1;
}

/* The index operand of the walk: the one index array (checked; negatives wrapped by
 * the kernel), or the int64 byte offsets of all of them (shape B).  *ctx is set up. */
static nd_array *plan_offsets(plan *P, int64_t (**str)[ND_MAXDIMS], gather_ctx *ctx) {
    ctx->isz = (size_t)P->view->dtype->itemsize;
    if (P->m == 1) {
        int ax = P->vax[0];
        if (nd__check_indices(P->idx[0], P->view->shape[ax], P->aax[0]) < 0) return NULL;
        ctx->wrap = true;
        ctx->len = P->view->shape[ax];
        ctx->stride = P->view->strides[ax];
        *str = &P->bstr[0];
        return nd_ref(P->idx[0]);
    }
    nd_array *off = nd__new(ND_INT64, P->bnd, P->bshape, 'C', true);
    if (!off) return NULL;
    for (int j = 0; j < P->m; j++) {
        int ax = P->vax[j];
        offs_ctx oc = { P->view->shape[ax], P->view->strides[ax], P->aax[j] };
        const nd_array *ops[2] = { off, P->idx[j] };
        if (nd__iter_run(2, ops, false, offs_loop, &oc) < 0) { nd_free(off); return NULL; }
    }
    ctx->wrap = false;
    ctx->len = 0;
    ctx->stride = 1;
    *str = NULL; /* C-contiguous of shape B */
    return off;
}

/* Walk (B, S): op 0 = dst geometry (strides in result order given by rstr), op 1 = the
 * index operand, op 2 = V's data. */
static int plan_walk(plan *P, const nd_array *idx, const int64_t *idx_bstr, char *d0, const int64_t *rstr,
                     bool c_order, nd__loop_fn fn, gather_ctx *ctx, char *d2, const int64_t *vstr) {
    int nd = P->rnd;
    int64_t shape[ND_MAXDIMS], s0[ND_MAXDIMS], s1[ND_MAXDIMS], s2[ND_MAXDIMS];
    int64_t cstr[ND_MAXDIMS];
    if (!idx_bstr) { /* C-contiguous offsets of shape B */
        int64_t st = 8;
        for (int d = P->bnd - 1; d >= 0; d--) { cstr[d] = P->bshape[d] == 1 ? 0 : st; st *= P->bshape[d]; }
        idx_bstr = cstr;
    }
    for (int d = 0; d < P->bnd; d++) {
        shape[d] = P->bshape[d];
        s0[d] = rstr[P->rax_b[d]];
        s1[d] = idx_bstr[d];
        s2[d] = 0;
    }
    for (int j = 0; j < P->nsub; j++) {
        int d = P->bnd + j;
        shape[d] = P->view->shape[P->sax[j]];
        s0[d] = rstr[P->rax_s[j]];
        s1[d] = 0;
        s2[d] = vstr ? vstr[P->sax[j]] : 0;
    }
    char *data[3] = { d0, idx->data, d2 };
    const int64_t *sp[3] = { s0, s1, s2 };
    nd__iter it;
    if (nd__iter_prepare(&it, 3, nd, shape, data, sp, c_order) < 0) return -1;
    int64_t n;
    while ((n = nd__iter_next(&it)) > 0)
        if (fn(it.ptr, n, it.inner_strides, ctx) < 0) return -1;
    return 0;
}

/* ------------------------------------------------------- mask fast path */

typedef struct compact_ctx { char *out; int64_t j, count; size_t isz; } compact_ctx;

static inline __attribute__((always_inline)) void compact_loop(char **p, int64_t n, const int64_t *s,
                                                               compact_ctx *c, size_t isz) {
    const char *src = p[0], *m = p[1];
    char *out = c->out;
    int64_t j = c->j, cnt = c->count;
    /* branch-free: always copy, advance on true; stop once every true was seen */
    for (int64_t k = 0; k < n && j < cnt; k++) {
        COPY_ELEM(out + j * (int64_t)isz, src + k * s[0], isz);
        j += m[k * s[1]] != 0;
    }
    c->j = j;
}

static int compact_kernel(char **p, int64_t n, const int64_t *s, void *ud) {
    SIZE_DISPATCH(compact_loop, p, n, s, (compact_ctx *)ud);
    return 0;
}

/* a[mask] with mask.shape == a.shape. */
static nd_array *mask_get(const nd_array *a, const nd_array *mask) {
    for (int k = 0; k < a->ndim; k++)
        if (mask->shape[k] != a->shape[k])
            return nd__err(ND_ERR_INDEX, "boolean index did not match indexed array along axis %d; "
                           "size of axis is %lld but size of corresponding boolean axis is %lld",
                           k, (long long)a->shape[k], (long long)mask->shape[k]);
    int64_t cnt = nd__count_true(mask);
    if (cnt < 0) return NULL;
    nd_array *r = nd__new(a->dtype, 1, &cnt, 'C', false);
    if (!r || cnt == 0) return r;
    compact_ctx c = { r->data, 0, cnt, (size_t)a->dtype->itemsize };
    const nd_array *ops[2] = { a, mask };
    if (nd__iter_run(2, ops, true, compact_kernel, &c) < 0) { nd_free(r); return NULL; }
    return r;
}

typedef struct mset_ctx { const char *v; int64_t vs; size_t isz; } mset_ctx;

static inline __attribute__((always_inline)) void mset_loop(char **p, int64_t n, const int64_t *s,
                                                            mset_ctx *c, size_t isz) {
    char *d = p[0];
    const char *m = p[1];
    if (c->vs == 0) { /* one value: a select store the compiler can vectorize */
        const char *one = c->v;
        for (int64_t k = 0; k < n; k++)
            if (m[k * s[1]]) COPY_ELEM(d + k * s[0], one, isz);
        return;
    }
    const char *v = c->v;
    for (int64_t k = 0; k < n; k++)
        if (m[k * s[1]]) { COPY_ELEM(d + k * s[0], v, isz); v += c->vs; }
    c->v = v;
}

static int mset_kernel(char **p, int64_t n, const int64_t *s, void *ud) {
    SIZE_DISPATCH(mset_loop, p, n, s, (mset_ctx *)ud);
    return 0;
}

/* a[mask] = v (v already of a's dtype, 1-d or 0-d, not overlapping a). */
static int mask_set(nd_array *a, const nd_array *mask, const nd_array *v) {
    for (int k = 0; k < a->ndim; k++)
        if (mask->shape[k] != a->shape[k])
            return nd_error_set(ND_ERR_INDEX, "boolean index did not match indexed array along axis %d; "
                                "size of axis is %lld but size of corresponding boolean axis is %lld",
                                k, (long long)a->shape[k], (long long)mask->shape[k]);
    int64_t vn = nd_size(v);
    mset_ctx c = { v->data, v->ndim ? v->strides[0] : 0, (size_t)a->dtype->itemsize };
    if (vn != 1) {
        int64_t cnt = nd__count_true(mask);
        if (cnt < 0) return -1;
        if (cnt != vn)
            return nd_error_set(ND_ERR_VALUE, "NumPy boolean array indexing assignment cannot assign %lld input "
                                "values to the %lld output values where the mask is true",
                                (long long)vn, (long long)cnt);
    } else {
        c.vs = 0;
    }
    const nd_array *ops[2] = { a, mask };
    return nd__iter_run(2, ops, true, mset_kernel, &c);
}

/* --------------------------------------------------------- get and set */

nd_array *nd__adv_get(const nd_array *a, int n, const nd_index *items) {
    if (n == 1 && items[0].kind == ND_INDEX_ARRAY) {
        const nd_array *m = nd_index_array(&items[0]);
        if (m && m->dtype->type == ND_TYPE_BOOL && m->ndim >= 1 && m->ndim == a->ndim) return mask_get(a, m);
    }
    plan P;
    nd_array *r = NULL, *idx = NULL;
    if (plan_build(&P, a, n, items) < 0) goto done;
    /* one index array in place: the direct take when the layouts allow (an empty
     * axis or an empty result keep the general path and its messages) */
    if (P.m == 1 && !P.front && P.view->shape[P.vax[0]] > 0) {
        bool fail = false;
        int64_t rsize = 1;
        for (int d = 0; d < P.rnd; d++) rsize *= P.rshape[d];
        if (rsize > 0 && ((r = nd__take_fast(P.view, P.idx[0], P.vax[0], P.aax[0], &fail)) || fail)) goto done;
    }
    gather_ctx ctx;
    int64_t (*str)[ND_MAXDIMS];
    if (!(idx = plan_offsets(&P, &str, &ctx))) goto done;
    if (!(r = nd__new(a->dtype, P.rnd, P.rshape, 'C', false))) goto done;
    if (nd_size(r) && plan_walk(&P, idx, str ? *str : NULL, r->data, r->strides, false, gather_kernel, &ctx,
                                P.view->data, P.view->strides) < 0) {
        nd_free(r);
        r = NULL;
    }
done:
    nd_free(idx);
    plan_free(&P);
    return r;
}

/* The value as a's dtype and not sharing a's memory (a new handle). */
static nd_array *value_for(const nd_array *a, const nd_array *value) {
    if (!nd_dtype_equal(a->dtype, value->dtype)) return nd_astype(value, a->dtype);
    if (nd_may_share_memory(a, value)) return nd_copy(value, 'K');
    return nd_ref((nd_array *)value);
}

int nd__adv_set(nd_array *a, int n, const nd_index *items, const nd_array *value) {
    if (!nd__check_writeable(a)) return -1;
    nd_array *v = value_for(a, value);
    if (!v) return -1;
    int rc = -1;
    if (n == 1 && items[0].kind == ND_INDEX_ARRAY) {
        const nd_array *m = nd_index_array(&items[0]);
        if (m && m->dtype->type == ND_TYPE_BOOL && m->ndim >= 1 && m->ndim == a->ndim && v->ndim <= 1) {
            rc = mask_set(a, m, v);
            nd_free(v);
            return rc;
        }
    }
    plan P;
    nd_array *idx = NULL;
    if (plan_build(&P, a, n, items) < 0) goto done;
    /* the value must broadcast to the result shape */
    int64_t vstr[ND_MAXDIMS];
    bool ok = v->ndim <= P.rnd;
    for (int d = 0; ok && d < P.rnd; d++) {
        int k = d - (P.rnd - v->ndim);
        if (k < 0) { vstr[d] = 0; continue; }
        if (v->shape[k] == P.rshape[d]) vstr[d] = v->shape[k] == 1 ? 0 : v->strides[k];
        else if (v->shape[k] == 1) vstr[d] = 0;
        else ok = false;
    }
    if (!ok) {
        char b1[512], b2[512];
        nd_error_set(ND_ERR_VALUE, "shape mismatch: value array of shape %s could not be broadcast to indexing result of shape %s",
                     nd__shape_str(b1, sizeof b1, v->ndim, v->shape), nd__shape_str(b2, sizeof b2, P.rnd, P.rshape));
        goto done;
    }
    gather_ctx ctx;
    int64_t (*str)[ND_MAXDIMS];
    if (!(idx = plan_offsets(&P, &str, &ctx))) goto done;
    /* op 0 = V's data (subspace strides), op 2 = the value; C order: last write wins */
    int nd = P.rnd;
    int64_t shape[ND_MAXDIMS], s0[ND_MAXDIMS], s1[ND_MAXDIMS], s2[ND_MAXDIMS], cstr[ND_MAXDIMS];
    const int64_t *ib = str ? *str : NULL;
    if (!ib) {
        int64_t st = 8;
        for (int d = P.bnd - 1; d >= 0; d--) { cstr[d] = P.bshape[d] == 1 ? 0 : st; st *= P.bshape[d]; }
        ib = cstr;
    }
    for (int d = 0; d < P.bnd; d++) { shape[d] = P.bshape[d]; s0[d] = 0; s1[d] = ib[d]; s2[d] = vstr[P.rax_b[d]]; }
    for (int j = 0; j < P.nsub; j++) {
        int d = P.bnd + j;
        shape[d] = P.view->shape[P.sax[j]];
        s0[d] = P.view->strides[P.sax[j]];
        s1[d] = 0;
        s2[d] = vstr[P.rax_s[j]];
    }
    char *data[3] = { P.view->data, idx->data, v->data };
    const int64_t *sp[3] = { s0, s1, s2 };
    nd__iter it;
    if (nd__iter_prepare(&it, 3, nd, shape, data, sp, true) < 0) goto done;
    int64_t cnt;
    while ((cnt = nd__iter_next(&it)) > 0) scatter_kernel(it.ptr, cnt, it.inner_strides, &ctx);
    rc = 0;
done:
    nd_free(idx);
    nd_free(v);
    plan_free(&P);
    return rc;
}
