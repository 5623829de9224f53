/* integers, choice, shuffle, permutation, permuted, bytes, random_raw, multinomial,
 * dirichlet (specs/random.md §5.2, §5.6, §5.7, §7.4-7.6). */
#include "core/internal.h"
#include "random/fast.h"
#include "random/kernels.h"
#include "random/rng.h"

#include <math.h>

static bool size_given(const nd_random_opts *o) { return o->size.ndim > 0 || o->size.dims; }
static const nd_random_opts def_opts = { 0 };

static nd_array *new_sized(const nd_random_opts *o, const nd_dtype_t *dt, int64_t *n) {
    int ndim = size_given(o) ? o->size.ndim : 0;
    nd_array *a = o->out ? nd_ref(o->out) : nd__new(dt, ndim, o->size.dims, 'C', false);
    if (a && o->out && (!nd_dtype_equal(a->dtype, dt) || !nd_is_c_contiguous(a))) {
        nd_free(a);
        return nd__err(ND_ERR_TYPE, "Supplied output array has the wrong type or layout");
    }
    if (a) *n = nd_size(a);
    return a;
}

/* ------------------------------------------------------------ integers */

typedef __int128 i128;

static bool value_i128(nd_value v, i128 *out) {
    switch (nd__value_dtype(v)->kind) {
    case 'b': *out = v.v.b; return true;
    case 'i': *out = v.v.i; return true;
    case 'u': *out = v.v.u; return true;
    default:
        if (!isfinite(v.v.f)) return false;
        *out = (i128)v.v.f;
        return true;
    }
}

typedef struct int_ud {
    nd__bitgen *bg;
    bool masked, endpoint;
    nd_type t;
    i128 lo, hi;        /* scalar bounds */
    int lo_op, hi_op;   /* operand index of array bounds, 0 if scalar */
    nd__intbuf buf;
} int_ud;

static void type_range(nd_type t, i128 *mn, i128 *mx) {
    switch (t) {
    case ND_TYPE_BOOL: *mn = 0; *mx = 1; break;
    case ND_TYPE_INT8: *mn = INT8_MIN; *mx = INT8_MAX; break;
    case ND_TYPE_INT16: *mn = INT16_MIN; *mx = INT16_MAX; break;
    case ND_TYPE_INT32: *mn = INT32_MIN; *mx = INT32_MAX; break;
    case ND_TYPE_UINT8: *mn = 0; *mx = UINT8_MAX; break;
    case ND_TYPE_UINT16: *mn = 0; *mx = UINT16_MAX; break;
    case ND_TYPE_UINT32: *mn = 0; *mx = UINT32_MAX; break;
    case ND_TYPE_UINT64: *mn = 0; *mx = UINT64_MAX; break;
    default: *mn = INT64_MIN; *mx = INT64_MAX; break;
    }
}

static int int_check(nd_type t, const char *tname, i128 lo, i128 hi, bool endpoint) {
    i128 mn, mx, hc = endpoint ? hi : hi - 1;
    type_range(t, &mn, &mx);
    if (lo < mn) return nd_error_set(ND_ERR_VALUE, "low is out of bounds for %s", tname);
    if (hc > mx) return nd_error_set(ND_ERR_VALUE, "high is out of bounds for %s", tname);
    if (lo > hc) return nd_error_set(ND_ERR_VALUE, endpoint ? "low > high" : "low >= high");
    return 0;
}

static int int_loop(char **ptrs, int64_t n, const int64_t *strides, void *vud) {
    int_ud *u = vud;
    char *o = ptrs[0];
    for (int64_t k = 0; k < n; k++, o += strides[0]) {
        i128 lo = u->lo_op ? *(int64_t *)(ptrs[u->lo_op] + k * strides[u->lo_op]) : u->lo;
        i128 hi = u->hi_op ? *(int64_t *)(ptrs[u->hi_op] + k * strides[u->hi_op]) : u->hi;
        uint64_t rng = (uint64_t)((u->endpoint ? hi : hi - 1) - lo), off = (uint64_t)lo;
        switch (u->t) {
        case ND_TYPE_BOOL: *(bool *)o = (bool)(off + nd__bounded_bool(u->bg, rng != 0, &u->buf)); break;
        case ND_TYPE_INT8: case ND_TYPE_UINT8:
            *(uint8_t *)o = (uint8_t)(off + nd__bounded_u8(u->bg, (uint8_t)rng, u->masked, &u->buf)); break;
        case ND_TYPE_INT16: case ND_TYPE_UINT16:
            *(uint16_t *)o = (uint16_t)(off + nd__bounded_u16(u->bg, (uint16_t)rng, u->masked, &u->buf)); break;
        case ND_TYPE_INT32: case ND_TYPE_UINT32:
            *(uint32_t *)o = (uint32_t)(off + nd__bounded_u32(u->bg, (uint32_t)rng, u->masked)); break;
        default: *(uint64_t *)o = off + nd__bounded_u64(u->bg, rng, u->masked); break;
        }
    }
    return 0;
}

nd_array *nd_random_integers_ex(nd_rng *rng, nd_rparam low, nd_rparam high, const nd_random_opts *o) {
    if (!o) o = &def_opts;
    const nd_dtype_t *dt = o->dtype ? o->dtype : ND_INT64;
    if (!(nd_dtype_is_integer(dt) || nd_dtype_is_bool(dt)))
        return nd__err(ND_ERR_TYPE, "Unsupported dtype dtype('%s') for integers", nd_dtype_name(dt));
    int_ud u = { .t = dt->type, .endpoint = o->endpoint };
    nd_array *arrs[2] = { NULL, NULL }, *out = NULL, *res = NULL;
    int na = 0;
    nd_rparam par[2] = { low, high };
    i128 *sc[2] = { &u.lo, &u.hi };
    for (int j = 0; j < 2; j++) {
        if (par[j].a) {
            arrs[na] = nd_astype(par[j].a, ND_INT64, .order = 'C');
            if (!arrs[na]) goto done;
            if (j == 0) u.lo_op = 1 + na; else u.hi_op = 1 + na;
            na++;
        } else if (!par[j].v.dtype) { /* ND_RPARAM of a NULL array */
            nd_error_set(ND_ERR_VALUE, "%s must not be NULL", j ? "high" : "low");
            goto done;
        } else if (!value_i128(par[j].v, sc[j])) {
            nd_error_set(ND_ERR_VALUE, "%s is out of bounds for %s", j ? "high" : "low", nd_dtype_name(dt));
            goto done;
        }
    }
    /* checks before any draw, per element for array bounds */
    if (na == 0) {
        if (int_check(u.t, nd_dtype_name(dt), u.lo, u.hi, u.endpoint) < 0) goto done;
    } else {
        /* each array value against the dtype and against a scalar other bound */
        i128 mn, mx;
        type_range(u.t, &mn, &mx);
        for (int j = 0; j < na; j++) {
            const int64_t *v = (const int64_t *)arrs[j]->data;
            bool is_lo = (j == 0 && u.lo_op == 1);
            for (int64_t k = 0, n = nd_size(arrs[j]); k < n; k++) {
                i128 lo = is_lo ? v[k] : u.lo, hi = is_lo ? u.hi : v[k];
                if (is_lo && u.hi_op) hi = mx + (u.endpoint ? 0 : 1);
                if (!is_lo && u.lo_op) lo = mn;
                if (int_check(u.t, nd_dtype_name(dt), lo, hi, u.endpoint) < 0) goto done;
            }
        }
    }
    nd_shape_t shapes[3];
    int k = 0, ndim = 0;
    int64_t shape[ND_MAXDIMS];
    if (size_given(o)) shapes[k++] = o->size;
    for (int j = 0; j < na; j++) shapes[k++] = nd_shape_of(arrs[j]);
    if (k && (ndim = nd_broadcast_shapes(k, shapes, shape)) < 0) goto done;
    if (size_given(o) && (ndim != o->size.ndim || memcmp(shape, o->size.dims, sizeof(int64_t) * (size_t)ndim))) {
        nd_error_set(ND_ERR_VALUE, "shape mismatch: objects cannot be broadcast to a single shape");
        goto done;
    }
    out = o->out ? o->out : nd__new(dt, ndim, shape, 'C', false);
    if (!out) goto done;
    if (o->out && !nd_dtype_equal(out->dtype, dt)) {
        nd_error_set(ND_ERR_TYPE, "Supplied output array has the wrong type");
        goto done;
    }
    nd_rng *r = nd__rng_acquire(rng);
    u.bg = &r->rs.bg;
    u.masked = r->legacy;
    int rc = 0, w = (int)dt->itemsize;
    if (na == 0 && nd_is_c_contiguous(out) && (w == 8 || w == 4) && u.t != ND_TYPE_BOOL) {
        nd__fast_ints(u.bg, u.masked, (uint64_t)u.lo, (uint64_t)((u.endpoint ? u.hi : u.hi - 1) - u.lo), out->data,
                      nd_size(out), w);
    } else {
        const nd_array *ops[3] = { out, arrs[0], arrs[1] };
        rc = nd__iter_run(1 + na, ops, true, int_loop, &u);
    }
    nd__rng_release(rng);
    if (rc == 0) res = out;
done:
    for (int j = 0; j < na; j++) nd_free(arrs[j]);
    if (!res && out && out != o->out) nd_free(out);
    return res;
}

/* ------------------------------------------------------------ shuffles */

/* Swap items i and j of a 1-d strided run. */
static inline void swap_items(char *base, int64_t stride, int64_t isz, int64_t i, int64_t j) {
    char tmp[64];
    char *a = base + i * stride, *b = base + j * stride;
    for (int64_t off = 0; off < isz; off += 64) {
        size_t m = (size_t)(isz - off < 64 ? isz - off : 64);
        memcpy(tmp, a + off, m);
        memcpy(a + off, b + off, m);
        memcpy(b + off, tmp, m);
    }
}

static void fisher_yates(nd__bitgen *bg, char *base, int64_t stride, int64_t isz, int64_t n) {
    if (isz == 8 || isz == 4) {
        nd__fast_shuffle(bg, base, stride, n, (int)isz);
        return;
    }
    for (int64_t i = n - 1; i >= 1; i--) {
        int64_t j = (int64_t)nd__random_interval(bg, (uint64_t)i);
        if (i != j) swap_items(base, stride, isz, i, j);
    }
}

static int swap_loop(char **p, int64_t n, const int64_t *s, void *ud) {
    int64_t isz = *(int64_t *)ud;
    for (int64_t k = 0; k < n; k++) {
        char tmp[64];
        char *a = p[0] + k * s[0], *b = p[1] + k * s[1];
        for (int64_t off = 0; off < isz; off += 64) {
            size_t m = (size_t)(isz - off < 64 ? isz - off : 64);
            memcpy(tmp, a + off, m);
            memcpy(a + off, b + off, m);
            memcpy(b + off, tmp, m);
        }
    }
    return 0;
}

/* Shuffle sub-arrays along axis in place (n-d). */
static int shuffle_axis(nd__bitgen *bg, nd_array *x, int axis) {
    int64_t n = x->shape[axis], isz = x->dtype->itemsize;
    if (x->ndim == 1) {
        fisher_yates(bg, x->data, x->strides[0], isz, n);
        return 0;
    }
    /* views of two slices along axis share x's geometry without that axis */
    int64_t shp[ND_MAXDIMS], str[ND_MAXDIMS];
    int nd = 0;
    for (int k = 0; k < x->ndim; k++)
        if (k != axis) { shp[nd] = x->shape[k]; str[nd] = x->strides[k]; nd++; }
    nd_array *vi = nd__view(x, x->dtype, nd, shp, str, x->data);
    nd_array *vj = nd__view(x, x->dtype, nd, shp, str, x->data);
    if (!vi || !vj) { nd_free(vi); nd_free(vj); return -1; }
    for (int64_t i = n - 1; i >= 1; i--) {
        int64_t j = (int64_t)nd__random_interval(bg, (uint64_t)i);
        if (i == j) continue;
        vi->data = x->data + i * x->strides[axis];
        vj->data = x->data + j * x->strides[axis];
        const nd_array *ops[2] = { vi, vj };
        if (nd__iter_run(2, ops, true, swap_loop, &isz) < 0) { nd_free(vi); nd_free(vj); return -1; }
    }
    nd_free(vi);
    nd_free(vj);
    return 0;
}

static int get_axis(const nd_random_opts *o, int ndim) {
    int ax = o->axis.n ? o->axis.v[0] : 0;
    return nd__check_axis(ax, ndim);
}

int nd_random_shuffle_ex(nd_rng *rng, nd_array *x, const nd_random_opts *o) {
    if (!o) o = &def_opts;
    if (!x) return nd_error_set(ND_ERR_VALUE, "NULL array");
    if (x->ndim < 1) return nd_error_set(ND_ERR_TYPE, "object of type 'numpy.int64' has no len()");
    int axis = get_axis(o, x->ndim);
    if (axis < 0) return -1;
    if (!nd__check_writeable(x)) return -1;
    nd_rng *r = nd__rng_acquire(rng);
    int rc = shuffle_axis(&r->rs.bg, x, axis);
    nd__rng_release(rng);
    return rc;
}

nd_array *nd_random_permutation_ex(nd_rng *rng, int64_t n, const nd_random_opts *o) {
    if (n < 0) return nd__err(ND_ERR_VALUE, "negative dimensions are not allowed");
    nd_array *a = nd__new(ND_INT64, 1, &n, 'C', false);
    if (!a) return NULL;
    int64_t *v = (int64_t *)a->data;
    for (int64_t i = 0; i < n; i++) v[i] = i;
    nd_rng *r = nd__rng_acquire(rng);
    fisher_yates(&r->rs.bg, a->data, 8, 8, n);
    nd__rng_release(rng);
    return a;
}

/* a.take(idx, axis) for a C-contiguous a; idx shape replaces axis. */
static nd_array *take_axis(const nd_array *a0, const int64_t *idx, int idx_ndim, const int64_t *idx_shape,
                           int axis) {
    nd_array *a = nd_ascontiguousarray(a0);
    if (!a) return NULL;
    int64_t shape[ND_MAXDIMS], pre = 1, post = 1, m = nd__shape_size(idx_ndim, idx_shape);
    int nd = 0;
    for (int k = 0; k < axis; k++) { shape[nd++] = a->shape[k]; pre *= a->shape[k]; }
    for (int k = 0; k < idx_ndim; k++) shape[nd++] = idx_shape[k];
    for (int k = axis + 1; k < a->ndim; k++) { shape[nd++] = a->shape[k]; post *= a->shape[k]; }
    if (nd > ND_MAXDIMS) { nd_free(a); return nd__err(ND_ERR_VALUE, "too many dimensions"); }
    nd_array *out = nd__new(a->dtype, nd, shape, 'C', false);
    if (out) {
        int64_t blk = post * a->dtype->itemsize, n = a->shape[axis];
        for (int64_t p = 0; p < pre; p++)
            for (int64_t k = 0; k < m; k++)
                memcpy(out->data + (p * m + k) * blk, a->data + (p * n + idx[k]) * blk, (size_t)blk);
    }
    nd_free(a);
    return out;
}

nd_array *nd_random_permutation_array_ex(nd_rng *rng, const nd_array *x, const nd_random_opts *o) {
    if (!o) o = &def_opts;
    if (!x) return nd__err(ND_ERR_VALUE, "NULL array");
    if (x->ndim < 1) return nd__err(ND_ERR_INDEX, "x must be an integer or at least 1-dimensional");
    int axis = get_axis(o, x->ndim);
    if (axis < 0) return NULL;
    if (x->ndim == 1) {
        nd_array *c = nd_copy(x, 'C');
        if (!c) return NULL;
        nd_rng *r = nd__rng_acquire(rng);
        fisher_yates(&r->rs.bg, c->data, c->dtype->itemsize, c->dtype->itemsize, c->shape[0]);
        nd__rng_release(rng);
        return c;
    }
    nd_array *idx = nd_random_permutation_ex(rng, x->shape[axis], o);
    if (!idx) return NULL;
    nd_array *res = take_axis(x, (const int64_t *)idx->data, 1, idx->shape, axis);
    nd_free(idx);
    return res;
}

nd_array *nd_random_permuted_ex(nd_rng *rng, const nd_array *x, const nd_random_opts *o) {
    if (!o) o = &def_opts;
    if (!x) return nd__err(ND_ERR_VALUE, "NULL array");
    nd_array *c = nd_copy(x, 'C');
    if (!c) return NULL;
    nd_rng *r = nd__rng_acquire(rng);
    int64_t isz = c->dtype->itemsize;
    if (o->axis.n == 0) {
        fisher_yates(&r->rs.bg, c->data, isz, isz, nd_size(c));
    } else {
        int axis = nd__check_axis(o->axis.v[0], c->ndim);
        if (axis < 0) {
            nd__rng_release(rng);
            nd_free(c);
            return NULL;
        }
        int64_t pre = 1, post = 1, n = c->shape[axis];
        for (int k = 0; k < axis; k++) pre *= c->shape[k];
        for (int k = axis + 1; k < c->ndim; k++) post *= c->shape[k];
        for (int64_t p = 0; p < pre; p++)
            for (int64_t q = 0; q < post; q++)
                fisher_yates(&r->rs.bg, c->data + (p * n * post + q) * isz, post * isz, isz, n);
    }
    nd__rng_release(rng);
    if (o->out) {
        int rc = nd_copyto(o->out, c, ND_CASTING_SAME_KIND);
        nd_free(c);
        return rc < 0 ? NULL : o->out;
    }
    return c;
}

/* ------------------------------------------------------------ choice */

/* The number of cdf values <= x (branch-free halving: the loads do not wait on
 * mispredicted comparisons). */
static int64_t searchsorted_right(const double *cdf, int64_t n, double x) {
    if (n == 0) return 0;
    const double *b = cdf;
    while (n > 1) {
        int64_t half = n / 2;
        b = b[half] <= x ? b + half : b;
        n -= half;
    }
    return (b - cdf) + (*b <= x);
}

static void make_cdf(const double *p, int64_t n, double *cdf) {
    double s = 0;
    for (int64_t i = 0; i < n; i++) cdf[i] = s += p[i];
    double last = cdf[n - 1];
    for (int64_t i = 0; i < n; i++) cdf[i] /= last;
}

/* Indices into [0, pop) following choice's rules; idx has n_out entries. */
static int choice_indices(nd_rng *r, int64_t pop, const double *p, int64_t n_out, bool replace, bool shuffle,
                          int64_t *idx) {
    nd__bitgen *bg = &r->rs.bg;
    if (replace && !p) {
        nd__fast_ints(bg, r->legacy, 0, (uint64_t)(pop - 1), idx, n_out, 8);
        return 0;
    }
    if (p) {
        double *cdf = nd__malloc(sizeof(double) * (size_t)pop);
        double *pc = nd__malloc(sizeof(double) * (size_t)pop);
        double *x = nd__malloc(sizeof(double) * (size_t)(n_out ? n_out : 1));
        if (!cdf || !pc || !x) {
            nd__free(cdf, sizeof(double) * (size_t)pop);
            nd__free(pc, sizeof(double) * (size_t)pop);
            nd__free(x, sizeof(double) * (size_t)(n_out ? n_out : 1));
            nd__nomem();
            return -1;
        }
        memcpy(pc, p, sizeof(double) * (size_t)pop);
        if (replace) {
            make_cdf(pc, pop, cdf);
            for (int64_t k = 0; k < n_out; k++) idx[k] = searchsorted_right(cdf, pop, nd__next_double(bg));
        } else {
            unsigned char *taken = nd__malloc((size_t)pop);
            if (!taken) {
                nd__free(cdf, sizeof(double) * (size_t)pop);
                nd__free(pc, sizeof(double) * (size_t)pop);
                nd__free(x, sizeof(double) * (size_t)(n_out ? n_out : 1));
                nd__nomem();
                return -1;
            }
            memset(taken, 0, (size_t)pop);
            int64_t found = 0;
            while (found < n_out) {
                int64_t m = n_out - found;
                for (int64_t k = 0; k < m; k++) x[k] = nd__next_double(bg);
                for (int64_t k = 0; k < found; k++) pc[idx[k]] = 0;
                make_cdf(pc, pop, cdf);
                /* distinct new values in order of first appearance */
                for (int64_t k = 0; k < m; k++) {
                    int64_t v = searchsorted_right(cdf, pop, x[k]);
                    if (v >= pop) v = pop - 1; /* (x < 1 == cdf[pop - 1]: not reached) */
                    if (!taken[v]) {
                        taken[v] = 1;
                        idx[found++] = v;
                    }
                }
            }
            nd__free(taken, (size_t)pop);
        }
        nd__free(cdf, sizeof(double) * (size_t)pop);
        nd__free(pc, sizeof(double) * (size_t)pop);
        nd__free(x, sizeof(double) * (size_t)(n_out ? n_out : 1));
        return 0;
    }
    if (r->legacy) {
        /* permutation(pop)[:n_out] */
        int64_t *perm = nd__malloc(sizeof(int64_t) * (size_t)(pop ? pop : 1));
        if (!perm) { nd__nomem(); return -1; }
        for (int64_t i = 0; i < pop; i++) perm[i] = i;
        fisher_yates(bg, (char *)perm, 8, 8, pop);
        memcpy(idx, perm, sizeof(int64_t) * (size_t)n_out);
        nd__free(perm, sizeof(int64_t) * (size_t)(pop ? pop : 1));
        return 0;
    }
    int64_t cutoff = shuffle ? 50 : 20;
    if (pop > 10000 && n_out > pop / cutoff) {
        int64_t *arr = nd__malloc(sizeof(int64_t) * (size_t)pop);
        if (!arr) { nd__nomem(); return -1; }
        for (int64_t i = 0; i < pop; i++) arr[i] = i;
        int64_t stop = pop - n_out > 1 ? pop - n_out : 1;
        for (int64_t i = pop - 1; i >= stop; i--) {
            int64_t j = (int64_t)nd__bounded_u64(bg, (uint64_t)i, false);
            int64_t t = arr[i]; arr[i] = arr[j]; arr[j] = t;
        }
        memcpy(idx, arr + pop - n_out, sizeof(int64_t) * (size_t)n_out);
        nd__free(arr, sizeof(int64_t) * (size_t)pop);
        return 0;
    }
    /* Floyd's algorithm; an open-addressing set (-1 = empty) answers "selected before?" */
    size_t cap = 16;
    while (cap < 2 * (size_t)n_out) cap *= 2;
    int64_t *set = nd__malloc(sizeof(int64_t) * cap);
    if (!set) { nd__nomem(); return -1; }
    memset(set, 0xff, sizeof(int64_t) * cap);
    for (int64_t j = pop - n_out, k = 0; j < pop; j++, k++) {
        int64_t v = (int64_t)nd__bounded_u64(bg, (uint64_t)j, false);
        for (int pass = 0; pass < 2; pass++) {
            size_t h = (size_t)(((uint64_t)v * 0x9E3779B97F4A7C15ULL) >> 17) & (cap - 1);
            while (set[h] != -1 && set[h] != v) h = (h + 1) & (cap - 1);
            if (set[h] == -1) { set[h] = v; break; }
            v = j; /* v was taken: take j (never taken before) */
        }
        idx[k] = v;
    }
    nd__free(set, sizeof(int64_t) * cap);
    if (shuffle)
        for (int64_t i = n_out - 1; i >= 1; i--) {
            int64_t j = (int64_t)nd__bounded_u64(bg, (uint64_t)i, false);
            int64_t t = idx[i]; idx[i] = idx[j]; idx[j] = t;
        }
    return 0;
}

static nd_array *choice_run(nd_rng *rng, int64_t pop, const nd_random_opts *o, int64_t **idx_out, nd_array **p_conv) {
    int64_t n_out = 1;
    if (size_given(o)) {
        n_out = nd__shape_size(o->size.ndim, o->size.dims);
        if (n_out < 0) return NULL;
    }
    bool legacy = !rng || rng->legacy;
    if (pop < 0) return nd__err(ND_ERR_VALUE, "a must be a positive integer unless no samples are taken");
    if (pop == 0 && n_out > 0)
        return nd__err(ND_ERR_VALUE, legacy ? "a must be greater than 0 unless no samples are taken"
                                            : "a must be a positive integer unless no samples are taken");
    const double *p = NULL;
    if (o->p) {
        *p_conv = nd_astype(o->p, ND_FLOAT64, .order = 'C');
        if (!*p_conv) return NULL;
        if ((*p_conv)->ndim != 1) return nd__err(ND_ERR_VALUE, "'p' must be 1-dimensional");
        if (nd_size(*p_conv) != pop) return nd__err(ND_ERR_VALUE, "'a' and 'p' must have same size");
        p = (const double *)(*p_conv)->data;
        double sum = 0, c = 0;
        for (int64_t i = 0; i < pop; i++) {
            if (isnan(p[i])) return nd__err(ND_ERR_VALUE, "probabilities contain NaN");
            if (p[i] < 0) return nd__err(ND_ERR_VALUE, "probabilities are not non-negative");
            double y = p[i] - c, t = sum + y; /* Kahan */
            c = (t - sum) - y;
            sum = t;
        }
        if (fabs(sum - 1.0) > sqrt(2.220446049250313e-16)) return nd__err(ND_ERR_VALUE, "probabilities do not sum to 1");
    }
    if (o->no_replace) {
        if (n_out > pop)
            return nd__err(ND_ERR_VALUE, legacy ? "Cannot take a larger sample than population when 'replace=False'"
                                                : "Cannot take a larger sample than population when replace is False");
        if (n_out < 0) return nd__err(ND_ERR_VALUE, "negative dimensions are not allowed");
        if (p) {
            int64_t nz = 0;
            for (int64_t i = 0; i < pop; i++) nz += p[i] > 0;
            if (nz < n_out) return nd__err(ND_ERR_VALUE, "Fewer non-zero entries in p than size");
        }
    }
    nd_array *idx = nd__new(ND_INT64, size_given(o) ? o->size.ndim : 0, o->size.dims, 'C', false);
    if (!idx) return NULL;
    nd_rng *r = nd__rng_acquire(rng);
    int rc = choice_indices(r, pop, p, n_out, !o->no_replace, !o->no_shuffle, (int64_t *)idx->data);
    nd__rng_release(rng);
    if (rc < 0) { nd_free(idx); return NULL; }
    *idx_out = (int64_t *)idx->data;
    return idx;
}

nd_array *nd_random_choice_ex(nd_rng *rng, int64_t a, const nd_random_opts *o) {
    if (!o) o = &def_opts;
    int64_t *ix = NULL;
    nd_array *pc = NULL;
    nd_array *res = choice_run(rng, a, o, &ix, &pc);
    nd_free(pc);
    return res;
}

nd_array *nd_random_choice_array_ex(nd_rng *rng, const nd_array *a, const nd_random_opts *o) {
    if (!o) o = &def_opts;
    if (!a) return nd__err(ND_ERR_VALUE, "NULL array");
    if (a->ndim == 0) return nd__err(ND_ERR_VALUE, "a must be 1-dimensional or an integer");
    int axis = get_axis(o, a->ndim);
    if (axis < 0) return NULL;
    int64_t *ix = NULL;
    nd_array *pc = NULL;
    nd_array *idx = choice_run(rng, a->shape[axis], o, &ix, &pc);
    nd_free(pc);
    if (!idx) return NULL;
    nd_array *res = take_axis(a, ix, idx->ndim, idx->shape, axis);
    nd_free(idx);
    return res;
}

/* ------------------------------------------------------------ bytes, raw */

int nd_random_bytes(nd_rng *rng, void *buf, int64_t length) {
    if (length < 0 || (!buf && length > 0)) return nd_error_set(ND_ERR_VALUE, "negative dimensions are not allowed");
    nd_rng *r = nd__rng_acquire(rng);
    unsigned char *b = buf;
    for (int64_t k = 0; k < length; k += 4) {
        uint32_t w = nd__next_u32(&r->rs.bg);
        for (int t = 0; t < 4 && k + t < length; t++) b[k + t] = (unsigned char)(w >> (8 * t));
    }
    nd__rng_release(rng);
    return 0;
}

nd_array *nd_random_random_raw_ex(nd_rng *rng, const nd_random_opts *o) {
    if (!o) o = &def_opts;
    int64_t n = 0;
    nd_array *a = new_sized(o, ND_UINT64, &n);
    if (!a) return NULL;
    nd_rng *r = nd__rng_acquire(rng);
    uint64_t *v = (uint64_t *)a->data;
    bool mt = r->rs.bg.kind == ND__BG_MT19937;
    for (int64_t k = 0; k < n; k++) v[k] = mt ? nd__next_u32(&r->rs.bg) : nd__next_u64(&r->rs.bg);
    nd__rng_release(rng);
    if (o->out) { nd_free(a); return o->out; }
    return a;
}

/* ------------------------------------------------------------ multinomial, dirichlet */

static nd_array *vector_out(const nd_random_opts *o, int64_t k, const nd_dtype_t *dt, int64_t *rows) {
    int64_t shape[ND_MAXDIMS];
    int nd = size_given(o) ? o->size.ndim : 0;
    if (nd >= ND_MAXDIMS) return nd__err(ND_ERR_VALUE, "too many dimensions");
    for (int i = 0; i < nd; i++) shape[i] = o->size.dims[i];
    shape[nd] = k;
    *rows = nd__shape_size(nd, shape);
    if (*rows < 0) return NULL;
    return nd__new(dt, nd + 1, shape, 'C', false);
}

nd_array *nd_random_multinomial_ex(nd_rng *rng, int64_t n, const nd_array *pvals, const nd_random_opts *o) {
    if (!o) o = &def_opts;
    if (!pvals) return nd__err(ND_ERR_VALUE, "NULL pvals");
    if (n < 0) return nd__err(ND_ERR_VALUE, "n < 0");
    nd_array *pc = nd_astype(pvals, ND_FLOAT64, .order = 'C');
    if (!pc) return NULL;
    if (pc->ndim != 1) { nd_free(pc); return nd__err(ND_ERR_VALUE, pc->ndim ? "object too deep for desired array" : "object of too small depth for desired array"); }
    int64_t d = pc->shape[0], rows;
    const double *p = (const double *)pc->data;
    double s = 0;
    for (int64_t i = 0; i < d; i++) {
        if (!(p[i] >= 0) || !(p[i] <= 1)) { nd_free(pc); return nd__err(ND_ERR_VALUE, "pvals < 0, pvals > 1 or pvals contains NaNs"); }
        if (i < d - 1) s += p[i];
    }
    if (s > 1.0 + 1e-12) { nd_free(pc); return nd__err(ND_ERR_VALUE, "sum(pvals[:-1]) > 1.0"); }
    nd_array *out = vector_out(o, d, ND_INT64, &rows);
    if (!out) { nd_free(pc); return NULL; }
    nd_rng *r = nd__rng_acquire(rng);
    int64_t *v = (int64_t *)out->data;
    for (int64_t row = 0; row < rows; row++, v += d) {
        /* conditional binomials, as NumPy's random_multinomial */
        double remaining_p = 1.0;
        int64_t dn = n;
        for (int64_t j = 0; j < d; j++) v[j] = 0;
        for (int64_t j = 0; j < d - 1; j++) {
            v[j] = r->legacy ? nd__legacy_binomial(&r->rs, dn, p[j] / remaining_p)
                             : nd__binomial(&r->rs, dn, p[j] / remaining_p);
            dn -= v[j];
            if (dn <= 0) break;
            remaining_p -= p[j];
        }
        if (dn > 0) v[d - 1] = dn;
    }
    nd__rng_release(rng);
    nd_free(pc);
    return out;
}

nd_array *nd_random_dirichlet_ex(nd_rng *rng, const nd_array *alpha, const nd_random_opts *o) {
    if (!o) o = &def_opts;
    if (!alpha) return nd__err(ND_ERR_VALUE, "NULL alpha");
    nd_array *ac = nd_astype(alpha, ND_FLOAT64, .order = 'C');
    if (!ac) return NULL;
    if (ac->ndim != 1) { nd_free(ac); return nd__err(ND_ERR_VALUE, ac->ndim ? "object too deep for desired array" : "object of too small depth for desired array"); }
    int64_t k = ac->shape[0], rows;
    const double *a = (const double *)ac->data;
    for (int64_t i = 0; i < k; i++)
        if (a[i] <= 0) { nd_free(ac); return nd__err(ND_ERR_VALUE, "alpha <= 0"); } /* NaN passes, as in NumPy */
    nd_array *out = vector_out(o, k, ND_FLOAT64, &rows);
    if (!out) { nd_free(ac); return NULL; }
    nd_rng *r = nd__rng_acquire(rng);
    double *v = (double *)out->data;
    /* Generator: stick-breaking with beta variates when max(alpha) < 0.1 (avoids 0/0) */
    double amax = k ? a[0] : 0;
    for (int64_t j = 1; j < k; j++) amax = a[j] > amax ? a[j] : amax;
    if (!r->legacy && k > 0 && amax < 0.1) {
        double *csum = nd__malloc(sizeof(double) * (size_t)k);
        if (!csum) {
            nd__rng_release(rng);
            nd_free(ac);
            nd_free(out);
            return nd__nomem();
        }
        double cs = 0;
        for (int64_t j = k - 1; j >= 0; j--) csum[j] = cs += a[j];
        memset(v, 0, sizeof(double) * (size_t)(rows * k));
        for (int64_t row = 0; cs > 0 && row < rows; row++, v += k) {
            double acc = 1.0;
            for (int64_t j = 0; j < k - 1; j++) {
                double b = nd__k_beta(&r->rs, false, a[j], csum[j + 1]);
                v[j] = acc * b;
                acc *= 1.0 - b;
                if (csum[j + 1] == 0) break;
            }
            v[k - 1] = acc;
        }
        nd__free(csum, sizeof(double) * (size_t)k);
        rows = 0;
    }
    for (int64_t row = 0; row < rows; row++, v += k) {
        double acc = 0;
        for (int64_t j = 0; j < k; j++) {
            v[j] = r->legacy ? nd__legacy_std_gamma(&r->rs, a[j]) : nd__std_gamma(&r->rs.bg, a[j]);
            acc += v[j];
        }
        double inv = 1.0 / acc;
        for (int64_t j = 0; j < k; j++) v[j] *= inv;
    }
    nd__rng_release(rng);
    nd_free(ac);
    return out;
}
