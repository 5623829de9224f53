/* sort, argsort, lexsort, sort_complex, partition, argpartition: the array side.  The
 * typed kernels (kernels.c) work on contiguous 1-d buffers; this file resolves axes
 * and kinds, walks the lanes along the axis and moves strided lanes through
 * contiguous scratch buffers. */
#include "sort/sort_priv.h"

/* ------------------------------------------------------------ options */

/* The axis of o for an array of ndim dimensions: 0 <= axis < ndim, or -2 for axis=None
 * (ND_AXIS_ALL; only when allow_none), or -1 with the error recorded. */
static int opt_axis(const nd_sort_opts *o, int ndim, bool allow_none) {
    int ax = -1;
    if (o && o->axis.n == -1) {
        if (allow_none) return -2;
        nd__err(ND_ERR_TYPE, "'NoneType' object cannot be interpreted as an integer");
        return -1;
    }
    if (o && o->axis.n > 1) {
        nd__err(ND_ERR_TYPE, "'tuple' object cannot be interpreted as an integer");
        return -1;
    }
    if (o && o->axis.n == 1) ax = o->axis.v[0];
    return nd__check_axis(ax, ndim);
}

static int opt_kind(const nd_sort_opts *o, nd_sort_kind *kind) {
    nd_sort_kind k = o ? o->kind : ND_QUICKSORT;
    if ((int)k < ND_QUICKSORT || k > ND_STABLE) {
        nd__err(ND_ERR_VALUE, "sort kind must be one of 'quick', 'heap', or 'stable' (got %d)", (int)k);
        return -1;
    }
    *kind = k;
    return 0;
}

/* ------------------------------------------------------------ lanes */

/* One lane: n elements along the axis at p[k] with byte stride s[k] per operand. */
typedef int (*lane_fn)(char *const *p, const int64_t *s, int64_t n, void *ud);

/* Call fn for every lane along `axis` of nop arrays of one shape, in the memory
 * order the iterator picks for the other axes. */
static int for_lanes(int nop, nd_array *const *ops, int axis, lane_fn fn, void *ud) {
    const nd_array *a0 = ops[0];
    int64_t n = a0->shape[axis];
    if (n == 0 || nd_size(a0) == 0) return 0;
    int64_t shape[ND_MAXDIMS], st[ND_ITER_MAXOP][ND_MAXDIMS], ls[ND_ITER_MAXOP];
    const int64_t *sp[ND_ITER_MAXOP];
    char *data[ND_ITER_MAXOP];
    int m = 0;
    for (int d = 0; d < a0->ndim; d++) {
        if (d == axis) continue;
        shape[m] = a0->shape[d];
        for (int k = 0; k < nop; k++) st[k][m] = ops[k]->strides[d];
        m++;
    }
    for (int k = 0; k < nop; k++) { sp[k] = st[k]; data[k] = ops[k]->data; ls[k] = ops[k]->strides[axis]; }
    nd__iter it;
    if (nd__iter_prepare(&it, nop, m, shape, data, sp, false) < 0) return -1;
    int64_t cnt;
    char *p[ND_ITER_MAXOP];
    while ((cnt = nd__iter_next(&it)) > 0)
        for (int64_t j = 0; j < cnt; j++) {
            for (int k = 0; k < nop; k++) p[k] = it.ptr[k] + j * it.inner_strides[k];
            if (fn(p, ls, n, ud) < 0) return -1;
        }
    return 0;
}

/* Scratch shared by the lanes of one call. */
typedef struct lane_ctx {
    const nd_dtype_t *dtype;
    const nd__sort_kernels *k;
    nd__cast_fn copy;        /* strided copy of dtype elements */
    nd_sort_kind kind;
    int64_t es;
    char *vbuf;              /* n elements */
    size_t vbytes;
    int64_t *ibuf;           /* n indices */
    size_t ibytes;
    char *tbuf;              /* n elements (strings: the gathered result) */
    size_t tbytes;
    const int64_t *kth;      /* partition: sorted positions */
    int nkth;
} lane_ctx;

static int ctx_init(lane_ctx *c, const nd_dtype_t *d, int64_t n, bool vals, bool idx, bool tmp) {
    memset(c, 0, sizeof *c);
    c->dtype = d;
    c->es = d->itemsize;
    if (!(c->k = nd__sort_kernels_for(d))) return -1;
    c->copy = nd__get_cast(d, d);
    if (vals && !(c->vbuf = nd__malloc(c->vbytes = (size_t)(n * c->es)))) return -1;
    if (idx && !(c->ibuf = nd__malloc(c->ibytes = (size_t)n * sizeof(int64_t)))) return -1;
    if (tmp && !(c->tbuf = nd__malloc(c->tbytes = (size_t)(n * c->es)))) return -1;
    return 0;
}

static void ctx_free(lane_ctx *c) {
    if (c->vbuf) nd__free(c->vbuf, c->vbytes);
    if (c->ibuf) nd__free(c->ibuf, c->ibytes);
    if (c->tbuf) nd__free(c->tbuf, c->tbytes);
}

/* Strided lane <-> contiguous buffer. */
static void gather(const lane_ctx *c, char *dst, const char *src, int64_t s, int64_t n) {
    c->copy(dst, c->es, src, s, n, c->dtype, c->dtype);
}
static void scatter(const lane_ctx *c, char *dst, int64_t s, const char *src, int64_t n) {
    c->copy(dst, s, src, c->es, n, c->dtype, c->dtype);
}

static void iota(int64_t *idx, int64_t n) {
    for (int64_t i = 0; i < n; i++) idx[i] = i;
}

/* Sort n contiguous elements in place; strings go through an index sort. */
static int sort_buf(lane_ctx *c, char *v, int64_t n) {
    if (c->k->sort) return c->k->sort(v, n, c->kind);
    iota(c->ibuf, n);
    if (c->k->argsort(v, c->ibuf, n, c->es, c->kind) < 0) return -1;
    for (int64_t i = 0; i < n; i++) memcpy(c->tbuf + i * c->es, v + c->ibuf[i] * c->es, (size_t)c->es);
    memcpy(v, c->tbuf, (size_t)(n * c->es));
    return 0;
}

/* Partition n contiguous elements in place at the sorted positions c->kth. */
static int select_buf(lane_ctx *c, char *v, int64_t n) {
    if (!c->k->select) return sort_buf(c, v, n);
    int64_t lo = 0;
    for (int i = 0; i < c->nkth; i++) {
        int64_t k = c->kth[i];
        if (k < lo) continue; /* a repeated kth */
        c->k->select(v + lo * c->es, n - lo, k - lo);
        lo = k + 1;
    }
    return 0;
}

static int aselect_buf(lane_ctx *c, const char *v, int64_t *idx, int64_t n) {
    int64_t lo = 0;
    for (int i = 0; i < c->nkth; i++) {
        int64_t k = c->kth[i];
        if (k < lo) continue;
        c->k->aselect(v, idx + lo, n - lo, k - lo, c->es);
        lo = k + 1;
    }
    return 0;
}

/* Values lane in place: sort (or partition when c->kth). */
static int lane_values(char *const *p, const int64_t *s, int64_t n, void *ud) {
    lane_ctx *c = ud;
    char *v = p[0];
    bool direct = s[0] == c->es;
    if (!direct) { gather(c, c->vbuf, p[0], s[0], n); v = c->vbuf; }
    int r = c->kth ? select_buf(c, v, n) : sort_buf(c, v, n);
    if (r < 0) return -1;
    if (!direct) scatter(c, p[0], s[0], c->vbuf, n);
    return 0;
}

/* Index lane: p[0] the values, p[1] the int64 result. */
static int lane_indices(char *const *p, const int64_t *s, int64_t n, void *ud) {
    lane_ctx *c = ud;
    const char *v = p[0];
    if (s[0] != c->es) { gather(c, c->vbuf, p[0], s[0], n); v = c->vbuf; }
    int64_t *idx = s[1] == (int64_t)sizeof(int64_t) ? (int64_t *)p[1] : c->ibuf;
    iota(idx, n);
    int r = c->kth ? aselect_buf(c, v, idx, n) : c->k->argsort(v, idx, n, c->es, c->kind);
    if (r < 0) return -1;
    if (idx == c->ibuf)
        for (int64_t i = 0; i < n; i++) *(int64_t *)(p[1] + i * s[1]) = idx[i];
    return 0;
}

/* ------------------------------------------------------------ sort */

/* Sort (or partition, kth != NULL) a in place along axis. */
static int sort_axis_inplace(nd_array *a, int axis, nd_sort_kind kind, const int64_t *kth, int nkth) {
    if (a->ndim == 0 || a->shape[axis] < 2 || nd_size(a) == 0) return nd__sort_kernels_for(a->dtype) ? 0 : -1;
    int64_t n = a->shape[axis];
    bool strings = a->dtype->type == ND_TYPE_BYTES || a->dtype->type == ND_TYPE_STR;
    lane_ctx c;
    int r = ctx_init(&c, a->dtype, n, a->strides[axis] != a->dtype->itemsize, strings, strings);
    if (r == 0) {
        c.kind = kind;
        c.kth = kth;
        c.nkth = nkth;
        r = for_lanes(1, &a, axis, lane_values, &c);
    }
    ctx_free(&c);
    return r;
}

int nd_sort_inplace_ex(nd_array *a, const nd_sort_opts *o) {
    if (!a) return nd_error_set(ND_ERR_VALUE, "array must not be NULL");
    nd_sort_kind kind;
    if (opt_kind(o, &kind) < 0) return -1;
    int axis = opt_axis(o, a->ndim, false);
    if (axis < 0) return -1;
    if (!(a->flags & ND_WRITEABLE)) return nd_error_set(ND_ERR_VALUE, "sort array is read-only");
    return sort_axis_inplace(a, axis, kind, NULL, 0);
}

nd_array *nd_sort_ex(const nd_array *a, const nd_sort_opts *o) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_sort_kind kind;
    if (opt_kind(o, &kind) < 0) return NULL;
    int axis = opt_axis(o, a->ndim, true);
    if (axis == -1) return NULL;
    if (!nd__sort_kernels_for(a->dtype)) return NULL;
    nd_array *r = axis == -2 ? nd_flatten(a, 'C') : nd_copy(a, 'K');
    if (!r) return NULL;
    if (sort_axis_inplace(r, axis == -2 ? 0 : axis, kind, NULL, 0) < 0) { nd_free(r); return NULL; }
    return r;
}

/* The array argsort/argpartition work on: a itself, or its flattening (axis=None),
 * with 0-d arrays taken as 1-d as NumPy does. *axis receives the axis to use. */
static nd_array *arg_input(const nd_array *a, const nd_sort_opts *o, int *axis) {
    if (a->ndim == 0 || (o && o->axis.n == -1)) {
        if (a->ndim == 0 && o && o->axis.n > 0) { /* NumPy checks the axis against 1-d */
            int ax = opt_axis(o, 1, false);
            if (ax < 0) return NULL;
        }
        *axis = 0;
        return nd_ravel(a, 'C');
    }
    int ax = opt_axis(o, a->ndim, false);
    if (ax < 0) return NULL;
    *axis = ax;
    return nd_ref((nd_array *)a);
}

static const int64_t no_kth = 0;

static nd_array *argsort_impl(const nd_array *a, const nd_sort_opts *o, nd_ints kth, bool part) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    nd_sort_kind kind;
    if (opt_kind(o, &kind) < 0) return NULL;
    if (part && kind != ND_QUICKSORT)
        return nd__err(ND_ERR_VALUE, "select kind must be 'introselect' (got %d)", (int)kind);
    if (!nd__sort_kernels_for(a->dtype)) return NULL;
    int axis;
    nd_array *x = arg_input(a, o, &axis);
    if (!x) return NULL;
    nd_array *out = nd__new(ND_INT64, x->ndim, x->shape, 'C', false);
    int64_t *ks = NULL, kstack[16];
    size_t kb = 0;
    int r = out ? 0 : -1;
    int64_t n = x->shape[axis];
    lane_ctx c;
    memset(&c, 0, sizeof c);
    if (r == 0 && part && nd_size(x) > 0) {
        r = -1;
        if (kth.n <= 16) ks = kstack; /* the usual few kths: no allocation */
        else if (!(ks = nd__malloc(kb = (size_t)kth.n * sizeof(int64_t)))) goto done;
        for (int i = 0; i < kth.n; i++) {
            int64_t k = kth.v[i] < 0 ? kth.v[i] + n : kth.v[i];
            if (k < 0 || k >= n) {
                nd__err(ND_ERR_VALUE, "kth(=%lld) out of bounds (%lld)", (long long)k, (long long)n);
                goto done;
            }
            int j = i;
            while (j > 0 && ks[j - 1] > k) { ks[j] = ks[j - 1]; j--; }
            ks[j] = k;
        }
        r = 0;
    }
    if (r == 0 && nd_size(x) > 0) {
        r = ctx_init(&c, x->dtype, n, x->strides[axis] != x->dtype->itemsize, true, false);
        if (r == 0) {
            c.kind = kind;
            c.kth = part ? (kth.n > 0 ? ks : &no_kth) : NULL; /* non-NULL marks a partition */
            c.nkth = part ? kth.n : 0;
            nd_array *ops[2] = { x, out };
            r = for_lanes(2, ops, axis, lane_indices, &c);
        }
    }
done:
    ctx_free(&c);
    if (kb) nd__free(ks, kb);
    nd_free(x);
    if (r < 0) { nd_free(out); return NULL; }
    return out;
}

nd_array *nd_argsort_ex(const nd_array *a, const nd_sort_opts *o) {
    return argsort_impl(a, o, ND_INTS0, false);
}

nd_array *nd_argpartition_ex(const nd_array *a, nd_ints kth, const nd_sort_opts *o) {
    if (kth.n < 0 || (kth.n > 0 && !kth.v)) return nd__err(ND_ERR_TYPE, "Partition index must be integer");
    return argsort_impl(a, o, kth, true);
}

nd_array *nd_partition_ex(const nd_array *a, nd_ints kth, const nd_sort_opts *o) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (kth.n < 0 || (kth.n > 0 && !kth.v)) return nd__err(ND_ERR_TYPE, "Partition index must be integer");
    if (o && o->kind != ND_QUICKSORT) {
        nd_sort_kind kind;
        if (opt_kind(o, &kind) < 0) return NULL;
        return nd__err(ND_ERR_VALUE, "select kind must be 'introselect' (got %d)", (int)kind);
    }
    int axis = opt_axis(o, a->ndim, true);
    if (axis == -1) return NULL;
    if (!nd__sort_kernels_for(a->dtype)) return NULL;
    nd_array *r = axis == -2 ? nd_flatten(a, 'C') : nd_copy(a, 'K');
    if (!r) return NULL;
    if (axis == -2) axis = 0;
    int64_t n = r->shape[axis], *ks = NULL, kstack[16];
    size_t kb = 0;
    if (nd_size(r) > 0 && kth.n > 0) {
        if (kth.n <= 16) ks = kstack;
        else if (!(ks = nd__malloc(kb = (size_t)kth.n * sizeof(int64_t)))) { nd_free(r); return NULL; }
        for (int i = 0; i < kth.n; i++) {
            int64_t k = kth.v[i] < 0 ? kth.v[i] + n : kth.v[i];
            if (k < 0 || k >= n) {
                nd__err(ND_ERR_VALUE, "kth(=%lld) out of bounds (%lld)", (long long)k, (long long)n);
                if (kb) nd__free(ks, kb);
                nd_free(r);
                return NULL;
            }
            int j = i;
            while (j > 0 && ks[j - 1] > k) { ks[j] = ks[j - 1]; j--; }
            ks[j] = k;
        }
        int rc = sort_axis_inplace(r, axis, ND_QUICKSORT, ks, kth.n);
        if (kb) nd__free(ks, kb);
        if (rc < 0) { nd_free(r); return NULL; }
    }
    return r;
}

/* ------------------------------------------------------------ lexsort */

typedef struct lex_ctx {
    nd_array *const *keys;
    int nkeys;
    const nd_array *out;
    int axis;
    lane_ctx *c;             /* one per key (its dtype's kernels and value buffer) */
    int64_t *ibuf;
} lex_ctx;

static int lane_lex(char *const *p, const int64_t *s, int64_t n, void *ud) {
    lex_ctx *x = ud;
    const nd_array *out = x->out;
    /* the lane's multi-index from its flat C position in out (axis coordinate 0) */
    int64_t flat = (int64_t)(p[0] - out->data) / (int64_t)sizeof(int64_t);
    int64_t coord[ND_MAXDIMS];
    for (int d = out->ndim - 1; d >= 0; d--) {
        coord[d] = out->shape[d] ? flat % out->shape[d] : 0;
        flat = out->shape[d] ? flat / out->shape[d] : 0;
    }
    int64_t *idx = s[0] == (int64_t)sizeof(int64_t) ? (int64_t *)p[0] : x->ibuf;
    iota(idx, n);
    for (int k = 0; k < x->nkeys; k++) {
        const nd_array *key = x->keys[k];
        const char *kp = key->data;
        for (int d = 0; d < key->ndim; d++) kp += coord[d] * key->strides[d];
        lane_ctx *c = &x->c[k];
        gather(c, c->vbuf, kp, key->strides[x->axis], n);
        if (c->k->argsort(c->vbuf, idx, n, c->es, ND_STABLE) < 0) return -1;
    }
    if (idx == x->ibuf)
        for (int64_t i = 0; i < n; i++) *(int64_t *)(p[0] + i * s[0]) = idx[i];
    return 0;
}

nd_array *nd_lexsort_ex(nd_array *const *keys, int n, const nd_sort_opts *o) {
    if (n <= 0 || !keys) return nd__err(ND_ERR_TYPE, "need sequence of keys with len > 0 in lexsort");
    for (int k = 0; k < n; k++) {
        if (!keys[k]) return nd__err(ND_ERR_VALUE, "lexsort: key %d is NULL", k);
        if (keys[k]->ndim != keys[0]->ndim ||
            memcmp(keys[k]->shape, keys[0]->shape, (size_t)keys[0]->ndim * sizeof(int64_t)) != 0)
            return nd__err(ND_ERR_VALUE, "all keys need to be the same shape");
        if (!nd__sort_kernels_for(keys[k]->dtype)) return NULL;
    }
    const nd_array *k0 = keys[0];
    if (k0->ndim == 0) {
        if (o && o->axis.n == -1) return nd__err(ND_ERR_TYPE, "'NoneType' object cannot be interpreted as an integer");
        nd_array *z = nd__new(ND_INT64, 0, NULL, 'C', true);
        return z;
    }
    int axis = opt_axis(o, k0->ndim, false);
    if (axis < 0) return NULL;
    nd_array *out = nd__new(ND_INT64, k0->ndim, k0->shape, 'C', false);
    if (!out) return NULL;
    int64_t len = k0->shape[axis];
    if (nd_size(out) == 0) return out;
    size_t cb = (size_t)n * sizeof(lane_ctx), ib = (size_t)len * sizeof(int64_t);
    lane_ctx *c = nd__calloc((size_t)n, sizeof(lane_ctx));
    int64_t *ibuf = c ? nd__malloc(ib) : NULL;
    int r = ibuf ? 0 : -1;
    for (int k = 0; k < n && r == 0; k++) r = ctx_init(&c[k], keys[k]->dtype, len, true, false, false);
    if (r == 0) {
        lex_ctx x = { keys, n, out, axis, c, ibuf };
        r = for_lanes(1, &out, axis, lane_lex, &x);
    }
    if (c)
        for (int k = 0; k < n; k++) ctx_free(&c[k]);
    if (c) nd__free(c, cb);
    if (ibuf) nd__free(ibuf, ib);
    if (r < 0) { nd_free(out); return NULL; }
    return out;
}

/* ------------------------------------------------------------ sort_complex */

nd_array *nd_sort_complex(const nd_array *a) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    /* strings sort as strings, then parse as complex (NumPy's ValueError "complex() arg
     * is a malformed string" comes from that cast) */
    bool strings = a->dtype->type == ND_TYPE_BYTES || a->dtype->type == ND_TYPE_STR;
    if (!strings && !nd__is_numeric(a->dtype))
        return nd__err(ND_ERR_TYPE, "sort_complex: cannot convert dtype %s to complex", a->dtype->name);
    nd_array *s = nd_sort(a);
    if (!s || nd_dtype_is_complex(a->dtype)) return s;
    nd_type t = a->dtype->type;
    const nd_dtype_t *to = (t == ND_TYPE_INT8 || t == ND_TYPE_UINT8 || t == ND_TYPE_INT16 || t == ND_TYPE_UINT16)
                               ? ND_COMPLEX64 : ND_COMPLEX128;
    nd_array *r = nd_astype(s, to);
    nd_free(s);
    return r;
}

/* ------------------------------------------------------------ for other modules */

int nd__sort_1d(const nd_dtype_t *d, void *v, int64_t n, nd_sort_kind kind) {
    if (n < 2) return nd__sort_kernels_for(d) ? 0 : -1;
    lane_ctx c;
    bool strings = d && (d->type == ND_TYPE_BYTES || d->type == ND_TYPE_STR);
    int r = ctx_init(&c, d, n, false, strings, strings);
    if (r == 0) {
        c.kind = kind;
        r = sort_buf(&c, v, n);
    }
    ctx_free(&c);
    return r;
}

int nd__argsort_1d(const nd_dtype_t *d, const void *v, int64_t *idx, int64_t n, nd_sort_kind kind) {
    const nd__sort_kernels *k = nd__sort_kernels_for(d);
    if (!k) return -1;
    return k->argsort(v, idx, n, d->itemsize, kind);
}
